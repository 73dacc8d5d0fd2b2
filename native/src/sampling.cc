#include "sampling.h"

#include <v8-profiler.h>

#include <memory>
#include <string>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "args.h"
#include "common.h"

namespace memscope {

namespace {

// V8 reports whether sampling is on only through GetAllocationProfile, which
// copies the whole profile; a per-isolate flag is cheaper and exact since
// every start and stop goes through this file.
// Worker threads have isolates of their own, hence the lock.
std::mutex sampling_mutex;
std::unordered_map<v8::Isolate*, bool> sampling_active;

bool IsSampling(v8::Isolate* isolate) {
  std::lock_guard<std::mutex> lock(sampling_mutex);
  auto found = sampling_active.find(isolate);
  return found != sampling_active.end() && found->second;
}

void SetSampling(v8::Isolate* isolate, bool active) {
  std::lock_guard<std::mutex> lock(sampling_mutex);
  if (active) {
    sampling_active[isolate] = true;
  } else {
    sampling_active.erase(isolate);
  }
}

struct FrameSource {
  const v8::AllocationProfile::Node* node;
  const v8::AllocationProfile::Node* parent;
};

void IndexNodes(const v8::AllocationProfile::Node* node,
                const v8::AllocationProfile::Node* parent,
                std::unordered_map<uint32_t, FrameSource>& index) {
  index.emplace(node->node_id, FrameSource{node, parent});
  for (const v8::AllocationProfile::Node* child : node->children) IndexNodes(child, node, index);
}

Napi::Object MakeFrame(Napi::Env env, const v8::AllocationProfile::Node* node) {
  Napi::Object frame = Napi::Object::New(env);
  frame.Set("functionName", FromV8(env, node->name));
  frame.Set("url", FromV8(env, node->script_name));
  frame.Set("line", double(node->line_number));
  frame.Set("column", double(node->column_number));
  return frame;
}

// The running profile's samples; throws, naming the caller, when none runs.
std::unique_ptr<v8::AllocationProfile> CurrentProfile(Napi::Env env, const char* caller) {
  v8::Isolate* isolate = CurrentIsolate();
  if (!IsSampling(isolate)) {
    throw Napi::Error::New(env, std::string(caller) + ": the sampling heap profiler is not running; call startSampling first");
  }
  std::unique_ptr<v8::AllocationProfile> profile(isolate->GetHeapProfiler()->GetAllocationProfile());
  if (!profile) throw Napi::Error::New(env, std::string(caller) + ": V8 returned no allocation profile");
  return profile;
}

}  // namespace

Napi::Value StartSampling(const Napi::CallbackInfo& info) {
  int64_t interval = IntegerArg(info, 0, "startSampling", "intervalBytes", 1, int64_t(1) << 40, 32768);
  int64_t depth = IntegerArg(info, 1, "startSampling", "stackDepth", 1, 1024, 32);
  v8::Isolate* isolate = CurrentIsolate();
  v8::HeapProfiler* profiler = isolate->GetHeapProfiler();
  // Restarting replaces the running profile with an empty one.
  if (IsSampling(isolate)) profiler->StopSamplingHeapProfiler();
  if (!profiler->StartSamplingHeapProfiler(uint64_t(interval), int(depth))) {
    throw Napi::Error::New(info.Env(), "startSampling: V8 refused to start the sampling heap profiler");
  }
  SetSampling(isolate, true);
  return info.Env().Undefined();
}

Napi::Value ReadSampling(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  std::unique_ptr<v8::AllocationProfile> profile = CurrentProfile(env, "readSampling");

  std::unordered_map<uint32_t, FrameSource> nodes;
  IndexNodes(profile->GetRootNode(), nullptr, nodes);
  // One frame object per profile node, shared by every stack through it.
  std::unordered_map<uint32_t, Napi::Object> frames;

  const std::vector<v8::AllocationProfile::Sample>& samples = profile->GetSamples();
  Napi::Array out = Napi::Array::New(env, samples.size());
  uint32_t written = 0;
  std::vector<Napi::Object> stack;
  for (const v8::AllocationProfile::Sample& sample : samples) {
    stack.clear();
    auto source = nodes.find(sample.node_id);
    // The root is V8's "(root)" placeholder, not a frame.
    while (source != nodes.end() && source->second.parent != nullptr) {
      auto cached = frames.find(source->first);
      if (cached == frames.end()) {
        cached = frames.emplace(source->first, MakeFrame(env, source->second.node)).first;
      }
      stack.push_back(cached->second);
      source = nodes.find(source->second.parent->node_id);
    }
    Napi::Array frames_out = Napi::Array::New(env, stack.size());
    for (size_t i = 0; i < stack.size(); ++i) frames_out.Set(uint32_t(i), stack[i]);
    Napi::Object entry = Napi::Object::New(env);
    entry.Set("size", double(sample.size));
    entry.Set("count", double(sample.count));
    // Sample ids grow in allocation order: they tell which samples came after a given one.
    entry.Set("id", double(sample.sample_id));
    entry.Set("stack", frames_out);
    out.Set(written++, entry);
  }
  return out;
}

Napi::Value ReadSampleSizes(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  std::unique_ptr<v8::AllocationProfile> profile = CurrentProfile(env, "readSampleSizes");
  // One typed array, no object per sample: a read of ~10 000 live samples
  // took ~60 ms through readSampling's objects and frames.
  const std::vector<v8::AllocationProfile::Sample>& samples = profile->GetSamples();
  Napi::Float64Array out = Napi::Float64Array::New(env, samples.size() * 3);
  size_t at = 0;
  for (const v8::AllocationProfile::Sample& sample : samples) {
    out[at++] = double(sample.sample_id);
    out[at++] = double(sample.size);
    out[at++] = double(sample.count);
  }
  return out;
}

void ForgetSamplingState(v8::Isolate* isolate) { SetSampling(isolate, false); }

Napi::Value StopSampling(const Napi::CallbackInfo& info) {
  v8::Isolate* isolate = CurrentIsolate();
  if (IsSampling(isolate)) isolate->GetHeapProfiler()->StopSamplingHeapProfiler();
  SetSampling(isolate, false);
  return info.Env().Undefined();
}

void RegisterSampling(Napi::Env env, Napi::Object exports) {
  ExportFunctions(env, exports,
                  {{"startSampling", StartSampling}, {"readSampling", ReadSampling},
                   {"readSampleSizes", ReadSampleSizes}, {"stopSampling", StopSampling}});
}

}  // namespace memscope
