#include "gc.h"

#include "args.h"
#include "common.h"

namespace memscope {

namespace {

const char* const kModes[] = {"fast", "thorough", "young", nullptr};

// RequestGarbageCollectionForTesting refuses to run (a fatal API check)
// unless --expose-gc is set. Setting the flag only around the call keeps it
// from leaking into contexts created later: with the flag on, every new vm
// context (one per Jest test file) would get a global `gc`. Node keeps V8
// flags writable after start-up (--no-freeze-flags-after-init), the same
// reason `v8.setFlagsFromString('--expose-gc')` works.
void OneCollection(v8::Isolate* isolate, v8::Isolate::GarbageCollectionType type, bool keep_expose_gc_flag) {
  v8::V8::SetFlagsFromString("--expose-gc");
  isolate->RequestGarbageCollectionForTesting(type);
  if (!keep_expose_gc_flag) v8::V8::SetFlagsFromString("--no-expose-gc");
}

}  // namespace

Napi::Value CollectGarbage(const Napi::CallbackInfo& info) {
  std::string mode = EnumArg(info, 0, "collectGarbage", "mode", kModes, "fast");
  bool keep_flag = BooleanArg(info, 1, "collectGarbage", "keepExposeGcFlag", false);
  v8::Isolate* isolate = CurrentIsolate();
  if (mode == "thorough") {
    isolate->LowMemoryNotification();
  } else if (mode == "young") {
    OneCollection(isolate, v8::Isolate::kMinorGarbageCollection, keep_flag);
  } else {
    OneCollection(isolate, v8::Isolate::kFullGarbageCollection, keep_flag);
  }
  return info.Env().Undefined();
}

void RegisterGc(Napi::Env env, Napi::Object exports) {
  ExportFunctions(env, exports, {{"collectGarbage", CollectGarbage}});
}

}  // namespace memscope
