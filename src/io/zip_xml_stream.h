// Reads one XML part of a zip archive (an .xlsx) as a stream of elements and
// text, pulled a few kilobytes at a time, so that a large or hostile part
// costs memory for what the caller keeps and not for a tree of every node.
// (A sheet of 60 MiB of empty rows built a 1 GB tree with a DOM parser.)
//
// libxml2's reader does the XML; it is asked never to load a DTD, reach the
// network or expand entities, so a part cannot pull in anything else.
#pragma once

#include <zip.h>

#include <memory>
#include <string>
#include <string_view>

namespace medbcp::io {

class ZipXmlStream {
 public:
  enum class Event { kStart, kEnd, kText };

  // Opens `part` inside `archive`; throws XlsxError when it is missing.
  // `max_bytes` bounds the part's uncompressed size, counted as it is read.
  ZipXmlStream(zip_t* archive, const std::string& part, std::uint64_t max_bytes);
  ~ZipXmlStream();
  ZipXmlStream(const ZipXmlStream&) = delete;
  ZipXmlStream& operator=(const ZipXmlStream&) = delete;

  // Moves to the next element start, element end or text; false at the end
  // of the part. An empty element (<c/>) gives kStart then kEnd. Throws
  // XlsxError when the part is not well-formed XML or is too large.
  bool next();

  Event event() const { return event_; }
  // The element's name without its namespace prefix (x:row -> row).
  std::string_view local_name() const;
  bool is_start(std::string_view local) const {
    return event_ == Event::kStart && local_name() == local;
  }
  bool is_end(std::string_view local) const {
    return event_ == Event::kEnd && local_name() == local;
  }
  // An attribute of the current start element by its qualified name, or ""
  // (absent and empty are the same to every caller).
  std::string attribute(const char* name) const;
  // The value of the first attribute whose qualified name ends with `suffix`
  // (r:id, whatever the prefix), or "".
  std::string attribute_ending_with(std::string_view suffix) const;
  // The text of a kText event.
  std::string_view text() const;

 private:
  struct Source;
  std::unique_ptr<Source> source_;
  void* reader_ = nullptr;  // xmlTextReaderPtr, kept out of the header
  std::string part_;
  Event event_ = Event::kText;
  bool pending_end_ = false;  // the kEnd owed after an empty element's kStart
};

}  // namespace medbcp::io
