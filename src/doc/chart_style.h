// The colours of 別紙１, shared by the SVG and the Cairo drawing so the
// printed PDF and the HTML page look alike.
#pragma once

namespace medbcp::doc::chart_style {

struct Rgb {
  double r, g, b;
  const char* hex;
};

inline constexpr Rgb kInk{0.13, 0.16, 0.20, "#21293a"};          // body text
inline constexpr Rgb kNavy{0.122, 0.227, 0.373, "#1f3a5f"};      // officer, internal frames
inline constexpr Rgb kNavyTint{0.890, 0.918, 0.953, "#e3eaf3"};  // internal title band
inline constexpr Rgb kTeal{0.184, 0.435, 0.416, "#2f6f6a"};      // external groups
inline constexpr Rgb kTealTint{0.886, 0.941, 0.933, "#e2f0ee"};  // external title band
inline constexpr Rgb kLineGrey{0.357, 0.420, 0.498, "#5b6b7f"};  // connectors
inline constexpr Rgb kAlert{0.702, 0.149, 0.118, "#b3261e"};     // must-notify frame
inline constexpr Rgb kWhite{1, 1, 1, "#ffffff"};

}  // namespace medbcp::doc::chart_style
