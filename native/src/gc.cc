#include "gc.h"

#include "args.h"
#include "common.h"

namespace memscope {

namespace {

const char* const kModes[] = {"fast", "thorough", nullptr};

// RequestGarbageCollectionForTesting refuses to run (a fatal API check)
// unless --expose-gc is set. Setting the flag only around the call keeps it
// from leaking into contexts created later: with the flag on, every new vm
// context (one per Jest test file) would get a global `gc`. Node keeps V8
// flags writable after start-up (--no-freeze-flags-after-init), the same
// reason `v8.setFlagsFromString('--expose-gc')` works.
void OneFullCollection(v8::Isolate* isolate, bool keep_expose_gc_flag) {
  v8::V8::SetFlagsFromString("--expose-gc");
  isolate->RequestGarbageCollectionForTesting(v8::Isolate::kFullGarbageCollection);
  if (!keep_expose_gc_flag) v8::V8::SetFlagsFromString("--no-expose-gc");
}

}  // namespace

Napi::Value CollectGarbage(const Napi::CallbackInfo& info) {
  std::string mode = EnumArg(info, 0, "collectGarbage", "mode", kModes, "fast");
  bool keep_flag = BooleanArg(info, 1, "collectGarbage", "keepExposeGcFlag", false);
  v8::Isolate* isolate = CurrentIsolate();
  if (mode == "thorough") {
    isolate->LowMemoryNotification();
  } else {
    OneFullCollection(isolate, keep_flag);
  }
  return info.Env().Undefined();
}

}  // namespace memscope
