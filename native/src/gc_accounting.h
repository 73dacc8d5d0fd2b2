// GC accounting: prologue/epilogue callbacks that count collections, time
// spent in them and heap bytes they freed.
//
// Callbacks are installed once per isolate, however often the module is
// initialised in it (a test runner may load the addon again per test file or
// per vm context); each initialisation holds a reference, released when its
// Node environment shuts down.
#pragma once

#include <napi.h>

namespace memscope {

// Called from module init: installs the callbacks on first use in this isolate.
void AttachGcAccounting(Napi::Env env);

// RegisterGcAccounting sets these functions on the module's exports:
//
// gcTotals(): cumulative { count, timeMs, freedBytes, youngFreedBytes }
// since the callbacks were installed in this isolate.
//
// youngGenerationUsed(): bytes in use in new space and new large-object
// space now. With youngFreedBytes it splits "allocated" into a young and an
// old share (see packages/core/src/tasks/figures.ts).
void RegisterGcAccounting(Napi::Env env, Napi::Object exports);

}  // namespace memscope
