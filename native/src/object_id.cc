#include "object_id.h"

#include <v8-profiler.h>

#include <mutex>
#include <unordered_set>

#include "args.h"
#include "common.h"

namespace memscope {

namespace {

// GetHeapStats reports per-interval object counts to a stream; only its
// side effect (ids for every live object) and return value are wanted.
class DiscardingStream final : public v8::OutputStream {
 public:
  void EndOfStream() override {}
  WriteResult WriteAsciiChunk(char*, int) override { return kContinue; }
  WriteResult WriteHeapStatsChunk(v8::HeapStatsUpdate*, int) override { return kContinue; }
};

// HeapObjectsMap keys ids by address. Only snapshots and heap-object
// tracking switch on move reporting; without it, objects moved by a GC lose
// their ids and new objects inherit stale ones. Starting and stopping
// tracking once leaves move reporting on (as a first snapshot would).
std::mutex tracked_mutex;
std::unordered_set<v8::Isolate*> tracked_isolates;

void EnsureMovesTracked(v8::Isolate* isolate) {
  {
    std::lock_guard<std::mutex> lock(tracked_mutex);
    if (!tracked_isolates.insert(isolate).second) return;
  }
  v8::HeapProfiler* profiler = isolate->GetHeapProfiler();
  profiler->StartTrackingHeapObjects(false);
  profiler->StopTrackingHeapObjects();
}

}  // namespace

Napi::Value ObjectId(const Napi::CallbackInfo& info) {
  Napi::Object value = ObjectArg(info, 0, "objectId", "value");
  v8::HeapProfiler* profiler = CurrentIsolate()->GetHeapProfiler();
  v8::SnapshotObjectId id = profiler->GetObjectId(ToV8(value));
  return Napi::Number::New(info.Env(), double(id));
}

Napi::Value ObjectById(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1 || !info[0].IsNumber()) {
    Napi::TypeError::New(env, "objectById(id): id must be a heap snapshot id (a number)").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  double id = info[0].As<Napi::Number>().DoubleValue();
  if (!(id > 0)) return env.Undefined();
  return FromV8(env, CurrentIsolate()->GetHeapProfiler()->FindObjectById(static_cast<v8::SnapshotObjectId>(id)));
}

void ForgetObjectIdState(v8::Isolate* isolate) {
  std::lock_guard<std::mutex> lock(tracked_mutex);
  tracked_isolates.erase(isolate);
}

Napi::Value MarkObjectIds(const Napi::CallbackInfo& info) {
  v8::Isolate* isolate = CurrentIsolate();
  EnsureMovesTracked(isolate);
  DiscardingStream stream;
  v8::SnapshotObjectId last = isolate->GetHeapProfiler()->GetHeapStats(&stream);
  return Napi::Number::New(info.Env(), double(last));
}

}  // namespace memscope
