// The snapshot's string table, held outside the V8 heap while the snapshot
// streams in, then turned into one JS array of strings.
//
// Strings arrive as UTF-16 code units (V8 writes every non-ASCII character
// as a \uXXXX escape). Most are ASCII, so each string is kept as one byte
// per unit unless one of its units is above 0xFF; then that string alone is
// kept as UTF-16. Code units go to JS unchanged: the result equals what
// JSON.parse makes of the same text, lone surrogates included.
#pragma once

#include <napi.h>

#include <cstdint>
#include <string>
#include <vector>

namespace memscope {

class StringPool {
 public:
  void Begin();
  void Append(const char* ascii, size_t length);
  void AppendUnit(uint32_t unit);
  void End();

  size_t size() const { return entries_.size(); }

  // A JS array of every string, in order. Frees the pool.
  Napi::Value TakeArray(Napi::Env env);

 private:
  struct Entry {
    size_t offset;
    uint32_t length;
    bool wide;
  };
  void Widen();

  std::string narrow_;
  std::u16string wide_;
  std::vector<Entry> entries_;
  size_t start_ = 0;
  bool current_wide_ = false;
};

}  // namespace memscope
