#include "heap_graph.h"

#include <v8-profiler.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include "common.h"

namespace memscope {

namespace {

// Deletes the snapshot on every path out, exceptions included: a snapshot
// holds a copy of the whole graph, often larger than the heap it describes.
class SnapshotOwner {
 public:
  explicit SnapshotOwner(const v8::HeapSnapshot* snapshot) : snapshot_(snapshot) {}
  ~SnapshotOwner() {
    if (snapshot_ != nullptr) const_cast<v8::HeapSnapshot*>(snapshot_)->Delete();
  }
  SnapshotOwner(const SnapshotOwner&) = delete;
  SnapshotOwner& operator=(const SnapshotOwner&) = delete;
  const v8::HeapSnapshot* get() const { return snapshot_; }

 private:
  const v8::HeapSnapshot* snapshot_;
};

// Names repeat a lot (every "Object", every property called "length"), so
// they go once into a string table and everything else holds an index.
class StringTable {
 public:
  explicit StringTable(v8::Isolate* isolate) : isolate_(isolate) {}

  uint32_t Intern(v8::Local<v8::String> value) {
    int length = value->Utf8Length(isolate_);
    buffer_.resize(size_t(length));
    if (length > 0) {
      value->WriteUtf8(isolate_, &buffer_[0], length, nullptr,
                       v8::String::NO_NULL_TERMINATION | v8::String::REPLACE_INVALID_UTF8);
    }
    auto found = index_.find(buffer_);
    if (found != index_.end()) return found->second;
    uint32_t index = uint32_t(strings_.size());
    strings_.push_back(buffer_);
    index_.emplace(buffer_, index);
    return index;
  }

  Napi::Array ToArray(Napi::Env env) const {
    Napi::Array out = Napi::Array::New(env, strings_.size());
    for (size_t i = 0; i < strings_.size(); ++i) {
      out.Set(uint32_t(i), Napi::String::New(env, strings_[i]));
    }
    return out;
  }

 private:
  v8::Isolate* isolate_;
  std::string buffer_;
  std::vector<std::string> strings_;
  std::unordered_map<std::string, uint32_t> index_;
};

// Node pointer -> node index. Looked up once per edge (millions of times),
// so an open-addressing table: one flat array, no allocation per entry,
// about a third of std::unordered_map's time here.
class NodeIndex {
 public:
  explicit NodeIndex(const std::vector<const v8::HeapGraphNode*>& nodes) {
    size_t capacity = 16;
    while (capacity < nodes.size() * 2) capacity <<= 1;
    mask_ = capacity - 1;
    slots_.assign(capacity, Slot{nullptr, 0});
    for (size_t i = 0; i < nodes.size(); ++i) {
      size_t at = Hash(nodes[i]);
      while (slots_[at].node != nullptr) at = (at + 1) & mask_;
      slots_[at] = Slot{nodes[i], uint32_t(i)};
    }
  }

  uint32_t Of(const v8::HeapGraphNode* node) const {
    for (size_t at = Hash(node);; at = (at + 1) & mask_) {
      if (slots_[at].node == node) return slots_[at].index;
      if (slots_[at].node == nullptr) throw std::runtime_error("heapGraph: an edge points outside the snapshot");
    }
  }

