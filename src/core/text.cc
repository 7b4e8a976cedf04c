// ICU does the normalisation (docs/architecture: "with ICU, not by hand");
// the rest is small enough to keep dependency-free.
#include "core/text.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <stdexcept>

namespace medbcp::core {
namespace {

bool is_ascii_space(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\r' || c == U'\n' || c == U'\f' || c == U'\v';
}

bool is_trimmable(char32_t c) { return is_ascii_space(c) || c == U'\u3000'; }

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

}  // namespace

std::string nfkc(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU NFKC normaliser unavailable");
  const icu::UnicodeString source = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  const icu::UnicodeString normalized = normalizer->normalize(source, status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU NFKC normalisation failed");
  std::string out;
  normalized.toUTF8String(out);
  return out;
}

std::string trim(std::string_view text) {
  const std::u32string cps = utf8_to_u32(text);
  std::size_t begin = 0;
  std::size_t end = cps.size();
  while (begin < end && is_trimmable(cps[begin])) ++begin;
  while (end > begin && is_trimmable(cps[end - 1])) --end;
  std::string out;
  for (std::size_t i = begin; i < end; ++i) append_utf8(out, cps[i]);
  return out;
}

std::string match_key(std::string_view text) {
  std::string out;
  // ASCII is its own NFKC: most keys (管理番号 such as "PC-001") need no ICU.
  if (std::all_of(text.begin(), text.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    out.reserve(text.size());
    for (char c : text) {
      if (is_trimmable(static_cast<unsigned char>(c))) continue;
      out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return out;
  }
  for (char32_t c : utf8_to_u32(nfkc(text))) {
    if (is_trimmable(c)) continue;
    if (c >= U'A' && c <= U'Z') c = c - U'A' + U'a';
    append_utf8(out, c);
  }
  return out;
}

std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char c = byte(i);
  if (c < 0x80) return 1;
  std::size_t n = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + n > text.size() || byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  }
  return n;
}

std::u32string utf8_to_u32(std::string_view text) {
  std::u32string out;
  std::size_t i = 0;
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  while (i < text.size()) {
    const unsigned char b = byte(i);
    int extra = 0;
    char32_t c = 0;
    char32_t min = 0;
    if (b < 0x80) {
      c = b;
    } else if ((b & 0xE0) == 0xC0) {
      extra = 1, c = b & 0x1F, min = 0x80;
    } else if ((b & 0xF0) == 0xE0) {
      extra = 2, c = b & 0x0F, min = 0x800;
    } else if ((b & 0xF8) == 0xF0) {
      extra = 3, c = b & 0x07, min = 0x10000;
    } else {
      out += U'\uFFFD';
      ++i;
      continue;
    }
    bool ok = true;
    for (std::size_t k = 1; ok && k <= static_cast<std::size_t>(extra); ++k) {
      if (i + k >= text.size() || (byte(i + k) & 0xC0) != 0x80) {
        ok = false;
      } else {
        c = (c << 6) | (byte(i + k) & 0x3F);
      }
    }
    // Overlong forms, surrogates and values beyond U+10FFFF are not UTF-8.
    if (!ok || c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
      out += U'\uFFFD';
      ++i;
      continue;
    }
    out += c;
    i += 1 + extra;
  }
  return out;
}

std::string listed(const std::vector<std::string>& items, std::size_t at_most) {
  std::string out;
  for (std::size_t i = 0; i < items.size() && i < at_most; ++i) {
    out.append(i == 0 ? "" : "、").append(items[i]);
  }
  if (items.size() > at_most) out.append(" ほか");
  return out;
}

}  // namespace medbcp::core
