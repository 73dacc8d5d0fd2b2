// Which heap objects may be handed to JavaScript.
//
// HeapProfiler::FindObjectById returns whatever heap object carries the id:
// besides JS values that includes V8's own structures (function and block
// contexts, code, maps, fixed arrays, oddballs such as the hole). Handed to
// JavaScript, those break V8's invariants: `typeof` of a context answers
// "symbol", and Symbol.prototype.toString on it is a fatal error.
#pragma once

#include <napi.h>
#include <v8.h>

#include "common.h"

namespace memscope {

// JavaScript never holds a realm's global object itself (the snapshot's
// `global` node), only the proxy in front of it, `globalThis`; V8 keeps the
// global object as that proxy's prototype. Anything else comes back as it is.
inline v8::Local<v8::Object> GlobalProxyFor(v8::Local<v8::Object> object) {
  v8::Local<v8::Context> context;
  if (!object->GetCreationContext().ToLocal(&context)) return object;
  v8::Local<v8::Object> proxy = context->Global();
  return proxy->GetPrototype() == object ? proxy : object;
}

// `value` itself when it is a value JavaScript code could hold, else
// `undefined`. Every predicate used reads only the object's map (its
// instance type), so each is safe on any heap object:
//   IsObject  - a JSReceiver (objects, arrays, functions, proxies), the
//               global object swapped for its proxy;
//   IsString  - any string representation (cons, sliced, thin, external);
//   IsBigInt  - a BigInt;
//   IsNumber  - a Smi or a HeapNumber; the HeapNumber may be the mutable box
//               of an object's double field, so a copy is returned, not the box;
//   IsSymbol  - a public symbol only: V8 answers false for private symbols,
//               which JavaScript must never see (on Node 20 none of the 143
//               private symbols of a bare Node heap came back).
// Booleans, null and undefined are never worth a preview, and the other
// oddballs (the hole, uninitialized markers) must never reach JavaScript.
inline Napi::Value JsValueOrUndefined(Napi::Env env, v8::Local<v8::Value> value) {
  if (value.IsEmpty()) return env.Undefined();
  if (value->IsObject()) return FromV8(env, GlobalProxyFor(value.As<v8::Object>()));
  if (value->IsString() || value->IsBigInt() || value->IsSymbol()) return FromV8(env, value);
  if (value->IsNumber()) return Napi::Number::New(env, value.As<v8::Number>()->Value());
  return env.Undefined();
}

}  // namespace memscope
