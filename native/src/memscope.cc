// Module registration only: each feature lives in its own file.
#include <napi.h>
#include <node_version.h>

#include "gc.h"
#include "gc_accounting.h"
#include "heap_graph.h"
#include "heap_stats.h"
#include "object_id.h"
#include "sampling.h"

namespace memscope {

namespace {

void ForgetIsolate(v8::Isolate* isolate) {
  ForgetSamplingState(isolate);
  ForgetObjectIdState(isolate);
}

}  // namespace

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  AttachGcAccounting(env);
  env.AddCleanupHook(ForgetIsolate, v8::Isolate::GetCurrent());

  exports.Set("collectGarbage", Napi::Function::New(env, CollectGarbage, "collectGarbage"));
  exports.Set("heapStatistics", Napi::Function::New(env, HeapStatistics, "heapStatistics"));
  exports.Set("heapSpaceStatistics",
              Napi::Function::New(env, HeapSpaceStatistics, "heapSpaceStatistics"));
  exports.Set("gcTotals", Napi::Function::New(env, GcTotals, "gcTotals"));
  exports.Set("youngGenerationUsed",
              Napi::Function::New(env, YoungGenerationUsed, "youngGenerationUsed"));
  exports.Set("heapGraph", Napi::Function::New(env, HeapGraph, "heapGraph"));
  exports.Set("objectId", Napi::Function::New(env, ObjectId, "objectId"));
  exports.Set("objectById", Napi::Function::New(env, ObjectById, "objectById"));
  exports.Set("markObjectIds", Napi::Function::New(env, MarkObjectIds, "markObjectIds"));
  exports.Set("liveBytesByInterval", Napi::Function::New(env, LiveBytesByInterval, "liveBytesByInterval"));
  exports.Set("startSampling", Napi::Function::New(env, StartSampling, "startSampling"));
  exports.Set("readSampling", Napi::Function::New(env, ReadSampling, "readSampling"));
  exports.Set("readSampleSizes", Napi::Function::New(env, ReadSampleSizes, "readSampleSizes"));
  exports.Set("stopSampling", Napi::Function::New(env, StopSampling, "stopSampling"));

  // What this file was compiled against; the loader compares it with the
  // running Node before trusting the rest.
  exports.Set("abi", Napi::Number::New(env, NODE_MODULE_VERSION));
  exports.Set("nodeVersion", Napi::String::New(env, NODE_VERSION_STRING));
  return exports;
}

}  // namespace memscope

namespace {
Napi::Object RegisterModule(Napi::Env env, Napi::Object exports) {
  return memscope::Init(env, exports);
}
}  // namespace

NODE_API_MODULE(memscope, RegisterModule)
