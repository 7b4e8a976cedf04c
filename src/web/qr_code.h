// A QR code as inline SVG (libqrencode), so the set-up page of two-factor
// sign-in shows the otpauth:// URI to a phone's camera without a script or
// an image request, and prints crisp.
#pragma once

#include <string_view>

#include "web/html.h"

namespace medbcp::web {

// Writes <svg role="img" aria-label="label"> holding `text` as a QR code
// (error correction M, four modules of quiet zone). Throws
// std::runtime_error when the text is too long for a QR code.
void qr_code_svg(Html& h, std::string_view text, std::string_view label);

}  // namespace medbcp::web
