// The template's own defaults: what 「小規模医療機関向けＢＣＰのひな形」 fills in
// before a clinic has written anything (systems ①〜⑤ and ⑥〇〇, threats ①〜④,
// the example 代替運用 and バックアップ rows), with its placeholders left open.
#pragma once

#include <string>

#include "core/plan.h"

namespace medbcp::core {

Plan template_plan(const std::string& facility_name);

}  // namespace medbcp::core
