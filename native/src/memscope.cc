// Module registration only: each feature lives in its own file.
#include <napi.h>
#include <node_version.h>

#include "gc.h"
#include "gc_accounting.h"
#include "graph_walk.h"
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

  RegisterGc(env, exports);
  RegisterGcAccounting(env, exports);
  RegisterHeapStats(env, exports);
  RegisterHeapGraph(env, exports);
  RegisterGraphWalks(env, exports);
  RegisterObjectIds(env, exports);
  RegisterSampling(env, exports);

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
