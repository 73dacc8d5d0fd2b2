#include "heap_graph.h"

#include <v8-profiler.h>

#include <chrono>
#include <string>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "common.h"
#include "snapshot_reader.h"
#include "string_pool.h"

namespace memscope {

namespace {

// Deletes the snapshot on every path out, exceptions included: a snapshot
// holds a copy of the whole graph, often larger than the heap it describes.
class SnapshotOwner {
 public:
  explicit SnapshotOwner(const v8::HeapSnapshot* snapshot) : snapshot_(snapshot) {}
  ~SnapshotOwner() { Release(); }
  SnapshotOwner(const SnapshotOwner&) = delete;
  SnapshotOwner& operator=(const SnapshotOwner&) = delete;
  const v8::HeapSnapshot* get() const { return snapshot_; }
  void Release() {
    if (snapshot_ != nullptr) const_cast<v8::HeapSnapshot*>(snapshot_)->Delete();
    snapshot_ = nullptr;
  }

 private:
  const v8::HeapSnapshot* snapshot_;
};

double MsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

size_t CountEdges(const v8::HeapSnapshot* snapshot) {
  size_t edges = 0;
  int nodes = snapshot->GetNodesCount();
  for (int i = 0; i < nodes; ++i) edges += size_t(snapshot->GetNode(i)->GetChildrenCount());
  return edges;
}

}  // namespace

Napi::Value HeapGraph(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  v8::HeapProfiler* profiler = CurrentIsolate()->GetHeapProfiler();
  // Where the time goes, for benchmarks: V8 building its snapshot, V8
  // writing it out (less the time spent reading it), reading it here.
  auto started = std::chrono::steady_clock::now();
  SnapshotOwner snapshot(profiler->TakeHeapSnapshot());
  if (snapshot.get() == nullptr) throw Napi::Error::New(env, "heapGraph: V8 returned no snapshot");
  double snapshot_ms = MsSince(started);

  // The output arrays are allocated once, at their final size, and filled
  // in place as the snapshot streams: no second copy of the graph.
  size_t node_count = size_t(snapshot.get()->GetNodesCount());
  size_t edge_count = CountEdges(snapshot.get());
  Napi::Uint32Array node_ids = Napi::Uint32Array::New(env, node_count);
  Napi::Uint8Array node_types = Napi::Uint8Array::New(env, node_count);
  Napi::Uint32Array node_names = Napi::Uint32Array::New(env, node_count);
  Napi::Float64Array node_self_sizes = Napi::Float64Array::New(env, node_count);
  Napi::Uint32Array edge_start = Napi::Uint32Array::New(env, node_count + 1);
  Napi::Uint8Array edge_types = Napi::Uint8Array::New(env, edge_count);
  Napi::Uint32Array edge_names = Napi::Uint32Array::New(env, edge_count);
  Napi::Uint32Array edge_targets = Napi::Uint32Array::New(env, edge_count);
  GraphOutput output{node_count,         edge_count,        node_ids.Data(),   node_types.Data(),
                     node_names.Data(),  node_self_sizes.Data(), edge_start.Data(), edge_types.Data(),
                     edge_names.Data(),  edge_targets.Data()};

  StringPool strings;
  SnapshotReader reader(output, strings);
  uint32_t root_id = uint32_t(snapshot.get()->GetRoot()->GetId());
  auto serializing = std::chrono::steady_clock::now();
  snapshot.get()->Serialize(&reader, v8::HeapSnapshot::kJSON);
  double serialize_and_read_ms = MsSince(serializing);
  // Gone before the strings become JS values: the two never coexist.
  auto releasing = std::chrono::steady_clock::now();
  snapshot.Release();
#if defined(__GLIBC__)
  // glibc keeps the snapshot's freed memory (hundreds of MB for a large
  // heap) mapped; the JS strings made next would then come on top of it in
  // the RSS peak, and the process would stay that large afterwards.
  malloc_trim(0);
#endif
  double release_ms = MsSince(releasing);
  std::string error = reader.error();
  if (!error.empty()) throw Napi::Error::New(env, error);
  // V8 writes entries in order with its root first; the contract depends on it.
  if (node_count == 0 || node_ids[0] != root_id) throw Napi::Error::New(env, "heapGraph: the snapshot does not start with its root");

  Napi::Object out = Napi::Object::New(env);
  out.Set("nodeCount", double(node_count));
  out.Set("edgeCount", double(edge_count));
  out.Set("nodeIds", node_ids);
  out.Set("nodeTypes", node_types);
  out.Set("nodeNames", node_names);
  out.Set("nodeSelfSizes", node_self_sizes);
  out.Set("edgeStart", edge_start);
  out.Set("edgeTypes", edge_types);
  out.Set("edgeNames", edge_names);
  out.Set("edgeTargets", edge_targets);
  auto making_strings = std::chrono::steady_clock::now();
  out.Set("strings", strings.TakeArray(env));
  Napi::Object phases = Napi::Object::New(env);
  phases.Set("snapshot", snapshot_ms);
  phases.Set("serialize", serialize_and_read_ms - reader.read_ms());
  phases.Set("read", reader.read_ms() + MsSince(making_strings));
  phases.Set("release", release_ms);
  out.Set("phasesMs", phases);
  return out;
}

void RegisterHeapGraph(Napi::Env env, Napi::Object exports) {
  ExportFunctions(env, exports, {{"heapGraph", HeapGraph}});
}

}  // namespace memscope
