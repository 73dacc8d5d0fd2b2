// The sampling heap profiler: allocations sampled every ~N bytes with their
// JS stacks; reading it returns the samples still alive.
#pragma once

#include <napi.h>
#include <v8.h>

namespace memscope {

// Drops what this file remembers about an isolate that is shutting down (a
// worker thread's), so a later isolate at the same address starts clean.
void ForgetSamplingState(v8::Isolate* isolate);

// RegisterSampling sets these functions on the module's exports:
//
// startSampling(intervalBytes = 32768, stackDepth = 32)
//
// readSampling(): [{ size, count, id, stack: [{ functionName, url, line, column }] }],
// stacks leaf first, 1-based line and column. Throws when not sampling.
//
// readSampleSizes(): the live samples without their stacks, as one
// Float64Array of (id, size, count) triples. Throws when not sampling.
//
// stopSampling(): stops and discards the profile; a no-op when not sampling.
void RegisterSampling(Napi::Env env, Napi::Object exports);

}  // namespace memscope
