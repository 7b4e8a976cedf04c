// Describes a plan record's form once — each field's label, kind, how it is
// read from the record and written back from typed text — so the list, the
// edit form, validation messages and the history page all use the same
// labels. Factories below cover the field types of core/plan.h.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/plan.h"
#include "core/text.h"
#include "core/time.h"
#include "core/wareki.h"
#include "web/form.h"

namespace medbcp::web {

// Reads a date typed as ISO ("2024-04-01", "2024/4/1") or 和暦 ("令和6年4月1日",
// "R6.4.1"), full-width digits allowed. nullopt when it is neither.
std::optional<core::Date> parse_typed_date(std::string_view typed);
// Reads a whole number 0…max typed with half- or full-width digits.
std::optional<int> parse_typed_count(std::string_view typed, int max);

inline constexpr std::size_t kMaxTextBytes = 4000;
inline const char* kDateHint = "例：2024-04-01 または 令和6年4月1日";

template <class T>
struct FieldDef {
  FieldSpec spec;
  std::function<std::string(const T&)> get;
  // Takes the typed text into the record; returns a message when it cannot.
  std::function<std::optional<std::string>(T&, const std::string&)> set;
  // Options that depend on the plan (systems, contacts), for selects.
  std::function<std::vector<Option>(const core::Plan&, const T&)> options;
  // How the value reads in a table; defaults to get().
  std::function<std::string(const core::Plan&, const T&)> show;
  bool column = false;  // shown in the section's table

  FieldDef& required() {
    spec.required = true;
    return *this;
  }
  FieldDef& hint(std::string text) {
    spec.hint = std::move(text);
    return *this;
  }
  FieldDef& in_table() {
    column = true;
    return *this;
  }
  FieldDef& as(FieldKind kind) {
    spec.kind = kind;
    return *this;
  }
  std::string display(const core::Plan& plan, const T& record) const {
    return show ? show(plan, record) : get(record);
  }
};

namespace fields {

template <class T>
FieldDef<T> text(std::string key, std::string label, std::string T::*member,
                 FieldKind kind = FieldKind::Text) {
  FieldDef<T> f;
  f.spec = FieldSpec(std::move(key), std::move(label), kind);
  f.get = [member](const T& r) { return r.*member; };
  f.set = [member](T& r, const std::string& typed) -> std::optional<std::string> {
    if (typed.size() > kMaxTextBytes) return "長すぎます。短くしてください。";
    r.*member = core::trim(typed);
    return std::nullopt;
  };
  return f;
}

template <class T>
FieldDef<T> date(std::string key, std::string label, std::optional<core::Date> T::*member) {
  FieldDef<T> f;
  f.spec = FieldSpec(std::move(key), std::move(label), FieldKind::Date, false, kDateHint);
  f.get = [member](const T& r) { return r.*member ? (r.*member)->iso() : std::string(); };
  f.set = [member](T& r, const std::string& typed) -> std::optional<std::string> {
    if (core::trim(typed).empty()) {
      r.*member = std::nullopt;
      return std::nullopt;
    }
    auto d = parse_typed_date(typed);
    if (!d) return "日付は「2024-04-01」または「令和6年4月1日」の形で入力してください。";
    r.*member = *d;
    return std::nullopt;
  };
  return f;
}

template <class T>
FieldDef<T> count(std::string key, std::string label, int T::*member, int max) {
  FieldDef<T> f;
  f.spec = FieldSpec(std::move(key), std::move(label), FieldKind::Number);
  f.get = [member](const T& r) { return std::to_string(r.*member); };
  f.set = [member, max](T& r, const std::string& typed) -> std::optional<std::string> {
    if (core::trim(typed).empty()) {
      r.*member = 0;
      return std::nullopt;
    }
    auto n = parse_typed_count(typed, max);
    if (!n) return "0から" + std::to_string(max) + "までの整数を入力してください。";
    r.*member = *n;
    return std::nullopt;
  };
  return f;
}

template <class T>
FieldDef<T> check(std::string key, std::string label, bool T::*member) {
  FieldDef<T> f;
  f.spec = FieldSpec(std::move(key), std::move(label), FieldKind::Checkbox);
  f.get = [member](const T& r) { return r.*member ? std::string("1") : std::string(); };
  f.set = [member](T& r, const std::string& typed) -> std::optional<std::string> {
    r.*member = !typed.empty();
    return std::nullopt;
  };
  f.show = [member](const core::Plan&, const T& r) {
    return r.*member ? std::string("はい") : std::string("いいえ");
  };
  return f;
}

// An enum chosen from its Japanese labels; the form carries its stable code.
template <class T, class E>
FieldDef<T> choice(std::string key, std::string label, E T::*member, std::vector<E> values) {
  FieldDef<T> f;
  f.spec = FieldSpec(std::move(key), std::move(label), FieldKind::Select);
  for (E v : values) f.spec.options.push_back({core::code(v), core::label(v)});
  f.get = [member](const T& r) { return std::string(core::code(r.*member)); };
  f.set = [member, values](T& r, const std::string& typed) -> std::optional<std::string> {
    for (E v : values) {
      if (typed == core::code(v)) {
        r.*member = v;
        return std::nullopt;
      }
    }
    return "一覧から選んでください。";
  };
  f.show = [member](const core::Plan&, const T& r) { return std::string(core::label(r.*member)); };
  return f;
}

// A reference to another record of the plan, or none.
template <class T, class IdT>
FieldDef<T> reference(std::string key, std::string label, std::optional<IdT> T::*member,
                      std::function<std::vector<Option>(const core::Plan&, const T&)> options,
                      std::function<std::string(const core::Plan&, IdT)> name_of) {
  FieldDef<T> f;
  f.spec = FieldSpec(std::move(key), std::move(label), FieldKind::Select);
  f.options = std::move(options);
  f.get = [member](const T& r) {
    return r.*member ? std::to_string((r.*member)->value) : std::string();
  };
  f.set = [member](T& r, const std::string& typed) -> std::optional<std::string> {
    if (typed.empty()) {
      r.*member = std::nullopt;
      return std::nullopt;
    }
    auto n = parse_typed_count(typed, 2'000'000'000);
    if (!n || *n <= 0) return "一覧から選んでください。";
    r.*member = IdT(*n);
    return std::nullopt;
  };
  f.show = [member, name_of](const core::Plan& plan, const T& r) {
    return r.*member ? name_of(plan, *(r.*member)) : std::string();
  };
  return f;
}

}  // namespace fields

}  // namespace medbcp::web
