// The heap graph: a V8 heap snapshot streamed through V8's own serializer
// into a C++ reader that fills typed arrays (the `HeapGraph` shape of
// @memscope/core) in place, with none of the inspector protocol's message
// passing or JS-side parsing. Taking the snapshot itself (shared with the
// pure-JS path) is most of the time and nearly all of the peak memory.
#pragma once

#include <napi.h>

namespace memscope {

// RegisterHeapGraph sets these functions on the module's exports:
//
// heapGraph(): takes a snapshot, converts it, deletes it. Node 0 is the
// snapshot root; node ids are V8's, stable for an object's lifetime.
void RegisterHeapGraph(Napi::Env env, Napi::Object exports);

}  // namespace memscope
