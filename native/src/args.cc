#include "args.h"

#include <cmath>

namespace memscope {

namespace {

std::string Describe(const Napi::Value& value) {
  if (value.IsUndefined()) return "undefined";
  if (value.IsNull()) return "null";
  if (value.IsString()) return "a string";
  if (value.IsNumber()) return "the number " + value.ToString().Utf8Value();
  if (value.IsBoolean()) return "a boolean";
  if (value.IsFunction()) return "a function";
  if (value.IsObject()) return "an object";
  return "a value of another type";
}

std::string Prefix(const char* fn, const char* name) {
  return std::string(fn) + ": argument `" + name + "` ";
}

}  // namespace

int64_t IntegerArg(const Napi::CallbackInfo& info, size_t index, const char* fn,
                   const char* name, int64_t min, int64_t max, int64_t fallback) {
  Napi::Value value = info[index];
  if (value.IsUndefined()) return fallback;
  if (!value.IsNumber()) {
    throw Napi::TypeError::New(info.Env(), Prefix(fn, name) + "must be an integer, got " +
                                               Describe(value));
  }
  double number = value.As<Napi::Number>().DoubleValue();
  if (!std::isfinite(number) || std::floor(number) != number || number < double(min) ||
      number > double(max)) {
    throw Napi::RangeError::New(
        info.Env(), Prefix(fn, name) + "must be an integer from " + std::to_string(min) +
                        " to " + std::to_string(max) + ", got " + Describe(value));
  }
  return static_cast<int64_t>(number);
}

std::string EnumArg(const Napi::CallbackInfo& info, size_t index, const char* fn,
                    const char* name, const char* const* allowed, const char* fallback) {
  Napi::Value value = info[index];
  if (value.IsUndefined()) return fallback;
  std::string list;
  for (const char* const* option = allowed; *option != nullptr; ++option) {
    if (value.IsString() && value.As<Napi::String>().Utf8Value() == *option) return *option;
    list += (list.empty() ? "'" : ", '") + std::string(*option) + "'";
  }
  throw Napi::TypeError::New(info.Env(),
                             Prefix(fn, name) + "must be one of " + list + ", got " +
                                 (value.IsString() ? "'" + value.ToString().Utf8Value() + "'"
                                                   : Describe(value)));
}

bool BooleanArg(const Napi::CallbackInfo& info, size_t index, const char* fn, const char* name,
                bool fallback) {
  Napi::Value value = info[index];
  if (value.IsUndefined()) return fallback;
  if (!value.IsBoolean()) {
    throw Napi::TypeError::New(info.Env(),
                               Prefix(fn, name) + "must be a boolean, got " + Describe(value));
  }
  return value.As<Napi::Boolean>().Value();
}

Napi::Object ObjectArg(const Napi::CallbackInfo& info, size_t index, const char* fn,
                       const char* name) {
  Napi::Value value = info[index];
  if (!value.IsObject()) {
    throw Napi::TypeError::New(info.Env(), Prefix(fn, name) +
                                               "must be an object or function, got " +
                                               Describe(value));
  }
  return value.As<Napi::Object>();
}

}  // namespace memscope
