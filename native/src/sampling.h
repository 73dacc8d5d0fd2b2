// The sampling heap profiler: allocations sampled every ~N bytes with their
// JS stacks; reading it returns the samples still alive.
#pragma once

#include <napi.h>
#include <v8.h>

namespace memscope {

// startSampling(intervalBytes = 32768, stackDepth = 32)
Napi::Value StartSampling(const Napi::CallbackInfo& info);

// readSampling(): [{ size, count, id, stack: [{ functionName, url, line, column }] }],
// stacks leaf first, 1-based line and column. Throws when not sampling.
Napi::Value ReadSampling(const Napi::CallbackInfo& info);

// readSampleSizes(): the live samples without their stacks, as one
// Float64Array of (id, size, count) triples. Throws when not sampling.
Napi::Value ReadSampleSizes(const Napi::CallbackInfo& info);

// stopSampling(): stops and discards the profile; a no-op when not sampling.
Napi::Value StopSampling(const Napi::CallbackInfo& info);

// Drops what this file remembers about an isolate that is shutting down (a
// worker thread's), so a later isolate at the same address starts clean.
void ForgetSamplingState(v8::Isolate* isolate);

}  // namespace memscope
