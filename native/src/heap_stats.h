// Point-in-time figures: V8 heap statistics, per-space statistics, and the
// C allocator's bytes in use (native memory that V8 does not see).
#pragma once

#include <napi.h>

namespace memscope {

// heapStatistics(): Isolate::GetHeapStatistics plus `mallocBytes`.
Napi::Value HeapStatistics(const Napi::CallbackInfo& info);

// heapSpaceStatistics(): one entry per V8 heap space.
Napi::Value HeapSpaceStatistics(const Napi::CallbackInfo& info);

}  // namespace memscope
