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

// Each ill-formed sequence becomes U+FFFD and is counted.
std::string replace_invalid_utf8(std::string_view bytes, int* undecodable) {
  std::u16string units(bytes.size(), u'\0');
  int32_t length = 0;
  int32_t substitutions = 0;
  UErrorCode err = U_ZERO_ERROR;
  u_strFromUTF8WithSub(reinterpret_cast<UChar*>(units.data()), static_cast<int32_t>(units.size()),
                       &length, bytes.data(), static_cast<int32_t>(bytes.size()), 0xFFFD,
                       &substitutions, &err);
  check(err, "UTF-8 to UTF-16");
  *undecodable += substitutions;
  return utf16_to_utf8(units.data(), static_cast<size_t>(length));
}

bool is_ascii(std::string_view text) {
  for (unsigned char c : text) {
    if (c >= 0x80) return false;
  }
  return true;
}

// --- CP932 decoding ------------------------------------------------------------
// ICU's converter, driven through its generic pivot, reads CP932 at a few tens
// of MB/s; a 100,000-row ledger should take milliseconds. So ICU's own
// windows-31j mapping is copied once into a lookup table (every single byte
// and every lead/trail pair) and decoding is a table walk. The mapping stays
// ICU's; only the loop is ours.

struct Utf8Char {
  std::uint8_t length = 0;  // 0: not a character
  char bytes[3] = {};
};

constexpr Utf8Char kReplacement = {3, {'\xEF', '\xBF', '\xBD'}};

bool is_lead_byte(unsigned b) { return (b >= 0x81 && b <= 0x9F) || (b >= 0xE0 && b <= 0xFC); }
bool is_trail_byte(unsigned b) { return b >= 0x40 && b <= 0xFC && b != 0x7F; }

Utf8Char to_utf8_char(UChar c) {
  Utf8Char out;
  int32_t k = 0;
  auto* buf = reinterpret_cast<uint8_t*>(out.bytes);
  U8_APPEND_UNSAFE(buf, k, c);
  out.length = static_cast<std::uint8_t>(k);
  return out;
}

