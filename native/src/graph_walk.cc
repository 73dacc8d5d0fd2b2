#include "graph_walk.h"

#include <cstdint>
#include <vector>

#include "common.h"

namespace memscope {

namespace {

// v8::HeapGraphEdge::Type and v8::HeapGraphNode::Type values the walk tests.
constexpr uint8_t kEdgeInternal = 3;
constexpr uint8_t kEdgeShortcut = 5;
constexpr uint8_t kEdgeWeak = 6;
constexpr uint8_t kNodeCode = 4;
constexpr uint8_t kNodeObjectShape = 14;

template <typename T>
T TypedArrayField(const Napi::Object& graph, const char* name) {
  Napi::Value value = graph.Get(name);
  if (!value.IsTypedArray()) throw Napi::TypeError::New(graph.Env(), std::string("shortestPathTree: graph.") + name + " must be a typed array");
  return value.As<T>();
}

template <typename T>
T TypedArrayArg(const Napi::CallbackInfo& info, size_t index, const char* name) {
  if (!info[index].IsTypedArray()) throw Napi::TypeError::New(info.Env(), std::string("shortestPathTree: ") + name + " must be a typed array");
  return info[index].As<T>();
}

// The walk of HeapIndex.shortestPathTree, step for step (see its comments
// for why each edge is skipped or deferred). Names out of a table's range
// behave as the JavaScript reads of `undefined` do: never skipped, always
// deferred.
Napi::Value ShortestPathTree(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!info[0].IsObject()) throw Napi::TypeError::New(env, "shortestPathTree: graph must be an object");
  Napi::Object graph = info[0].As<Napi::Object>();
  auto node_types = TypedArrayField<Napi::Uint8Array>(graph, "nodeTypes");
  auto node_ids = TypedArrayField<Napi::Uint32Array>(graph, "nodeIds");
  auto node_names = TypedArrayField<Napi::Uint32Array>(graph, "nodeNames");
  auto edge_start = TypedArrayField<Napi::Uint32Array>(graph, "edgeStart");
  auto edge_types = TypedArrayField<Napi::Uint8Array>(graph, "edgeTypes");
  auto edge_names = TypedArrayField<Napi::Uint32Array>(graph, "edgeNames");
  auto edge_targets = TypedArrayField<Napi::Uint32Array>(graph, "edgeTargets");
  auto skip_by_name = TypedArrayArg<Napi::Int8Array>(info, 1, "skipByName");
  bool has_keys = !info[2].IsUndefined() && !info[2].IsNull();
  Napi::Uint32Array key_of_entry = has_keys ? TypedArrayArg<Napi::Uint32Array>(info, 2, "keyOfEntry") : Napi::Uint32Array();
  int64_t kept_for_job = info[3].IsNumber() ? info[3].As<Napi::Number>().Int64Value() : -1;

  size_t node_count = node_types.ElementLength();
  size_t edge_count = edge_types.ElementLength();
  if (node_ids.ElementLength() < node_count || node_names.ElementLength() < node_count || edge_start.ElementLength() < node_count + 1 ||
      edge_names.ElementLength() < edge_count || edge_targets.ElementLength() < edge_count) {
    throw Napi::RangeError::New(env, "shortestPathTree: the graph's arrays disagree on its node or edge count");
  }
  const uint8_t* types = node_types.Data();
  const uint32_t* ids = node_ids.Data();
  const uint32_t* names = node_names.Data();
  const uint32_t* starts = edge_start.Data();
  const uint8_t* e_types = edge_types.Data();
  const uint32_t* e_names = edge_names.Data();
  const uint32_t* targets = edge_targets.Data();
  const int8_t* skip = skip_by_name.Data();
  size_t skip_length = skip_by_name.ElementLength();
  const uint32_t* keys = has_keys ? key_of_entry.Data() : nullptr;
  size_t keys_length = has_keys ? key_of_entry.ElementLength() : 0;

  Napi::Int32Array parents_array = Napi::Int32Array::New(env, node_count);
  Napi::Int32Array parent_edges_array = Napi::Int32Array::New(env, node_count);
  Napi::Int32Array queue_array = Napi::Int32Array::New(env, node_count);
  int32_t* parents = parents_array.Data();
  int32_t* parent_edges = parent_edges_array.Data();
  int32_t* queue = queue_array.Data();
  for (size_t i = 0; i < node_count; ++i) parents[i] = parent_edges[i] = -1;
  if (node_count == 0) throw Napi::RangeError::New(env, "shortestPathTree: the graph has no root");

  std::vector<uint32_t> from_tables;
  size_t head = 0;
  size_t tail = 0;
  queue[tail++] = 0;
  parents[0] = 0;
  auto reach = [&](uint32_t node, uint32_t e) {
    uint32_t target = targets[e];
    if (target >= node_count || parents[target] != -1) return;
    uint8_t target_type = types[target];
    if (target_type == kNodeCode || target_type == kNodeObjectShape) return;
    parents[target] = int32_t(node);
    parent_edges[target] = int32_t(e);
    queue[tail++] = int32_t(target);
  };
  for (size_t deferred = 0;;) {
    while (head < tail) {
      uint32_t node = uint32_t(queue[head++]);
      if (node != 0) {
        uint32_t name = names[node];
        if (name < skip_length && skip[name] == 1) continue;
      }
      uint32_t end = starts[node + 1];
      for (uint32_t e = starts[node]; e < end && e < edge_count; ++e) {
        uint8_t type = e_types[e];
        if (type == kEdgeWeak || type == kEdgeShortcut) continue;
        if (type == kEdgeInternal && int64_t(e_names[e]) == kept_for_job) continue;
        if (type == kEdgeInternal && keys != nullptr) {
          uint32_t name = e_names[e];
          bool deferred_edge = name >= keys_length || (keys[name] != 0 && keys[name] != ids[node]);
          if (deferred_edge) {
            from_tables.push_back(node);
            from_tables.push_back(e);
            continue;
          }
        }
        reach(node, e);
      }
    }
    if (deferred >= from_tables.size()) break;
    for (; deferred < from_tables.size(); deferred += 2) reach(from_tables[deferred], from_tables[deferred + 1]);
  }

  Napi::Object out = Napi::Object::New(env);
  out.Set("parents", parents_array);
  out.Set("parentEdges", parent_edges_array);
  // Breadth-first order: every node comes after its parent.
  out.Set("order", Napi::Int32Array::New(env, tail, queue_array.ArrayBuffer(), 0));
  return out;
}

}  // namespace

void RegisterGraphWalks(Napi::Env env, Napi::Object exports) {
  ExportFunctions(env, exports, {{"shortestPathTree", ShortestPathTree}});
}

}  // namespace memscope
