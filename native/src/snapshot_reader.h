// Reads V8's heap snapshot JSON as HeapSnapshot::Serialize streams it, chunk
// by chunk, straight into the output columns: the text is never held whole.
//
// Why this rather than walking the snapshot with HeapGraphEdge::GetName():
// GetName() internalizes a fresh V8 string for every edge, millions per
// snapshot. The serializer has already numbered each distinct name once, so
// here names stay integers and each string is read once.
//
// The layout is fixed: a small header with the field names and counts, then
// the flat number arrays "nodes" and "edges" (an edge's to_node is the
// target's index times the node field count), then "strings". Field order
// comes from the header's "meta", never from assumptions.
#pragma once

#include <v8-profiler.h>

#include <chrono>
#include <cstdint>
#include <string>

#include "string_pool.h"

namespace memscope {

// Where the parsed graph goes: the output typed arrays, sized beforehand.
struct GraphOutput {
  size_t node_count;
  size_t edge_count;
  uint32_t* node_ids;
  uint8_t* node_types;
  uint32_t* node_names;
  double* node_self_sizes;
  uint32_t* edge_start;  // node_count + 1 entries
  uint8_t* edge_types;
  uint32_t* edge_names;
  uint32_t* edge_targets;
};

class SnapshotReader final : public v8::OutputStream {
 public:
  SnapshotReader(const GraphOutput& out, StringPool& strings) : out_(out), strings_(strings) {}

  int GetChunkSize() override;
  void EndOfStream() override { ended_ = true; }
  // Called from inside V8: errors are recorded and abort the stream, never
  // thrown through V8's frames. Check error() after Serialize returns.
  WriteResult WriteAsciiChunk(char* data, int size) override;

  // Empty when the whole snapshot was read and matched the expected counts.
  std::string error() const;
  // Time spent inside WriteAsciiChunk: reading, as opposed to V8 writing.
  double read_ms() const { return std::chrono::duration<double, std::milli>(read_time_).count(); }

 private:
  enum class Section { kHeader, kNodes, kSeekEdges, kEdges, kSeekStrings, kStrings, kDone };
  enum class Role : uint8_t { kIgnore, kType, kName, kId, kSelfSize, kEdgeCount, kToNode };
  enum class InString : uint8_t { kOutside, kInside, kEscape, kUnicode };

  void Feed(const char* at, const char* end);
  const char* ReadHeader(const char* at, const char* end);
  void ParseHeader(const std::string& header);
  const char* Seek(const char* at, const char* end, const char* key, Section next);
  const char* ReadNumbers(const char* at, const char* end);
  void EndField(uint32_t field_count);
  void EmitNodeField(uint64_t value);
  void EmitEdgeField(uint64_t value);
  const char* ReadStrings(const char* at, const char* end);

  GraphOutput out_;
  StringPool& strings_;
  Section section_ = Section::kHeader;
  std::string pending_;  // the header so far, or a seek's last few characters
  std::string error_;
  bool ended_ = false;
  std::chrono::steady_clock::duration read_time_{};

  Role node_roles_[32] = {};
  Role edge_roles_[32] = {};
  uint32_t node_field_count_ = 0;
  uint32_t edge_field_count_ = 0;
  uint8_t node_type_map_[256] = {};
  uint8_t edge_type_map_[256] = {};

  uint64_t number_ = 0;
  bool in_number_ = false;
  uint32_t field_ = 0;
  size_t item_ = 0;     // node or edge being read
  size_t edges_seen_ = 0;  // running sum of edge_count, for edge_start
  uint8_t current_edge_type_ = 0;

  InString string_state_ = InString::kOutside;
  uint32_t unicode_value_ = 0;
  int unicode_digits_ = 0;
};

}  // namespace memscope
