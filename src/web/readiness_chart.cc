#include "web/readiness_chart.h"

#include "web/plan_sections.h"

namespace medbcp::web {
namespace {

constexpr int kWidth = 640;
constexpr int kLabelWidth = 230;
constexpr int kBarWidth = 330;
constexpr int kRow = 30;
constexpr int kBarHeight = 16;
// A phone's drawing: about its screen's width, so 14 units read as 14 px.
constexpr int kNarrowWidth = 340;
constexpr int kNarrowRow = 48;

const char* level(int percent) {
  if (percent >= 100) return "bar bar--ok";
  if (percent >= 60) return "bar bar--warn";
  return "bar bar--bad";
}

// Two drawings of one figure: a desktop's, each label beside its bar, and a
// phone's, each label above its bar. One SVG scaled to a phone's width drew
// its labels 6 px tall; CSS shows the one that fits (print, the desktop's).
enum class Layout { Wide, Narrow };

void chart(Html& h, const std::vector<SectionReadiness>& sections, const std::string& summary,
           Layout layout) {
  const bool wide = layout == Layout::Wide;
  const int width = wide ? kWidth : kNarrowWidth;
  const int row = wide ? kRow : kNarrowRow;
  const int label_x = wide ? kLabelWidth - 10 : 0;
  const int bar_x = wide ? kLabelWidth : 0;
  const int bar_width = wide ? kBarWidth : kNarrowWidth;
  const int bar_dy = wide ? 5 : 22;
  const int height = static_cast<int>(sections.size()) * row + 8;
  const std::string id = wide ? "readiness-chart-title" : "readiness-chart-narrow-title";
  h.open("svg", {{"xmlns", "http://www.w3.org/2000/svg"},
                 {"class", wide ? "readiness-chart readiness-chart--wide"
                                : "readiness-chart readiness-chart--narrow"},
                 {"viewBox", "0 0 " + std::to_string(width) + " " + std::to_string(height)},
                 // Not role="img": each bar is a link, and an image cannot hold links.
                 // The <title> names the figure; the section's heading introduces it.
                 {"role", "group"}});
  h.el("title", {{"id", id}}, summary);
  int y = 4;
  for (const auto& s : sections) {
    const int percent = s.percent();
    const int bar = bar_width * percent / 100;
    h.open("a", {{"href", section_url(core::code(s.section))}});
    h.el("text",
         {{"x", std::to_string(label_x)},
          {"y", std::to_string(y + 17)},
          {"class", "chart-label"},
          {"text-anchor", wide ? "end" : "start"}},
         core::label(s.section));
    h.self_closing("rect", {{"x", std::to_string(bar_x)},
                            {"y", std::to_string(y + bar_dy)},
                            {"width", std::to_string(bar_width)},
                            {"height", std::to_string(kBarHeight)},
                            {"rx", "3"},
                            {"class", "bar-track"}});
    if (bar > 0) {
      h.self_closing("rect", {{"x", std::to_string(bar_x)},
                              {"y", std::to_string(y + bar_dy)},
                              {"width", std::to_string(bar)},
                              {"height", std::to_string(kBarHeight)},
                              {"rx", "3"},
                              {"class", level(percent)}});
    }
    std::vector<Attr> value = {{"x", std::to_string(wide ? kLabelWidth + kBarWidth + 10 : width)},
                               {"y", std::to_string(y + 17)},
                               {"class", "chart-value"}};
    if (!wide) value.push_back({"text-anchor", "end"});
    h.open("text", value)
        .text(std::to_string(percent) + "%" +
              (s.gaps > 0 ? "（不足" + std::to_string(s.gaps) + "）" : ""))
        .close("text");
    h.close("a");
    y += row;
  }
  h.close("svg");
}

}  // namespace

void readiness_chart(Html& h, const std::vector<SectionReadiness>& sections) {
  std::string summary = "節ごとの充足率：";
  for (std::size_t i = 0; i < sections.size(); ++i) {
    summary += (i > 0 ? "、" : "") + std::string(core::label(sections[i].section)) + " " +
               std::to_string(sections[i].percent()) + "%";
  }
  chart(h, sections, summary, Layout::Wide);
  chart(h, sections, summary, Layout::Narrow);
}

}  // namespace medbcp::web
