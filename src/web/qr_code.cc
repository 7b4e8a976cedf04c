#include "web/qr_code.h"

#include <qrencode.h>

#include <memory>
#include <stdexcept>
#include <string>

namespace medbcp::web {

void qr_code_svg(Html& h, std::string_view text, std::string_view label) {
  const std::string data(text);
  std::unique_ptr<QRcode, void (*)(QRcode*)> code(
      QRcode_encodeString(data.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), QRcode_free);
  if (!code) throw std::runtime_error("QR コードを作れませんでした");
  constexpr int kQuiet = 4;
  const int width = code->width;
  // One path of unit squares, one per dark module, row by row; runs of dark
  // modules in a row are one rectangle.
  std::string path;
  for (int y = 0; y < width; ++y) {
    for (int x = 0; x < width;) {
      if ((code->data[y * width + x] & 1) == 0) {
        ++x;
        continue;
      }
      int run = 1;
      while (x + run < width && (code->data[y * width + x + run] & 1) != 0) ++run;
      path.append("M")
          .append(std::to_string(x + kQuiet))
          .append(" ")
          .append(std::to_string(y + kQuiet))
          .append("h")
          .append(std::to_string(run))
          .append("v1h-")
          .append(std::to_string(run))
          .append("z");
      x += run;
    }
  }
  const std::string size = std::to_string(width + 2 * kQuiet);
  h.open("svg", {{"class", "qr-code"},
                 {"xmlns", "http://www.w3.org/2000/svg"},
                 {"viewBox", "0 0 " + size + " " + size},
                 {"role", "img"},
                 {"aria-label", std::string(label)},
                 {"shape-rendering", "crispEdges"}});
  h.self_closing("rect", {{"width", size}, {"height", size}, {"fill", "#fff"}});
  h.self_closing("path", {{"d", path}, {"fill", "#000"}});
  h.close("svg");
}

}  // namespace medbcp::web
