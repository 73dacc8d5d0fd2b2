// Forced, synchronous full collections without `node --expose-gc`.
#pragma once

#include <napi.h>

namespace memscope {

// collectGarbage(mode = 'fast', keepExposeGcFlag = false)
//   'fast': one full mark-compact (what `gc()` does under --expose-gc).
//   'thorough': Isolate::LowMemoryNotification(): several full GCs that also
//   drop compiled code and caches; slower, steadier figures.
//   'young': one scavenge of the young generation (~1 ms).
Napi::Value CollectGarbage(const Napi::CallbackInfo& info);

}  // namespace memscope
