#include <gtest/gtest.h>

#include "io/csv_reader.h"
#include "io/csv_writer.h"

namespace medbcp::io {
namespace {

using Rows = std::vector<std::vector<std::string>>;

Rows read_all(std::string text, char delimiter = 0) {
  CsvReader reader(std::move(text), delimiter);
  Rows rows;
  std::vector<std::string_view> fields;
  while (reader.next(fields)) rows.emplace_back(fields.begin(), fields.end());
  return rows;
}

TEST(CsvReaderTest, ReadsCrlfAndLfRecords) {
  EXPECT_EQ(read_all("a,b\r\nc,d\r\n"), (Rows{{"a", "b"}, {"c", "d"}}));
  EXPECT_EQ(read_all("a,b\nc,d"), (Rows{{"a", "b"}, {"c", "d"}}));
  EXPECT_EQ(read_all("a\rb\r"), (Rows{{"a"}, {"b"}}));
}

TEST(CsvReaderTest, QuotedFieldsHoldCommasQuotesAndLineBreaks) {
  EXPECT_EQ(read_all("\"東京都,港区\",\"He said \"\"hi\"\"\",\"1行目\r\n2行目\"\r\nx,y\r\n"),
            (Rows{{"東京都,港区", "He said \"hi\"", "1行目\r\n2行目"}, {"x", "y"}}));
}

TEST(CsvReaderTest, EmptyFieldsAndBlankLinesAreKept) {
  EXPECT_EQ(read_all("a,,c,\r\n\r\n,\r\n"), (Rows{{"a", "", "c", ""}, {""}, {"", ""}}));
  EXPECT_EQ(read_all("\"\",\"\"\r\n"), (Rows{{"", ""}}));
  EXPECT_EQ(read_all(""), Rows{});
}

TEST(CsvReaderTest, RecordNumberCountsRowsNotLines) {
  CsvReader reader("h1,h2\r\n\"a\nb\",c\r\nd,e\r\n");
  std::vector<std::string_view> fields;
  ASSERT_TRUE(reader.next(fields));
  EXPECT_EQ(reader.record_number(), 1);
  ASSERT_TRUE(reader.next(fields));
  EXPECT_EQ(reader.record_number(), 2);
  ASSERT_TRUE(reader.next(fields));
  EXPECT_EQ(reader.record_number(), 3);
  EXPECT_EQ(fields[0], "d");
  EXPECT_FALSE(reader.next(fields));
}

TEST(CsvReaderTest, ToleratesExcelsLooseQuoting) {
  EXPECT_EQ(read_all("ab\"c,\"x\"y,z"), (Rows{{"ab\"c", "xy", "z"}}));
}

TEST(CsvReaderTest, ReportsAnUnterminatedQuote) {
  CsvReader reader("a,\"never closed\r\nb,c\r\n");
  std::vector<std::string_view> fields;
  ASSERT_TRUE(reader.next(fields));
  EXPECT_TRUE(reader.unterminated_quote());
  EXPECT_EQ(fields[1], "never closed\r\nb,c\r\n");
  EXPECT_FALSE(reader.next(fields));
}

TEST(CsvReaderTest, EarlierFieldsStayValidAfterLaterUnescaping) {
  CsvReader reader("\"a\"\"b\",\"c\"\"d\"\r\n\"e\"\"f\"\r\n");
  std::vector<std::string_view> first;
  std::vector<std::string_view> second;
  ASSERT_TRUE(reader.next(first));
  ASSERT_TRUE(reader.next(second));
  EXPECT_EQ(first[0], "a\"b");
  EXPECT_EQ(first[1], "c\"d");
  EXPECT_EQ(second[0], "e\"f");
}

TEST(CsvReaderTest, GuessesTabForExcelUnicodeText) {
  EXPECT_EQ(read_all("管理番号\t機器名\r\nA-1\tサーバ, 本体\r\n"),
            (Rows{{"管理番号", "機器名"}, {"A-1", "サーバ, 本体"}}));
  EXPECT_EQ(guess_delimiter("a,b\tc\n"), ',');
}

TEST(CsvWriterTest, QuotesOnlyWhenNeededAndEndsRecordsWithCrlf) {
  CsvWriter writer;
  writer.field("plain");
  writer.field("a,b");
  writer.field("say \"hi\"");
  writer.field("1行目\n2行目");
  writer.field("");
  writer.end_record();
  writer.field("x");
  writer.end_record();
  EXPECT_EQ(writer.text(), "plain,\"a,b\",\"say \"\"hi\"\"\",\"1行目\n2行目\",\r\nx\r\n");
}

TEST(CsvWriterTest, WriterOutputReadsBackTheSame) {
  const Rows rows = {{"管理番号", "備考"}, {"A,1", "\"引用\"\n改行"}, {"", "①～"}};
  CsvWriter writer;
  for (const auto& row : rows) {
    for (const auto& value : row) writer.field(value);
    writer.end_record();
  }
  EXPECT_EQ(read_all(writer.take()), rows);
}

}  // namespace
}  // namespace medbcp::io
