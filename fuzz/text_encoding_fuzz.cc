// Fuzzes the character-encoding edge (io/text_encoding.h): decoding any
// bytes as CP932 or by detection gives valid UTF-8, and CP932 text that
// decodes cleanly comes back as the same characters after encoding and
// decoding again (CP932 has duplicate codes, so the bytes may differ).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/fuzz_check.h"
#include "io/text_encoding.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace io = medbcp::io;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);

  io::DecodedText detected = io::decode_text(bytes);
  FUZZ_CHECK(io::is_valid_utf8(detected.utf8));

  int undecodable = 0;
  std::string text = io::decode_cp932(bytes, &undecodable);
  FUZZ_CHECK(io::is_valid_utf8(text));
  FUZZ_CHECK(undecodable >= 0);

  io::Cp932Encoded encoded = io::encode_cp932(text);
  FUZZ_CHECK(encoded.unmappable == io::cp932_unmappable(text));
  if (undecodable == 0 && encoded.unmappable.empty()) {
    int again_undecodable = 0;
    std::string again = io::decode_cp932(encoded.bytes, &again_undecodable);
    FUZZ_CHECK(again_undecodable == 0);
    FUZZ_CHECK(again == io::fold_cp932_variants(text));
  }

  // Raw bytes as UTF-8 where they are: folding and the unmappable scan must
  // accept any valid UTF-8.
  if (io::is_valid_utf8(bytes)) {
    std::string folded = io::fold_cp932_variants(bytes);
    FUZZ_CHECK(io::is_valid_utf8(folded));
    io::Cp932Encoded e = io::encode_cp932(bytes);
    FUZZ_CHECK(e.unmappable == io::cp932_unmappable(bytes));
  }
  return 0;
}
