// Point-in-time figures: V8 heap statistics, per-space statistics, and the
// C allocator's bytes in use (native memory that V8 does not see).
#pragma once

#include <napi.h>

namespace memscope {

// RegisterHeapStats sets these functions on the module's exports:
//
// heapStatistics(): Isolate::GetHeapStatistics plus `mallocBytes`.
//
// heapSpaceStatistics(): one entry per V8 heap space.
void RegisterHeapStats(Napi::Env env, Napi::Object exports);

}  // namespace memscope
