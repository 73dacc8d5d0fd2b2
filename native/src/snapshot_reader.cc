#include "snapshot_reader.h"

#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <vector>

namespace memscope {

namespace {

// Type names in the numbering of HeapGraph.nodeTypes / edgeTypes (the order
// of v8::HeapGraphNode::Type and v8::HeapGraphEdge::Type). A snapshot's own
// numbering is mapped onto these by name, as the pure-JS parser does.
const char* const kNodeTypeOrder[] = {
    "hidden", "array", "string", "object", "code", "closure", "regexp", "number", "native",
    "synthetic", "concatenated string", "sliced string", "symbol", "bigint", "object shape",
    "wasm object"};
const char* const kEdgeTypeOrder[] = {"context", "element", "property", "internal", "hidden", "shortcut", "weak"};
constexpr uint8_t kElementEdge = 1;
constexpr uint8_t kHiddenEdge = 4;

const char kNodesKey[] = "\"nodes\":[";
const char kEdgesKey[] = "\"edges\":[";
const char kStringsKey[] = "\"strings\":[";
constexpr size_t kMaxHeaderBytes = 1 << 20;

struct ReadError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

[[noreturn]] void Fail(const std::string& what) { throw ReadError("heapGraph: " + what); }

// The quoted names in the list after `key` in the header; for the type
// lists (`"node_types":[["hidden",...],"string",...]`) the inner first list.
std::vector<std::string> NamesAfter(const std::string& header, const std::string& key) {
  size_t at = header.find("\"" + key + "\":");
  if (at == std::string::npos) Fail("the snapshot header has no \"" + key + "\"");
  at += key.size() + 3;
  while (at < header.size() && header[at] == '[') ++at;
  std::vector<std::string> names;
  while (at < header.size() && header[at] != ']') {
    if (header[at] == '"') {
      size_t close = header.find('"', at + 1);
      if (close == std::string::npos) break;
      names.push_back(header.substr(at + 1, close - at - 1));
      at = close;
    }
    ++at;
  }
  if (names.empty()) Fail("the snapshot header's \"" + key + "\" list is empty");
  return names;
}

uint64_t NumberAfter(const std::string& header, const std::string& key) {
  size_t at = header.find("\"" + key + "\":");
  if (at == std::string::npos) Fail("the snapshot header has no \"" + key + "\"");
  at += key.size() + 3;
  uint64_t value = 0;
  for (; at < header.size() && header[at] >= '0' && header[at] <= '9'; ++at) value = value * 10 + uint64_t(header[at] - '0');
  return value;
}

template <size_t N>
void MapTypes(const std::vector<std::string>& names, const char* const (&order)[N], uint8_t* map) {
  for (size_t i = 0; i < names.size() && i < 256; ++i) {
    map[i] = uint8_t(i);
    for (size_t ours = 0; ours < N; ++ours) {
      if (names[i] == order[ours]) map[i] = uint8_t(ours);
    }
  }
}

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

// A type number as the snapshot wrote it, mapped to the reader's own (the
// map covers the 256 numbers a type field may hold).
uint8_t MappedType(uint64_t value, const uint8_t (&map)[256], const char* out_of_range) {
  if (value > 255) Fail(out_of_range);
  return map[value];
}

}  // namespace

// 256 KB per call. MEMSCOPE_SNAPSHOT_CHUNK_BYTES sets another size so tests
// can cut every number, string and escape across chunk boundaries.
int SnapshotReader::GetChunkSize() {
  const char* configured = std::getenv("MEMSCOPE_SNAPSHOT_CHUNK_BYTES");
  long bytes = configured != nullptr ? std::strtol(configured, nullptr, 10) : 0;
  return bytes >= 1 && bytes <= (1 << 24) ? int(bytes) : 256 * 1024;
}

v8::OutputStream::WriteResult SnapshotReader::WriteAsciiChunk(char* data, int size) {
  if (!error_.empty()) return kAbort;
  auto started = std::chrono::steady_clock::now();
  try {
    Feed(data, data + size);
  } catch (const std::exception& failure) {
    error_ = failure.what();
    return kAbort;
  }
  read_time_ += std::chrono::steady_clock::now() - started;
  return kContinue;
}

std::string SnapshotReader::error() const {
  if (!error_.empty()) return error_;
  if (section_ != Section::kDone) return "heapGraph: the snapshot stream ended before its \"strings\" array did";
  uint32_t string_count = uint32_t(strings_.size());
  for (size_t node = 0; node < out_.node_count; ++node) {
    if (out_.node_names[node] >= string_count) return "heapGraph: a node name points outside the string table";
  }
  for (size_t edge = 0; edge < out_.edge_count; ++edge) {
    uint8_t type = out_.edge_types[edge];
    if (type != kElementEdge && type != kHiddenEdge && out_.edge_names[edge] >= string_count) {
      return "heapGraph: an edge name points outside the string table";
    }
  }
  return "";
}

void SnapshotReader::Feed(const char* at, const char* end) {
  while (at < end) {
    switch (section_) {
      case Section::kHeader: at = ReadHeader(at, end); break;
      case Section::kNodes:
      case Section::kEdges: at = ReadNumbers(at, end); break;
      case Section::kSeekEdges: at = Seek(at, end, kEdgesKey, Section::kEdges); break;
      case Section::kSeekStrings: at = Seek(at, end, kStringsKey, Section::kStrings); break;
      case Section::kStrings: at = ReadStrings(at, end); break;
      case Section::kDone: return;  // the closing brace
    }
  }
}

const char* SnapshotReader::ReadHeader(const char* at, const char* end) {
  size_t kept = pending_.size();
  pending_.append(at, size_t(end - at));
  size_t found = pending_.find(kNodesKey);
  if (found == std::string::npos) {
    if (pending_.size() > kMaxHeaderBytes) Fail("the snapshot header is over 1 MB; is this a heap snapshot?");
    return end;
  }
  pending_.resize(found);
  ParseHeader(pending_);
  pending_.clear();
  section_ = Section::kNodes;
  return at + (found + sizeof(kNodesKey) - 1 - kept);
}

void SnapshotReader::ParseHeader(const std::string& header) {
  std::vector<std::string> node_fields = NamesAfter(header, "node_fields");
  std::vector<std::string> edge_fields = NamesAfter(header, "edge_fields");
  if (node_fields.size() > 32 || edge_fields.size() > 32) Fail("the snapshot has more than 32 fields per item");
  node_field_count_ = uint32_t(node_fields.size());
  edge_field_count_ = uint32_t(edge_fields.size());
  const std::pair<const char*, Role> node_roles[] = {{"type", Role::kType}, {"name", Role::kName}, {"id", Role::kId},
                                                     {"self_size", Role::kSelfSize}, {"edge_count", Role::kEdgeCount}};
  const std::pair<const char*, Role> edge_roles[] = {{"type", Role::kType}, {"name_or_index", Role::kName}, {"to_node", Role::kToNode}};
  for (const auto& [name, role] : node_roles) {
    bool found = false;
    for (size_t i = 0; i < node_fields.size(); ++i) {
      if (node_fields[i] == name) node_roles_[i] = role, found = true;
    }
    if (!found) Fail(std::string("the snapshot's nodes have no \"") + name + "\" field");
  }
  for (const auto& [name, role] : edge_roles) {
    bool found = false;
    for (size_t i = 0; i < edge_fields.size(); ++i) {
      if (edge_fields[i] == name) edge_roles_[i] = role, found = true;
    }
    if (!found) Fail(std::string("the snapshot's edges have no \"") + name + "\" field");
  }
  MapTypes(NamesAfter(header, "node_types"), kNodeTypeOrder, node_type_map_);
  MapTypes(NamesAfter(header, "edge_types"), kEdgeTypeOrder, edge_type_map_);
  // The output arrays were sized from the snapshot object before streaming.
  if (NumberAfter(header, "node_count") != out_.node_count || NumberAfter(header, "edge_count") != out_.edge_count) {
    Fail("the serialized snapshot's node or edge count differs from the snapshot's own");
  }
}

const char* SnapshotReader::Seek(const char* at, const char* end, const char* key, Section next) {
  size_t key_length = std::strlen(key);
  size_t kept = pending_.size();
  pending_.append(at, size_t(end - at));
  size_t found = pending_.find(key);
  if (found == std::string::npos) {
    // Only a key split across chunks needs the tail.
    if (pending_.size() >= key_length) pending_.erase(0, pending_.size() - (key_length - 1));
    return end;
  }
  pending_.clear();
  section_ = next;
  return at + (found + key_length - kept);
}

const char* SnapshotReader::ReadNumbers(const char* at, const char* end) {
  const bool nodes = section_ == Section::kNodes;
  uint64_t number = number_;
  bool in_number = in_number_;
  for (; at < end; ++at) {
    unsigned digit = unsigned(uint8_t(*at)) - unsigned('0');
    if (digit < 10) {
      number = number * 10 + digit;
      in_number = true;
      continue;
    }
    char c = *at;
    if (c != ',' && c != ']' && !IsSpace(c)) Fail(std::string("unexpected character '") + c + "' in the snapshot's numbers");
    if (in_number) {
      if (nodes) {
        EmitNodeField(number);
      } else {
        EmitEdgeField(number);
      }
      number = 0;
      in_number = false;
    }
    if (c != ']') continue;
    size_t expected = nodes ? out_.node_count : out_.edge_count;
    if (field_ != 0 || item_ != expected) Fail(nodes ? "the snapshot's node list is incomplete" : "the snapshot's edge list is incomplete");
    if (nodes) {
      if (edges_seen_ != out_.edge_count) Fail("the snapshot's nodes claim a different number of edges than it has");
      out_.edge_start[out_.node_count] = uint32_t(edges_seen_);
    }
    item_ = 0;
    section_ = nodes ? Section::kSeekEdges : Section::kSeekStrings;
    ++at;
    break;
  }
  number_ = number;
  in_number_ = in_number;
  return at;
}

// A node's or an edge's fields come as one flat list of numbers: after the
// last field of one item comes the first of the next.
void SnapshotReader::EndField(uint32_t field_count) {
  if (++field_ == field_count) {
    field_ = 0;
    ++item_;
  }
}

void SnapshotReader::EmitNodeField(uint64_t value) {
  if (item_ >= out_.node_count) Fail("the snapshot has more nodes than it counted");
  switch (node_roles_[field_]) {
    case Role::kType: out_.node_types[item_] = MappedType(value, node_type_map_, "a node type number is out of range"); break;
    case Role::kName: out_.node_names[item_] = uint32_t(value); break;
    case Role::kId: out_.node_ids[item_] = uint32_t(value); break;
    case Role::kSelfSize: out_.node_self_sizes[item_] = double(value); break;
    case Role::kEdgeCount:
      out_.edge_start[item_] = uint32_t(edges_seen_);
      edges_seen_ += value;
      break;
    default: break;
  }
  EndField(node_field_count_);
}

void SnapshotReader::EmitEdgeField(uint64_t value) {
  if (item_ >= out_.edge_count) Fail("the snapshot has more edges than it counted");
  switch (edge_roles_[field_]) {
    case Role::kType: out_.edge_types[item_] = MappedType(value, edge_type_map_, "an edge type number is out of range"); break;
    case Role::kName: out_.edge_names[item_] = uint32_t(value); break;
    case Role::kToNode: {
      uint64_t target = value / node_field_count_;
      if (target * node_field_count_ != value || target >= out_.node_count) Fail("an edge points outside the snapshot");
      out_.edge_targets[item_] = uint32_t(target);
      break;
    }
    default: break;
  }
  EndField(edge_field_count_);
}

const char* SnapshotReader::ReadStrings(const char* at, const char* end) {
  while (at < end) {
    switch (string_state_) {
      case InString::kOutside: {
        char c = *at++;
        if (c == '"') {
          strings_.Begin();
          string_state_ = InString::kInside;
        } else if (c == ']') {
          section_ = Section::kDone;
          return at;
        } else if (c != ',' && !IsSpace(c)) {
          Fail(std::string("unexpected character '") + c + "' between the snapshot's strings");
        }
        break;
      }
      case InString::kInside: {
        const char* run = at;
        while (at < end && *at != '"' && *at != '\\') ++at;
        if (at > run) strings_.Append(run, size_t(at - run));
        if (at == end) return at;
        if (*at == '"') {
          strings_.End();
          string_state_ = InString::kOutside;
        } else {
          string_state_ = InString::kEscape;
        }
        ++at;
        break;
      }
      case InString::kEscape: {
        char c = *at++;
        string_state_ = InString::kInside;
        switch (c) {
          case 'b': strings_.AppendUnit('\b'); break;
          case 'f': strings_.AppendUnit('\f'); break;
          case 'n': strings_.AppendUnit('\n'); break;
          case 'r': strings_.AppendUnit('\r'); break;
          case 't': strings_.AppendUnit('\t'); break;
          case '"':
          case '\\':
          case '/': strings_.AppendUnit(uint32_t(c)); break;
          case 'u':
            unicode_value_ = 0;
            unicode_digits_ = 0;
            string_state_ = InString::kUnicode;
            break;
          default: Fail(std::string("unknown escape '\\") + c + "' in a snapshot string");
        }
        break;
      }
      case InString::kUnicode: {
        char c = *at++;
        uint32_t digit = c >= '0' && c <= '9' ? uint32_t(c - '0')
                         : c >= 'a' && c <= 'f' ? uint32_t(c - 'a' + 10)
                         : c >= 'A' && c <= 'F' ? uint32_t(c - 'A' + 10)
                                                : 16;
        if (digit == 16) Fail("a \\u escape in a snapshot string is not hexadecimal");
        unicode_value_ = unicode_value_ * 16 + digit;
        if (++unicode_digits_ == 4) {
          strings_.AppendUnit(unicode_value_);
          string_state_ = InString::kInside;
        }
        break;
      }
    }
  }
  return at;
}

}  // namespace memscope
