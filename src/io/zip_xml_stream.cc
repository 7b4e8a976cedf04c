#include "io/zip_xml_stream.h"

#include <libxml/parser.h>
#include <libxml/xmlreader.h>

#include <mutex>

#include "io/xlsx_reader.h"

namespace medbcp::io {

// The zip entry libxml2 pulls bytes from, counting them against the bound.
// Errors cannot cross libxml2's C frames, so they are noted here and thrown
// by next() once the reader returns.
struct ZipXmlStream::Source {
  zip_file_t* file = nullptr;
  std::uint64_t read = 0;
  std::uint64_t max_bytes = 0;
  bool too_large = false;
  bool broken = false;

  static int read_callback(void* context, char* buffer, int length) {
    auto* self = static_cast<Source*>(context);
    const zip_int64_t n = zip_fread(self->file, buffer, static_cast<zip_uint64_t>(length));
    if (n < 0) {
      self->broken = true;
      return -1;
    }
    self->read += static_cast<std::uint64_t>(n);
    if (self->read > self->max_bytes) {
      self->too_large = true;
      return -1;
    }
    return static_cast<int>(n);
  }
  static int close_callback(void*) { return 0; }  // the destructor closes
};

namespace {

xmlTextReaderPtr as_reader(void* p) { return static_cast<xmlTextReaderPtr>(p); }

// libxml2 wants its globals set up once before threads use it; the web
// server reads uploads on many threads.
void init_libxml_once() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

// No DTD, no network, no entity expansion, and no messages on stderr: a
// malformed part is reported by next() as an XlsxError.
constexpr int kParseOptions = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;

}  // namespace

ZipXmlStream::ZipXmlStream(zip_t* archive, const std::string& part, std::uint64_t max_bytes)
    : source_(std::make_unique<Source>()), part_(part) {
  init_libxml_once();
  source_->max_bytes = max_bytes;
  source_->file = zip_fopen(archive, part.c_str(), 0);
  if (source_->file == nullptr) throw XlsxError("XLSX の " + part + " を開けません");
  reader_ = xmlReaderForIO(&Source::read_callback, &Source::close_callback, source_.get(), nullptr,
                           nullptr, kParseOptions);
  if (reader_ == nullptr) {
    zip_fclose(source_->file);
    throw XlsxError("XLSX の " + part + " を読めません");
  }
}

ZipXmlStream::~ZipXmlStream() {
  xmlFreeTextReader(as_reader(reader_));
  zip_fclose(source_->file);
}

bool ZipXmlStream::next() {
  if (pending_end_) {
    pending_end_ = false;
    event_ = Event::kEnd;
    return true;
  }
  for (;;) {
    const int status = xmlTextReaderRead(as_reader(reader_));
    if (status != 1) {
      if (source_->too_large) throw XlsxError("XLSX の " + part_ + " が大きすぎます");
      if (source_->broken) {
        throw XlsxError("XLSX の " + part_ + " を読めません（ファイルが壊れています）");
      }
      if (status < 0) throw XlsxError("XLSX の " + part_ + " が XML として読めません");
      return false;
    }
    switch (xmlTextReaderNodeType(as_reader(reader_))) {
      case XML_READER_TYPE_ELEMENT:
        event_ = Event::kStart;
        pending_end_ = xmlTextReaderIsEmptyElement(as_reader(reader_)) == 1;
        return true;
      case XML_READER_TYPE_END_ELEMENT:
        event_ = Event::kEnd;
        return true;
      case XML_READER_TYPE_TEXT:
      case XML_READER_TYPE_CDATA:
      case XML_READER_TYPE_WHITESPACE:
      case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
        event_ = Event::kText;
        return true;
      default:
        continue;  // comments, processing instructions, the declaration
    }
  }
}

std::string_view ZipXmlStream::local_name() const {
  const xmlChar* name = xmlTextReaderConstLocalName(as_reader(reader_));
  return name == nullptr ? std::string_view() : reinterpret_cast<const char*>(name);
}

std::string ZipXmlStream::attribute(const char* name) const {
  xmlChar* value = xmlTextReaderGetAttribute(as_reader(reader_), BAD_CAST name);
  if (value == nullptr) return {};
  std::string out(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return out;
}

std::string ZipXmlStream::attribute_ending_with(std::string_view suffix) const {
  xmlTextReaderPtr reader = as_reader(reader_);
  std::string out;
  if (xmlTextReaderMoveToFirstAttribute(reader) != 1) return out;
  do {
    const std::string_view name = reinterpret_cast<const char*>(xmlTextReaderConstName(reader));
    if (name.ends_with(suffix)) {
      out = reinterpret_cast<const char*>(xmlTextReaderConstValue(reader));
      break;
    }
  } while (xmlTextReaderMoveToNextAttribute(reader) == 1);
  xmlTextReaderMoveToElement(reader);
  return out;
}

std::string_view ZipXmlStream::text() const {
  const xmlChar* value = xmlTextReaderConstValue(as_reader(reader_));
  return value == nullptr ? std::string_view() : reinterpret_cast<const char*>(value);
}

}  // namespace medbcp::io