class Cp932Table {
 public:
  Cp932Table() {
    Converter cp932 = open_converter(kCp932Converter);
    UErrorCode err = U_ZERO_ERROR;
    ucnv_setToUCallBack(cp932.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
    check(err, "ucnv_setToUCallBack");
    auto decode_one = [&](const char* in, int32_t length) {
      UChar out[4];
      UErrorCode e = U_ZERO_ERROR;
      ucnv_reset(cp932.get());
      const int32_t n = ucnv_toUChars(cp932.get(), out, 4, in, length, &e);
      // One BMP character, and not the SUB that ICU uses for unassigned bytes.
      return U_SUCCESS(e) && n == 1 && out[0] != 0x1A ? to_utf8_char(out[0]) : Utf8Char{};
    };
    for (unsigned b = 0x80; b <= 0xFF; ++b) {
      const char in = static_cast<char>(b);
      if (!is_lead_byte(b)) single_[b - 0x80] = decode_one(&in, 1);
    }
    for (unsigned lead = 0x81; lead <= 0xFC; ++lead) {
      if (!is_lead_byte(lead)) continue;
      for (unsigned trail = 0x40; trail <= 0xFC; ++trail) {
        if (!is_trail_byte(trail)) continue;
        const char in[2] = {static_cast<char>(lead), static_cast<char>(trail)};
        pair_[(lead - 0x80) * 256 + trail] = decode_one(in, 2);
      }
    }
  }

  // The character at s[i] (not ASCII); advances i. A lead byte with a trail
  // byte that maps to nothing is one bad character, as ICU counts it; a lead
  // byte without a trail byte is a bad byte on its own.
  Utf8Char lookup(const unsigned char* s, size_t n, size_t& i, int& errors) const {
    const unsigned b = s[i];
    if (is_lead_byte(b) && i + 1 < n && is_trail_byte(s[i + 1])) {
      const Utf8Char& c = pair_[(b - 0x80) * 256 + s[i + 1]];
      i += 2;
      if (c.length != 0) return c;
    } else {
      i += 1;
      if (!is_lead_byte(b)) {
        const Utf8Char& c = single_[b - 0x80];
        if (c.length != 0) return c;
      }
    }
    ++errors;
    return kReplacement;
  }

 private:
  Utf8Char single_[128];
  Utf8Char pair_[128 * 256];
};

const Cp932Table& cp932_table() {
  static const Cp932Table* table = new Cp932Table();
  return *table;
}

// Length of the run of ASCII bytes at s, eight at a time.
size_t ascii_run(const unsigned char* s, size_t n) {
  size_t i = 0;
  while (i + 8 <= n) {
    std::uint64_t chunk;
    std::memcpy(&chunk, s + i, 8);
    if (chunk & 0x8080808080808080ULL) break;
    i += 8;
  }
  while (i < n && s[i] < 0x80) ++i;
  return i;
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
      if (is_valid_utf8(bytes)) {
        out.utf8.assign(bytes);
      } else {  // a BOM, then bytes that are not UTF-8 (found by fuzz/csv_fuzz)
        out.utf8 = replace_invalid_utf8(bytes, &out.undecodable);
      }
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

size_t decode_cp932_block(std::string_view bytes, bool last, std::string& out, int& undecodable) {
  const Cp932Table& table = cp932_table();
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t n = bytes.size();

  // One pass into room for the longest outcome (a byte of half-width kana
  // is three bytes of UTF-8), trimmed after: cheaper than growing a buffer
  // of megabytes, or sizing it with a pass of its own.
  int errors = 0;
  const size_t start = out.size();
  out.resize(start + 3 * n);
  char* w = out.data() + start;
  for (size_t i = 0; i < n;) {
    const size_t ascii = ascii_run(s + i, n - i);
    std::memcpy(w, s + i, ascii);
    w += ascii;
    i += ascii;
    if (i >= n) break;
    if (!last && i + 1 == n && is_lead_byte(s[i])) {
      n = i;  // the trail byte is in the next block
      break;
    }
    const Utf8Char c = table.lookup(s, n, i, errors);
    std::memcpy(w, c.bytes, c.length);
    w += c.length;
  }
  out.resize(static_cast<size_t>(w - out.data()));
  undecodable += errors;
  return n;
}

std::string decode_cp932(std::string_view bytes, int* undecodable) {
  if (is_ascii(bytes)) return std::string(bytes);
  std::string out;
  int errors = 0;
  decode_cp932_block(bytes, true, out, errors);
  if (undecodable) *undecodable += errors;
  return out;
}

Cp932Encoded encode_iso2022jp(std::string_view utf8) {
  Cp932Encoded out;
  if (is_ascii(utf8)) {
    out.bytes.assign(utf8);
    return out;
  }
  Converter jis = open_converter("ISO-2022-JP");
  UErrorCode err = U_ZERO_ERROR;
  ucnv_setFromUCallBack(jis.get(), record_unmappable, &out.unmappable, nullptr, nullptr, &err);
  check(err, "ucnv_setFromUCallBack");
  const std::u16string units = to_utf16(utf8);
  // Escape sequences add at most 8 bytes per switch; 4 per unit is ample.
  out.bytes.resize(units.size() * 4 + 16);
  const int32_t length = ucnv_fromUChars(
      jis.get(), out.bytes.data(), static_cast<int32_t>(out.bytes.size()),
      reinterpret_cast<const UChar*>(units.data()), static_cast<int32_t>(units.size()), &err);
  check(err, "UTF-16 to ISO-2022-JP");
  out.bytes.resize(static_cast<size_t>(length));
  return out;
}

Cp932Encoded encode_cp932(std::string_view utf8) {
  Cp932Encoded out;
  if (is_ascii(utf8)) {
    out.bytes.assign(utf8);
    return out;
  }
  Converter cp932 = open_converter(kCp932Converter);
  UErrorCode err = U_ZERO_ERROR;
  ucnv_setFromUCallBack(cp932.get(), record_unmappable, &out.unmappable, nullptr, nullptr, &err);
  check(err, "ucnv_setFromUCallBack");
  out.bytes.reserve(utf8.size());
  const auto* s = reinterpret_cast<const unsigned char*>(utf8.data());
  const size_t n = utf8.size();
  for (size_t i = 0; i < n;) {
    // ASCII is the same in CP932; ICU's table would rotate 0x1A/0x1C/0x7F.
    const size_t ascii = ascii_run(s + i, n - i);
    out.bytes.append(utf8.substr(i, ascii));
    i += ascii;
    const size_t start = i;
    while (i < n && s[i] >= 0x80) ++i;
    if (i == start) continue;
    std::u16string units = to_utf16(utf8.substr(start, i - start));
    for (char16_t& c : units) c = core::cp932_twin(c);
    // At most two bytes per UTF-16 unit ('?' for a surrogate pair is one).
    char buffer[512];
    std::string owned;
    const size_t capacity = units.size() * 2 + 4;
    char* target = capacity <= sizeof buffer ? buffer : (owned.resize(capacity), owned.data());
    ucnv_reset(cp932.get());
    const int32_t length = ucnv_fromUChars(cp932.get(), target, static_cast<int32_t>(capacity),
                                           reinterpret_cast<const UChar*>(units.data()),
                                           static_cast<int32_t>(units.size()), &err);
    check(err, "UTF-8 to CP932");
    out.bytes.append(target, static_cast<size_t>(length));
  }
  return out;
}

std::vector<char32_t> cp932_unmappable(std::string_view utf8) {
  if (is_ascii(utf8)) return {};
  return encode_cp932(utf8).unmappable;
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
