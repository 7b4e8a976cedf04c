#include "doc/table_widths.h"

#include <algorithm>
#include <numeric>

namespace medbcp::doc {

std::vector<double> column_widths(const std::vector<double>& weights,
                                  const std::vector<double>& minimums, double available) {
  const std::size_t n = weights.size();
  std::vector<bool> at_minimum(n, false);
  double room = available, weight = 0;  // what the columns not at their minimum share
  auto share_out = [&] {
    room = available;
    weight = 0;
    for (std::size_t i = 0; i < n; ++i) {
      if (at_minimum[i]) {
        room -= minimums[i];
      } else {
        weight += weights[i];
      }
    }
  };
  // Each pass moves at least one column to its minimum, so n passes end it.
  for (std::size_t pass = 0; pass < n; ++pass) {
    share_out();
    bool changed = false;
    for (std::size_t i = 0; i < n && weight > 0; ++i) {
      if (!at_minimum[i] && room * weights[i] / weight < minimums[i]) {
        at_minimum[i] = true;
        changed = true;
      }
    }
    if (!changed) break;
  }
  share_out();
  std::vector<double> widths(n);
  if (room < 0 || weight <= 0) {
    // Every column at its minimum and still too wide (or exactly full):
    // shrink them all alike.
    const double sum = std::accumulate(minimums.begin(), minimums.end(), 0.0);
    for (std::size_t i = 0; i < n; ++i) {
      widths[i] = sum > 0 ? minimums[i] * available / sum : available / static_cast<double>(n);
    }
    return widths;
  }
  for (std::size_t i = 0; i < n; ++i) {
    widths[i] = at_minimum[i] ? minimums[i] : room * weights[i] / weight;
  }
  return widths;
}

std::vector<double> column_widths(const std::vector<double>& weights,
                                  const std::vector<double>& hard, const std::vector<double>& soft,
                                  double available) {
  std::vector<double> preferred(hard);
  for (std::size_t i = 0; i < preferred.size(); ++i) preferred[i] = std::max(hard[i], soft[i]);
  std::vector<double> widths = column_widths(weights, preferred, available);
  const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
  for (std::size_t i = 0; i < widths.size() && total > 0; ++i) {
    if (widths[i] < 0.7 * available * weights[i] / total) {
      return column_widths(weights, hard, available);
    }
  }
  return widths;
}

std::vector<std::string_view> unbreakable_runs(std::string_view text) {
  std::vector<std::string_view> runs;
  std::size_t start = std::string_view::npos;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const bool inside = i < text.size() && text[i] > ' ' && text[i] < 0x7f;
    if (inside && start == std::string_view::npos) start = i;
    if (!inside && start != std::string_view::npos) {
      runs.push_back(text.substr(start, i - start));
      start = std::string_view::npos;
    }
  }
  return runs;
}

double estimated_width_em(std::string_view text) {
  double em = 0;
  for (unsigned char c : text) {
    if (c < 0x80) {
      em += 0.62;
    } else if ((c & 0xC0) != 0x80) {
      em += 1.0;  // the lead byte of a character beyond ASCII
    }
  }
  return em;
}

bool is_short_label(std::string_view text) {
  int characters = 0;
  for (unsigned char c : text) {
    if (c == ' ') return false;
    if ((c & 0xC0) != 0x80 && ++characters > 10) return false;  // count lead bytes only
  }
  return characters > 0;
}

}  // namespace medbcp::doc
