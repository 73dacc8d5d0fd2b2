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

using Stats = v8::HeapStatistics;

// The figures of Isolate::GetHeapStatistics, each under its JS name, a
// group of related figures a line.
const struct {
  const char* name;
  size_t (Stats::*read)();
} kHeapFigures[] = {
    {"usedHeapSize", &Stats::used_heap_size}, {"totalHeapSize", &Stats::total_heap_size}, {"heapSizeLimit", &Stats::heap_size_limit},
    {"totalPhysicalSize", &Stats::total_physical_size}, {"totalAvailableSize", &Stats::total_available_size},
    {"externalMemory", &Stats::external_memory}, {"mallocedMemory", &Stats::malloced_memory}, {"peakMallocedMemory", &Stats::peak_malloced_memory},
    {"numberOfNativeContexts", &Stats::number_of_native_contexts}, {"numberOfDetachedContexts", &Stats::number_of_detached_contexts},
    {"totalGlobalHandlesSize", &Stats::total_global_handles_size}, {"usedGlobalHandlesSize", &Stats::used_global_handles_size},
};

}  // namespace

Napi::Value HeapStatistics(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Stats stats;
  CurrentIsolate()->GetHeapStatistics(&stats);
  Napi::Object out = Napi::Object::New(env);
  for (const auto& figure : kHeapFigures) out.Set(figure.name, double((stats.*figure.read)()));
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

void RegisterHeapStats(Napi::Env env, Napi::Object exports) {
  ExportFunctions(env, exports, {{"heapStatistics", HeapStatistics}, {"heapSpaceStatistics", HeapSpaceStatistics}});
}

}  // namespace memscope
