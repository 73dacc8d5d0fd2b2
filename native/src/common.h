// Shared glue between node-addon-api and V8's own API.
//
// The addon speaks Node-API for its surface (registration, argument objects,
// typed arrays) but needs V8 directly for what Node-API does not offer:
// heap snapshots, GC callbacks, the sampling heap profiler. That ties the
// build to one V8 ABI, which is why the loader checks the recorded
// NODE_MODULE_VERSION before it loads the file.
#pragma once

#include <napi.h>
#include <v8.h>

#include <cstring>
#include <initializer_list>

namespace memscope {

// A napi_value is, in Node's implementation, a v8::Local<v8::Value> stored in
// a pointer (src/js_native_api_v8.h, V8LocalValueFromJsValue). Same bits,
// same size; only valid inside the current HandleScope.
inline v8::Local<v8::Value> ToV8(napi_value value) {
  v8::Local<v8::Value> local;
  static_assert(sizeof(local) == sizeof(value), "napi_value must be a v8::Local");
  std::memcpy(static_cast<void*>(&local), &value, sizeof(value));
  return local;
}

// The reverse direction (JsValueFromV8LocalValue in Node): an empty handle
// becomes `undefined`.
inline Napi::Value FromV8(Napi::Env env, v8::Local<v8::Value> local) {
  if (local.IsEmpty()) return env.Undefined();
  return Napi::Value(env, reinterpret_cast<napi_value>(*local));
}

inline v8::Isolate* CurrentIsolate() { return v8::Isolate::GetCurrent(); }

// One function of the module: its JS name and its C++ body.
struct ModuleFunction {
  const char* name;
  Napi::Function::Callback callback;
};

// Sets each function on the module's exports under its name (the function's
// `name` in JS too, so stacks and errors show it).
inline void ExportFunctions(Napi::Env env, Napi::Object exports, std::initializer_list<ModuleFunction> functions) {
  for (const ModuleFunction& function : functions) {
    exports.Set(function.name, Napi::Function::New(env, function.callback, function.name));
  }
}

}  // namespace memscope
