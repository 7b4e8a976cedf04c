#include "web/readiness_chart.h"

#include "web/plan_sections.h"

namespace medbcp::web {
namespace {

constexpr int kWidth = 640;
constexpr int kLabelWidth = 230;
constexpr int kBarWidth = 330;
constexpr int kRow = 30;
constexpr int kBarHeight = 16;

const char* level(int percent) {
  if (percent >= 100) return "bar bar--ok";
  if (percent >= 60) return "bar bar--warn";
  return "bar bar--bad";
}

}  // namespace

void readiness_chart(Html& h, const std::vector<SectionReadiness>& sections) {
  const int height = static_cast<int>(sections.size()) * kRow + 8;
  std::string summary = "節ごとの充足率：";
  for (std::size_t i = 0; i < sections.size(); ++i) {
    summary += (i > 0 ? "、" : "") + std::string(core::label(sections[i].section)) + " " +
               std::to_string(sections[i].percent()) + "%";
  }
  h.open("svg", {{"xmlns", "http://www.w3.org/2000/svg"},
                 {"class", "readiness-chart"},
                 {"viewBox", "0 0 " + std::to_string(kWidth) + " " + std::to_string(height)},
                 // Not role="img": each bar is a link, and an image cannot hold links.
                 // The <title> names the figure; the section's heading introduces it.
                 {"role", "group"}});
  h.el("title", {{"id", "readiness-chart-title"}}, summary);
  int y = 4;
  for (const auto& s : sections) {
    const int percent = s.percent();
    const int bar = kBarWidth * percent / 100;
    h.open("a", {{"href", section_url(core::code(s.section))}});
    h.el("text",
         {{"x", std::to_string(kLabelWidth - 10)},
          {"y", std::to_string(y + 17)},
          {"class", "chart-label"},
          {"text-anchor", "end"}},
         core::label(s.section));
    h.self_closing("rect", {{"x", std::to_string(kLabelWidth)},
                            {"y", std::to_string(y + 5)},
                            {"width", std::to_string(kBarWidth)},
                            {"height", std::to_string(kBarHeight)},
                            {"rx", "3"},
                            {"class", "bar-track"}});
    if (bar > 0) {
      h.self_closing("rect", {{"x", std::to_string(kLabelWidth)},
                              {"y", std::to_string(y + 5)},
                              {"width", std::to_string(bar)},
                              {"height", std::to_string(kBarHeight)},
                              {"rx", "3"},
                              {"class", level(percent)}});
    }
    h.el("text",
         {{"x", std::to_string(kLabelWidth + kBarWidth + 10)},
          {"y", std::to_string(y + 17)},
          {"class", "chart-value"}},
         std::to_string(percent) + "%" +
             (s.gaps > 0 ? "（不足" + std::to_string(s.gaps) + "）" : ""));
    h.close("a");
    y += kRow;
  }
  h.close("svg");
}

}  // namespace medbcp::web
