#include "string_pool.h"

#include <v8.h>

#include "common.h"

namespace memscope {

void StringPool::Begin() {
  current_wide_ = false;
  start_ = narrow_.size();
}

void StringPool::Append(const char* ascii, size_t length) {
  if (!current_wide_) {
    narrow_.append(ascii, length);
    return;
  }
  for (size_t i = 0; i < length; ++i) wide_.push_back(char16_t(uint8_t(ascii[i])));
}

void StringPool::AppendUnit(uint32_t unit) {
  if (!current_wide_ && unit > 0xFF) Widen();
  if (current_wide_) {
    wide_.push_back(char16_t(unit));
  } else {
    narrow_.push_back(char(uint8_t(unit)));
  }
}

// Moves the string begun so far from the one-byte pool to the UTF-16 pool.
void StringPool::Widen() {
  size_t wide_start = wide_.size();
  for (size_t i = start_; i < narrow_.size(); ++i) wide_.push_back(char16_t(uint8_t(narrow_[i])));
  narrow_.resize(start_);
  start_ = wide_start;
  current_wide_ = true;
}

void StringPool::End() {
  size_t end = current_wide_ ? wide_.size() : narrow_.size();
  entries_.push_back(Entry{start_, uint32_t(end - start_), current_wide_});
  current_wide_ = false;
  start_ = narrow_.size();
}

Napi::Value StringPool::TakeArray(Napi::Env env) {
  v8::Isolate* isolate = CurrentIsolate();
  // Straight V8 calls: one array built from a handle list costs a fraction
  // of a Node-API set per element, which matters at half a million strings.
  std::vector<v8::Local<v8::Value>> values;
  values.reserve(entries_.size());
  for (const Entry& entry : entries_) {
    v8::MaybeLocal<v8::String> made =
        entry.wide ? v8::String::NewFromTwoByte(isolate, reinterpret_cast<const uint16_t*>(wide_.data() + entry.offset),
                                                v8::NewStringType::kNormal, int(entry.length))
                   : v8::String::NewFromOneByte(isolate, reinterpret_cast<const uint8_t*>(narrow_.data() + entry.offset),
                                                v8::NewStringType::kNormal, int(entry.length));
    v8::Local<v8::String> value;
    if (!made.ToLocal(&value)) throw Napi::Error::New(env, "heapGraph: a snapshot string is too long for V8");
    values.push_back(value);
  }
  std::string().swap(narrow_);
  std::u16string().swap(wide_);
  std::vector<Entry>().swap(entries_);
  return FromV8(env, v8::Array::New(isolate, values.data(), values.size()));
}

}  // namespace memscope
