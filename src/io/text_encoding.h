// Character encodings at the edge: files from Excel arrive as UTF-8 (with or
// without a BOM), as CP932 (Shift_JIS as Windows saves it) or, from Excel's
// 「Unicode テキスト」, as UTF-16LE with a BOM. Inside medbcp all text is UTF-8,
// so imports decode here once and exports encode here once.
//
// CP932 uses ICU's "windows-31j" table (Microsoft's mapping): 0x8160 is
// U+FF5E FULLWIDTH TILDE, not U+301C WAVE DASH, which is what Excel and every
// Windows program read. Bytes 0x00-0x7F are plain ASCII as in Windows (ICU's
// table, being IBM-943, would rotate the controls 0x1A/0x1C/0x7F). Text typed on other systems may
// carry the JIS-mapping twins of seven such characters (U+301C 〜, U+2016 ‖, U+2212 −, U+00A2 ¢,
// U+00A3 £, U+00AC ¬, U+2014 —); they are the same JIS X 0208 characters, so
// the encoder writes them as their CP932 bytes. Anything else CP932 lacks
// (e.g. 𠮷, ¥ U+00A5, emoji) is reported, never silently replaced.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/cp932_twins.h"

namespace medbcp::io {

enum class TextEncoding { Utf8, Cp932, Utf16Le };

// "UTF-8", "CP932 (Shift_JIS)", "UTF-16LE".
const char* encoding_name(TextEncoding);

bool is_valid_utf8(std::string_view bytes);

// BOM first (UTF-8 or UTF-16LE), then valid UTF-8 (which includes pure
// ASCII), else CP932.
TextEncoding detect_encoding(std::string_view bytes);

struct DecodedText {
  std::string utf8;  // without BOM
  TextEncoding encoding = TextEncoding::Utf8;
  bool had_bom = false;
  int undecodable = 0;  // bytes that were not valid; each became U+FFFD
};

// Detects the encoding and converts to UTF-8. Invalid bytes become U+FFFD
// (which the ledger reader reports with its row and column).
DecodedText decode_text(std::string_view bytes);

// CP932 bytes to UTF-8; invalid or unassigned bytes become U+FFFD and are
// counted in *undecodable when given.
std::string decode_cp932(std::string_view bytes, int* undecodable = nullptr);

// For decoding a large file block by block: appends the UTF-8 of the longest
// prefix of `bytes` that does not cut a character in two (all of `bytes`
// when `last`) to `out`, and returns how many bytes it consumed.
size_t decode_cp932_block(std::string_view bytes, bool last, std::string& out, int& undecodable);

struct Cp932Encoded {
  std::string bytes;
  std::vector<char32_t> unmappable;  // code points CP932 cannot hold, in order
};

// UTF-8 to CP932. Characters CP932 cannot hold are listed in `unmappable`
// and written as '?' so the caller can refuse the result.
Cp932Encoded encode_cp932(std::string_view utf8);

// UTF-8 to ISO-2022-JP (the JIS encoding Japanese mail has long used):
// 7-bit, with escape sequences; characters it cannot hold (髙, 﨑 …) are
// listed in `unmappable` and written as '?'.
Cp932Encoded encode_iso2022jp(std::string_view utf8);

// The code points of `utf8` that CP932 cannot hold (empty when encodable).
std::vector<char32_t> cp932_unmappable(std::string_view utf8);

// 〜 and ～ compared as one (core/cp932_twins.h); named here too because
// reading and writing CP932 is where the twins come from.
using core::fold_cp932_variants;

// 「𠮷」(U+20BB7) for messages: the character and its code point, since
// look-alikes (〜 and ～) differ only in the latter.
std::string describe_code_point(char32_t);

}  // namespace medbcp::io
