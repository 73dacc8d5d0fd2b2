// Forced, synchronous full collections without `node --expose-gc`.
#pragma once

#include <napi.h>

namespace memscope {

// RegisterGc sets these functions on the module's exports:
//
// collectGarbage(mode = 'fast', keepExposeGcFlag = false)
//   'fast': one full mark-compact (what `gc()` does under --expose-gc).
//   'thorough': Isolate::LowMemoryNotification(): several full GCs that also
//   drop compiled code and caches; slower, steadier figures.
//   'young': one scavenge of the young generation (~1 ms).
void RegisterGc(Napi::Env env, Napi::Object exports);

}  // namespace memscope
