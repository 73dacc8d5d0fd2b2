#include "heap_stats.h"

#include "common.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace memscope {

namespace {

// glibc's bytes in use: small-block arena bytes (uordblks) plus mmapped
// large blocks (hblkhd). mallinfo2 (glibc 2.33+) has size_t fields; the old
// mallinfo wraps at 2 GiB. Other C libraries: unknown (null).
Napi::Value MallocBytes(Napi::Env env) {
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
  struct mallinfo2 info = mallinfo2();
  return Napi::Number::New(env, double(info.uordblks) + double(info.hblkhd));
#elif defined(__GLIBC__)
  struct mallinfo info = mallinfo();
  return Napi::Number::New(env, double(unsigned(info.uordblks)) + double(unsigned(info.hblkhd)));
#else
  return env.Null();
#endif
}

}  // namespace

Napi::Value HeapStatistics(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  v8::HeapStatistics stats;
  CurrentIsolate()->GetHeapStatistics(&stats);
  Napi::Object out = Napi::Object::New(env);
  out.Set("usedHeapSize", double(stats.used_heap_size()));
  out.Set("totalHeapSize", double(stats.total_heap_size()));
  out.Set("heapSizeLimit", double(stats.heap_size_limit()));
  out.Set("totalPhysicalSize", double(stats.total_physical_size()));
  out.Set("totalAvailableSize", double(stats.total_available_size()));
  out.Set("externalMemory", double(stats.external_memory()));
  out.Set("mallocedMemory", double(stats.malloced_memory()));
  out.Set("peakMallocedMemory", double(stats.peak_malloced_memory()));
  out.Set("numberOfNativeContexts", double(stats.number_of_native_contexts()));
  out.Set("numberOfDetachedContexts", double(stats.number_of_detached_contexts()));
  out.Set("totalGlobalHandlesSize", double(stats.total_global_handles_size()));
  out.Set("usedGlobalHandlesSize", double(stats.used_global_handles_size()));
  out.Set("mallocBytes", MallocBytes(env));
  return out;
}

Napi::Value HeapSpaceStatistics(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  v8::Isolate* isolate = CurrentIsolate();
  size_t count = isolate->NumberOfHeapSpaces();
  Napi::Array out = Napi::Array::New(env, count);
  for (size_t i = 0; i < count; ++i) {
    v8::HeapSpaceStatistics space;
    if (!isolate->GetHeapSpaceStatistics(&space, i)) continue;
    Napi::Object entry = Napi::Object::New(env);
    entry.Set("name", space.space_name());
    entry.Set("size", double(space.space_size()));
    entry.Set("used", double(space.space_used_size()));
    entry.Set("available", double(space.space_available_size()));
    entry.Set("physical", double(space.physical_space_size()));
    out.Set(uint32_t(i), entry);
  }
  return out;
}

}  // namespace memscope
