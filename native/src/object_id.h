// The heap-snapshot id of a live value.
#pragma once

#include <napi.h>
#include <v8.h>

namespace memscope {

// Drops what this file remembers about an isolate that is shutting down.
void ForgetObjectIdState(v8::Isolate* isolate);

// RegisterObjectIds sets these functions on the module's exports:
//
// objectId(value): HeapProfiler::GetObjectId; 0 when no snapshot has seen
// the value yet. The same id a later heapGraph() gives its node.
//
// markObjectIds(): gives every live object an id without building a
// snapshot (HeapProfiler::GetHeapStats, which runs a full GC and walks the
// heap) and returns the highest id assigned so far. Objects that get ids
// later get higher ones, so "id > mark" means "allocated after the mark".
//
// liveBytesByInterval(from): { next, bytes }. Every markObjectIds call
// opens an interval holding the objects it is the first to give an id, i.e.
// those allocated since the call before; bytes[i] is what is still alive of
// interval from + i as of the latest mark. `next` is the interval the next
// mark opens.
//
// objectById(id): the live value with that snapshot id, or undefined when
// none is alive (HeapProfiler::FindObjectById: one walk over the heap) or
// when the id belongs to one of V8's own structures rather than to a JS
// value (js_value.h). Unlike the inspector's getObjectByHeapObjectId it
// hands the value itself over, in whatever context it was made.
void RegisterObjectIds(Napi::Env env, Napi::Object exports);

}  // namespace memscope
