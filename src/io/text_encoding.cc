#include "io/text_encoding.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include <cstdio>
#include <cstring>
#include <memory>
#include <stdexcept>

namespace medbcp::io {
namespace {

constexpr char kCp932Converter[] = "windows-31j";
constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::string_view kUtf16LeBom = "\xFF\xFE";

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using Converter = std::unique_ptr<UConverter, ConverterCloser>;

Converter open_converter(const char* name) {
  UErrorCode err = U_ZERO_ERROR;
  Converter c(ucnv_open(name, &err));
  if (U_FAILURE(err)) {
    throw std::runtime_error(std::string("ICU converter ") + name + ": " + u_errorName(err));
  }
  return c;
}

void check(UErrorCode err, const char* what) {
  if (U_FAILURE(err)) throw std::runtime_error(std::string(what) + ": " + u_errorName(err));
}

// The JIS X 0208 characters whose Unicode mapping differs between the JIS
// table and Microsoft's: {JIS mapping, CP932 mapping}.
constexpr char16_t kVariantPairs[][2] = {
    {0x301C, 0xFF5E},  // 〜 WAVE DASH -> ～ FULLWIDTH TILDE
    {0x2016, 0x2225},  // ‖ DOUBLE VERTICAL LINE -> ∥ PARALLEL TO
    {0x2212, 0xFF0D},  // − MINUS SIGN -> － FULLWIDTH HYPHEN-MINUS
    {0x00A2, 0xFFE0},  // ¢ -> ￠
    {0x00A3, 0xFFE1},  // £ -> ￡
    {0x00AC, 0xFFE2},  // ¬ -> ￢
    {0x2014, 0x2015},  // — EM DASH -> ― HORIZONTAL BAR
};

char16_t cp932_twin(char16_t c) {
  for (const auto& pair : kVariantPairs) {
    if (pair[0] == c) return pair[1];
  }
  return c;
}

// Counts invalid input and writes U+FFFD for it (ICU's default would write
// U+001A for unassigned single bytes, which would then pass unnoticed).
void count_and_replace(const void* context, UConverterToUnicodeArgs* args, const char*, int32_t,
                       UConverterCallbackReason reason, UErrorCode* err) {
  if (reason > UCNV_IRREGULAR) return;  // reset/close/clone
  ++*static_cast<int*>(const_cast<void*>(context));
  static const UChar kReplacement = 0xFFFD;
  *err = U_ZERO_ERROR;
  ucnv_cbToUWriteUChars(args, &kReplacement, 1, 0, err);
}

// Records each code point CP932 cannot hold and writes '?' for it.
void record_unmappable(const void* context, UConverterFromUnicodeArgs* args, const UChar*, int32_t,
                       UChar32 code_point, UConverterCallbackReason reason, UErrorCode* err) {
  if (reason > UCNV_IRREGULAR) return;
  auto* out = static_cast<std::vector<char32_t>*>(const_cast<void*>(context));
  out->push_back(static_cast<char32_t>(code_point));
  *err = U_ZERO_ERROR;
  ucnv_cbFromUWriteBytes(args, "?", 1, 0, err);
}

std::u16string to_utf16(std::string_view utf8) {
  std::u16string out(utf8.size(), u'\0');
  int32_t length = 0;
  UErrorCode err = U_ZERO_ERROR;
  u_strFromUTF8WithSub(reinterpret_cast<UChar*>(out.data()), static_cast<int32_t>(out.size()),
                       &length, utf8.data(), static_cast<int32_t>(utf8.size()), 0xFFFD, nullptr,
                       &err);
  check(err, "UTF-8 to UTF-16");
  out.resize(static_cast<size_t>(length));
  return out;
}

std::string utf16_to_utf8(const char16_t* text, size_t size) {
  std::string out(size * 3, '\0');
  int32_t length = 0;
  UErrorCode err = U_ZERO_ERROR;
  u_strToUTF8WithSub(out.data(), static_cast<int32_t>(out.size()), &length,
                     reinterpret_cast<const UChar*>(text), static_cast<int32_t>(size), 0xFFFD,
                     nullptr, &err);
  check(err, "UTF-16 to UTF-8");
  out.resize(static_cast<size_t>(length));
  return out;
}

bool is_ascii(std::string_view text) {
  for (unsigned char c : text) {
    if (c >= 0x80) return false;
  }
  return true;
}

}  // namespace

const char* encoding_name(TextEncoding encoding) {
  switch (encoding) {
    case TextEncoding::Utf8:
      return "UTF-8";
    case TextEncoding::Cp932:
      return "CP932 (Shift_JIS)";
    case TextEncoding::Utf16Le:
      return "UTF-16LE";
  }
  return "?";
}

bool is_valid_utf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t n = bytes.size();
  size_t i = 0;
  while (i < n) {
    // Skip ASCII eight bytes at a time: most of a ledger is ASCII.
    if (i + 8 <= n) {
      std::uint64_t chunk;
      std::memcpy(&chunk, s + i, 8);
      if ((chunk & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    const unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    int length;
    std::uint32_t min;
    std::uint32_t cp;
    if ((c & 0xE0) == 0xC0) {
      length = 2, min = 0x80, cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      length = 3, min = 0x800, cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      length = 4, min = 0x10000, cp = c & 0x07;
    } else {
      return false;
    }
    if (i + static_cast<size_t>(length) > n) return false;
    for (int k = 1; k < length; ++k) {
      const unsigned char cc = s[i + static_cast<size_t>(k)];
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += static_cast<size_t>(length);
  }
  return true;
}

TextEncoding detect_encoding(std::string_view bytes) {
  if (bytes.starts_with(kUtf8Bom)) return TextEncoding::Utf8;
  if (bytes.starts_with(kUtf16LeBom)) return TextEncoding::Utf16Le;
  return is_valid_utf8(bytes) ? TextEncoding::Utf8 : TextEncoding::Cp932;
}

DecodedText decode_text(std::string_view bytes) {
  DecodedText out;
  out.encoding = detect_encoding(bytes);
  switch (out.encoding) {
    case TextEncoding::Utf8:
      out.had_bom = bytes.starts_with(kUtf8Bom);
      if (out.had_bom) bytes.remove_prefix(kUtf8Bom.size());
      out.utf8.assign(bytes);
      break;
    case TextEncoding::Cp932:
      out.utf8 = decode_cp932(bytes, &out.undecodable);
      break;
    case TextEncoding::Utf16Le: {
      out.had_bom = true;
      bytes.remove_prefix(kUtf16LeBom.size());
      std::u16string units(bytes.size() / 2, u'\0');
      for (size_t i = 0; i < units.size(); ++i) {
        units[i] = static_cast<char16_t>(static_cast<unsigned char>(bytes[2 * i]) |
                                         (static_cast<unsigned char>(bytes[2 * i + 1]) << 8));
      }
      if (bytes.size() % 2 != 0) ++out.undecodable;
      out.utf8 = utf16_to_utf8(units.data(), units.size());
      break;
    }
  }
  return out;
}

std::string decode_cp932(std::string_view bytes, int* undecodable) {
  if (is_ascii(bytes)) return std::string(bytes);
  Converter cp932 = open_converter(kCp932Converter);
  Converter utf8 = open_converter("UTF-8");
  int errors = 0;
  UErrorCode err = U_ZERO_ERROR;
  ucnv_setToUCallBack(cp932.get(), count_and_replace, &errors, nullptr, nullptr, &err);
  check(err, "ucnv_setToUCallBack");

  // Every CP932 byte becomes at most three UTF-8 bytes (a half-width katakana
  // byte, or U+FFFD for a bad byte), so one pass into a sized buffer suffices.
  std::string out(bytes.size() * 3 + 4, '\0');
  char* target = out.data();
  const char* source = bytes.data();
  UChar pivot[4096];
  UChar* pivot_source = pivot;
  UChar* pivot_target = pivot;
  ucnv_convertEx(utf8.get(), cp932.get(), &target, out.data() + out.size(), &source,
                 bytes.data() + bytes.size(), pivot, &pivot_source, &pivot_target,
                 pivot + std::size(pivot), true, true, &err);
  check(err, "CP932 to UTF-8");
  out.resize(static_cast<size_t>(target - out.data()));
  if (undecodable) *undecodable += errors;
  return out;
}

Cp932Encoded encode_cp932(std::string_view utf8) {
  Cp932Encoded out;
  if (is_ascii(utf8)) {
    out.bytes.assign(utf8);
    return out;
  }
  std::u16string units = to_utf16(utf8);
  for (char16_t& c : units) c = cp932_twin(c);

  Converter cp932 = open_converter(kCp932Converter);
  UErrorCode err = U_ZERO_ERROR;
  ucnv_setFromUCallBack(cp932.get(), record_unmappable, &out.unmappable, nullptr, nullptr, &err);
  check(err, "ucnv_setFromUCallBack");
  // At most two bytes per UTF-16 unit ('?' for a surrogate pair is one byte).
  out.bytes.resize(units.size() * 2 + 4);
  const int32_t length = ucnv_fromUChars(
      cp932.get(), out.bytes.data(), static_cast<int32_t>(out.bytes.size()),
      reinterpret_cast<const UChar*>(units.data()), static_cast<int32_t>(units.size()), &err);
  check(err, "UTF-8 to CP932");
  out.bytes.resize(static_cast<size_t>(length));
  return out;
}

std::vector<char32_t> cp932_unmappable(std::string_view utf8) {
  if (is_ascii(utf8)) return {};
  return encode_cp932(utf8).unmappable;
}

std::string fold_cp932_variants(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto n = static_cast<int32_t>(utf8.size());
  int32_t i = 0;
  while (i < n) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    const char16_t twin = c >= 0 && c <= 0xFFFF ? cp932_twin(static_cast<char16_t>(c)) : 0;
    if (twin != 0 && twin != c) {
      uint8_t buf[4];
      int32_t k = 0;
      U8_APPEND_UNSAFE(buf, k, twin);
      out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(k));
    } else {
      out.append(utf8.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
    }
  }
  return out;
}

std::string describe_code_point(char32_t c) {
  std::string out = "「";
  if (c <= 0x10FFFF && !(c >= 0xD800 && c <= 0xDFFF)) {
    uint8_t buf[4];
    int32_t k = 0;
    U8_APPEND_UNSAFE(buf, k, c);
    out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(k));
  }
  char label[24];
  std::snprintf(label, sizeof label, "」(U+%04X)", static_cast<unsigned>(c));
  return out + label;
}

}  // namespace medbcp::io