 private:
  struct Slot {
    const v8::HeapGraphNode* node;
    uint32_t index;
  };
  size_t Hash(const v8::HeapGraphNode* node) const {
    uint64_t bits = uint64_t(reinterpret_cast<uintptr_t>(node));
    return size_t((bits * 0x9E3779B97F4A7C15ull) >> 32) & mask_;
  }
  size_t mask_ = 0;
  std::vector<Slot> slots_;
};

struct GraphColumns {
  std::vector<uint32_t> node_ids;
  std::vector<uint8_t> node_types;
  std::vector<uint32_t> node_names;
  std::vector<double> node_self_sizes;
  std::vector<uint32_t> edge_start;
  std::vector<uint8_t> edge_types;
  std::vector<uint32_t> edge_names;
  std::vector<uint32_t> edge_targets;
};

// V8 lists the root first, but the contract (node 0 = root) should not hang
// on that: visiting order puts the root at 0 and keeps the rest in V8's order.
std::vector<const v8::HeapGraphNode*> NodesRootFirst(const v8::HeapSnapshot* snapshot) {
  int count = snapshot->GetNodesCount();
  const v8::HeapGraphNode* root = snapshot->GetRoot();
  std::vector<const v8::HeapGraphNode*> nodes;
  nodes.reserve(size_t(count));
  nodes.push_back(root);
  for (int i = 0; i < count; ++i) {
    const v8::HeapGraphNode* node = snapshot->GetNode(i);
    if (node != root) nodes.push_back(node);
  }
  return nodes;
}

template <typename TypedArray, typename Element>
TypedArray CopyOut(Napi::Env env, const std::vector<Element>& column) {
  TypedArray out = TypedArray::New(env, column.size());
  if (!column.empty()) std::memcpy(out.Data(), column.data(), column.size() * sizeof(Element));
  return out;
}

void Walk(v8::Isolate* isolate, const std::vector<const v8::HeapGraphNode*>& nodes,
          StringTable& strings, GraphColumns& columns) {
  NodeIndex index_of(nodes);

  size_t n = nodes.size();
  columns.node_ids.resize(n);
  columns.node_types.resize(n);
  columns.node_names.resize(n);
  columns.node_self_sizes.resize(n);
  columns.edge_start.resize(n + 1);
  // Sizing the edge columns up front saves the regrowth copies (edges
  // outnumber nodes about three to one).
  size_t edge_total = 0;
  for (const v8::HeapGraphNode* node : nodes) edge_total += size_t(node->GetChildrenCount());
  columns.edge_types.reserve(edge_total);
  columns.edge_names.reserve(edge_total);
  columns.edge_targets.reserve(edge_total);

  for (size_t i = 0; i < n; ++i) {
    // Names come back as fresh handles: one scope per node keeps them bounded.
    v8::HandleScope scope(isolate);
    const v8::HeapGraphNode* node = nodes[i];
    columns.node_ids[i] = node->GetId();
    columns.node_types[i] = uint8_t(node->GetType());
    columns.node_names[i] = strings.Intern(node->GetName());
    columns.node_self_sizes[i] = double(node->GetShallowSize());
    columns.edge_start[i] = uint32_t(columns.edge_targets.size());
    int children = node->GetChildrenCount();
    for (int c = 0; c < children; ++c) {
      const v8::HeapGraphEdge* edge = node->GetChild(c);
      v8::HeapGraphEdge::Type type = edge->GetType();
      v8::Local<v8::Value> name = edge->GetName();
      uint32_t name_value = 0;
      if (type == v8::HeapGraphEdge::kElement || type == v8::HeapGraphEdge::kHidden) {
        name_value = uint32_t(name.As<v8::Number>()->Value());
      } else if (name->IsString()) {
        name_value = strings.Intern(name.As<v8::String>());
      } else {
        name_value = strings.Intern(name->ToString(isolate->GetCurrentContext()).ToLocalChecked());
      }
      columns.edge_types.push_back(uint8_t(type));
      columns.edge_names.push_back(name_value);
      columns.edge_targets.push_back(index_of.Of(edge->GetToNode()));
    }
  }
  columns.edge_start[n] = uint32_t(columns.edge_targets.size());
}

}  // namespace

Napi::Value HeapGraph(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  v8::Isolate* isolate = CurrentIsolate();
  v8::HeapProfiler* profiler = isolate->GetHeapProfiler();
  StringTable strings(isolate);
  GraphColumns columns;
  {
    // The snapshot is gone before the output arrays are allocated.
    SnapshotOwner snapshot(profiler->TakeHeapSnapshot());
    if (snapshot.get() == nullptr) {
      throw Napi::Error::New(env, "heapGraph: V8 returned no snapshot");
    }
    Walk(isolate, NodesRootFirst(snapshot.get()), strings, columns);
  }

  Napi::Object out = Napi::Object::New(env);
  out.Set("nodeCount", double(columns.node_ids.size()));
  out.Set("edgeCount", double(columns.edge_targets.size()));
  out.Set("nodeIds", CopyOut<Napi::Uint32Array>(env, columns.node_ids));
  out.Set("nodeTypes", CopyOut<Napi::Uint8Array>(env, columns.node_types));
  out.Set("nodeNames", CopyOut<Napi::Uint32Array>(env, columns.node_names));
  out.Set("nodeSelfSizes", CopyOut<Napi::Float64Array>(env, columns.node_self_sizes));
  out.Set("edgeStart", CopyOut<Napi::Uint32Array>(env, columns.edge_start));
  out.Set("edgeTypes", CopyOut<Napi::Uint8Array>(env, columns.edge_types));
  out.Set("edgeNames", CopyOut<Napi::Uint32Array>(env, columns.edge_names));
  out.Set("edgeTargets", CopyOut<Napi::Uint32Array>(env, columns.edge_targets));
  out.Set("strings", strings.ToArray(env));
  return out;
}

}  // namespace memscope
