// The heap graph: a V8 heap snapshot walked in C++ straight into typed
// arrays (the `HeapGraph` shape of @memscope/core), without the JSON
// serialisation the inspector protocol goes through.
#pragma once

#include <napi.h>

namespace memscope {

// heapGraph(): takes a snapshot, converts it, deletes it. Node 0 is the
// snapshot root; node ids are V8's, stable for an object's lifetime.
Napi::Value HeapGraph(const Napi::CallbackInfo& info);

}  // namespace memscope
