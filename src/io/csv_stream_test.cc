#include "io/csv_stream.h"

#include <gtest/gtest.h>

namespace medbcp::io {
namespace {

using Rows = std::vector<std::vector<std::string>>;

struct Read {
  Rows rows;
  std::vector<int> numbers;
  std::vector<bool> unterminated;
};

Read read_stream(std::string_view bytes, size_t block_size) {
  CsvStream stream(bytes, block_size);
  Read out;
  std::vector<std::string_view> fields;
  while (stream.next(fields)) {
    out.rows.emplace_back(fields.begin(), fields.end());
    out.numbers.push_back(stream.record_number());
    out.unterminated.push_back(stream.unterminated_quote());
  }
  return out;
}

Read read_whole(std::string text) {
  CsvReader reader(std::move(text));
  Read out;
  std::vector<std::string_view> fields;
  while (reader.next(fields)) {
    out.rows.emplace_back(fields.begin(), fields.end());
    out.numbers.push_back(reader.record_number());
    out.unterminated.push_back(reader.unterminated_quote());
  }
  return out;
}

// Whatever the block size, the stream must read exactly what the reader
// reads from the whole text: blocks may cut a CRLF, a quoted field, a ""
// pair or a two-byte character anywhere.
void expect_same_for_every_block_size(std::string_view bytes, const std::string& utf8) {
  const Read whole = read_whole(utf8);
  for (size_t block = 1; block <= bytes.size() + 1; ++block) {
    const Read streamed = read_stream(bytes, block);
    ASSERT_EQ(streamed.rows, whole.rows) << "block size " << block;
    ASSERT_EQ(streamed.numbers, whole.numbers) << "block size " << block;
    ASSERT_EQ(streamed.unterminated, whole.unterminated) << "block size " << block;
  }
}

TEST(CsvStreamTest, MatchesTheWholeTextReaderAtEveryBlockSize) {
  const std::string text =
      "管理番号,機器名,備考\r\n"
      "1,\"受付,PC\",\"He said \"\"hi\"\"\"\r\n"
      "2,診察PC,\"1行目\r\n2行目\"\r\n"
      "\r\n"
      "3,12\"モニタ,\"x\"y\"z\r\n"
      "4,\"\",\n"
      "5,last\r";
  expect_same_for_every_block_size(text, text);
  expect_same_for_every_block_size("\xEF\xBB\xBF" + text, text);
  expect_same_for_every_block_size("a,b\nc,\"unterminated\nd,e\n", "a,b\nc,\"unterminated\nd,e\n");
  expect_same_for_every_block_size("", "");
  expect_same_for_every_block_size("no newline at end", "no newline at end");
}

TEST(CsvStreamTest, DecodesCp932BlocksWithoutCuttingCharacters) {
  // 管理番号,機器名 / 1,電子カルテ① / 2,"ｶﾙﾃ,～" in CP932; block ends fall
  // between lead and trail bytes for some block sizes.
  const std::string cp932 =
      "\x8A\xC7\x97\x9D\x94\xD4\x8D\x86,\x8B\x40\x8A\xED\x96\xBC\r\n"
      "1,\x93\x64\x8E\x71\x83\x4A\x83\x8B\x83\x65\x87\x40\r\n"
      "2,\"\xB6\xD9\xC3,\x81\x60\"\r\n";
  const std::string utf8 = "管理番号,機器名\r\n1,電子カルテ①\r\n2,\"ｶﾙﾃ,～\"\r\n";
  expect_same_for_every_block_size(cp932, utf8);
  CsvStream stream(cp932);
  EXPECT_EQ(stream.encoding(), TextEncoding::Cp932);
  EXPECT_EQ(stream.line_count(), 3u);
}

TEST(CsvStreamTest, GuessesTabsAndReadsUtf16) {
  const std::string utf16 = std::string("\xFF\xFE", 2) + std::string("a\0\t\0b\0\r\0\n\0", 10);
  const Read read = read_stream(utf16, 4);
  EXPECT_EQ(read.rows, (Rows{{"a", "b"}}));
}

TEST(CsvStreamTest, CountsUndecodableBytes) {
  CsvStream stream("a,\x93\x64\xA0\r\n");
  std::vector<std::string_view> fields;
  ASSERT_TRUE(stream.next(fields));
  EXPECT_EQ(fields[1], "電\uFFFD");
  EXPECT_EQ(stream.undecodable(), 1);
}

}  // namespace
}  // namespace medbcp::io
