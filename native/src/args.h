// Argument checks for every exported function, in one place. Each failure is
// a TypeError (wrong type) or RangeError (out of bounds) whose message names
// the function, the argument and what was expected.
#pragma once

#include <napi.h>

#include <cstdint>
#include <string>

namespace memscope {

// An integer number in [min, max]; `fallback` when the argument is undefined.
int64_t IntegerArg(const Napi::CallbackInfo& info, size_t index, const char* fn,
                   const char* name, int64_t min, int64_t max, int64_t fallback);

// One of the strings in `allowed` (a nullptr-terminated list); `fallback` when
// the argument is undefined.
std::string EnumArg(const Napi::CallbackInfo& info, size_t index, const char* fn,
                    const char* name, const char* const* allowed, const char* fallback);

bool BooleanArg(const Napi::CallbackInfo& info, size_t index, const char* fn,
                const char* name, bool fallback);

// An object or function (anything a heap snapshot gives an id).
Napi::Object ObjectArg(const Napi::CallbackInfo& info, size_t index, const char* fn,
                       const char* name);

}  // namespace memscope
