#include "gc_accounting.h"

#include <chrono>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "common.h"

namespace memscope {

namespace {

// What gcTotals() returns: sums over the collections since the callbacks
// were installed.
struct GcSums {
  uint64_t count = 0;
  double time_ms = 0;
  // Signed: a scavenge that promotes while allocating can end slightly above
  // where it began; clamping would bias "allocated = delta + freed".
  double freed_bytes = 0;
  // The young generation's share of freed_bytes: what a collection took out
  // of new space and new large-object space, promoted bytes included (the
  // old spaces' share is then negative by as much for a scavenge).
  double young_freed_bytes = 0;
};

// The collection under way, as its prologue found the heap.
struct GcUnderWay {
  int depth = 0;
  std::chrono::steady_clock::time_point started;
  size_t used_before = 0;
  size_t young_before = 0;
};

struct GcLedger {
  int references = 0;
  // Written only on the isolate's thread, inside GC callbacks.
  GcSums sums;
  GcUnderWay current;
};

std::mutex ledgers_mutex;
std::unordered_map<v8::Isolate*, GcLedger*> ledgers;

size_t UsedHeap(v8::Isolate* isolate) {
  v8::HeapStatistics stats;
  isolate->GetHeapStatistics(&stats);
  return stats.used_heap_size();
}

// Indices of the young generation's spaces. V8 numbers its spaces the same
// way in every isolate of a process, so they are looked up once, by name.
const std::vector<size_t>& YoungSpaceIndices(v8::Isolate* isolate) {
  static const std::vector<size_t> indices = [isolate] {
    std::vector<size_t> found;
    for (size_t i = 0; i < isolate->NumberOfHeapSpaces(); i++) {
      v8::HeapSpaceStatistics space;
      if (!isolate->GetHeapSpaceStatistics(&space, i)) continue;
      const char* name = space.space_name();
      if (std::strcmp(name, "new_space") == 0 || std::strcmp(name, "new_large_object_space") == 0) {
        found.push_back(i);
      }
    }
    return found;
  }();
  return indices;
}

size_t YoungUsed(v8::Isolate* isolate) {
  size_t used = 0;
  for (size_t index : YoungSpaceIndices(isolate)) {
    v8::HeapSpaceStatistics space;
    if (isolate->GetHeapSpaceStatistics(&space, index)) used += space.space_used_size();
  }
  return used;
}

void OnGcStart(v8::Isolate* isolate, v8::GCType, v8::GCCallbackFlags, void* data) {
  GcLedger* ledger = static_cast<GcLedger*>(data);
  // A collection requested from inside another's callbacks is accounted as
  // part of the outer one.
  GcUnderWay& current = ledger->current;
  if (current.depth++ > 0) return;
  current.used_before = UsedHeap(isolate);
  current.young_before = YoungUsed(isolate);
  current.started = std::chrono::steady_clock::now();
}

void OnGcEnd(v8::Isolate* isolate, v8::GCType, v8::GCCallbackFlags, void* data) {
  GcLedger* ledger = static_cast<GcLedger*>(data);
  GcUnderWay& current = ledger->current;
  if (current.depth == 0 || --current.depth > 0) return;
  std::chrono::duration<double, std::milli> elapsed = std::chrono::steady_clock::now() - current.started;
  GcSums& sums = ledger->sums;
  sums.count += 1;
  sums.time_ms += elapsed.count();
  sums.freed_bytes += double(current.used_before) - double(UsedHeap(isolate));
  sums.young_freed_bytes += double(current.young_before) - double(YoungUsed(isolate));
}

void Release(v8::Isolate* isolate) {
  std::lock_guard<std::mutex> lock(ledgers_mutex);
  auto found = ledgers.find(isolate);
  if (found == ledgers.end() || --found->second->references > 0) return;
  isolate->RemoveGCPrologueCallback(OnGcStart, found->second);
  isolate->RemoveGCEpilogueCallback(OnGcEnd, found->second);
  delete found->second;
  ledgers.erase(found);
}

}  // namespace

void AttachGcAccounting(Napi::Env env) {
  v8::Isolate* isolate = CurrentIsolate();
  {
    std::lock_guard<std::mutex> lock(ledgers_mutex);
    GcLedger*& ledger = ledgers[isolate];
    if (ledger == nullptr) {
      ledger = new GcLedger();
      isolate->AddGCPrologueCallback(OnGcStart, ledger, v8::kGCTypeAll);
      isolate->AddGCEpilogueCallback(OnGcEnd, ledger, v8::kGCTypeAll);
    }
    ledger->references += 1;
  }
  env.AddCleanupHook(Release, isolate);
}

Napi::Value GcTotals(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  GcSums sums;
  {
    std::lock_guard<std::mutex> lock(ledgers_mutex);
    auto found = ledgers.find(CurrentIsolate());
    if (found == ledgers.end()) {
      throw Napi::Error::New(env, "gcTotals: GC accounting is not installed in this isolate");
    }
    sums = found->second->sums;
  }
  Napi::Object out = Napi::Object::New(env);
  out.Set("count", double(sums.count));
  out.Set("timeMs", sums.time_ms);
  out.Set("freedBytes", sums.freed_bytes);
  out.Set("youngFreedBytes", sums.young_freed_bytes);
  return out;
}

Napi::Value YoungGenerationUsed(const Napi::CallbackInfo& info) {
  return Napi::Number::New(info.Env(), double(YoungUsed(CurrentIsolate())));
}

void RegisterGcAccounting(Napi::Env env, Napi::Object exports) {
  ExportFunctions(env, exports, {{"gcTotals", GcTotals}, {"youngGenerationUsed", YoungGenerationUsed}});
}

}  // namespace memscope
