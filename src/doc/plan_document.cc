#include "doc/plan_document.h"

#include "core/numbering.h"
#include "core/readiness.h"
#include "doc/plan_contact_chart.h"
#include "doc/plan_tables.h"
#include "doc/plan_values.h"

namespace medbcp::doc {
namespace {

using Kind = TemplateBlock::Kind;

Text resolve(const core::Plan& plan, const TemplateText& text) {
  Text out;
  for (const TemplatePiece& p : text) {
    switch (p.kind) {
      case TemplatePiece::Kind::Literal:
        append(out, p.text);
        break;
      case TemplatePiece::Kind::Field:
        append(out, plan_field(plan, p.text));
        break;
      case TemplatePiece::Kind::Blank:
        append(out, blank(p.width));
        break;
    }
  }
  return out;
}

std::vector<std::string> column_keys(const TemplateBlock& b) {
  std::vector<std::string> keys;
  auto it = b.args.find("columns");
  if (it == b.args.end()) return keys;
  std::string word;
  for (char c : it->second + " ") {
    if (c == ' ' || c == ',') {
      if (!word.empty()) keys.push_back(word);
      word.clear();
    } else {
      word += c;
    }
  }
  return keys;
}

std::string arg(const TemplateBlock& b, const std::string& key) {
  auto it = b.args.find(key);
  return it == b.args.end() ? std::string() : it->second;
}

void add_cover(const core::Plan& plan, Document& doc) {
  const core::Facility& f = plan.facility;
  doc.cover_facts.push_back({"所在地", value_or_blank(f.address, 14)});
  doc.cover_facts.push_back({"版数", plain(doc.edition)});
  doc.cover_facts.push_back({"施行日", doc.effective_date});
  doc.cover_facts.push_back({"最終見直し日", wareki_or_blank(f.last_reviewed)});
  doc.cover_facts.push_back({"文書の管理", plan_field(plan, "facility.document_department")});
  Text officer = plan_field(plan, "officer.name");
  if (!core::is_placeholder(plan.officer.title)) append(officer, "（" + plan.officer.title + "）");
  doc.cover_facts.push_back({"医療情報システム安全管理責任者", officer});
}

}  // namespace

Document build_plan_document(const core::Plan& plan, const Template& tmpl,
                             const std::vector<PlanRevision>& revisions) {
  Document doc;
  auto meta = [&](const char* key, const char* fallback) {
    auto it = tmpl.meta.find(key);
    return it == tmpl.meta.end() ? std::string(fallback) : it->second;
  };
  doc.title = meta("title", "事業継続計画（ＢＣＰ）");
  doc.subtitle = meta("subtitle", "");
  doc.source_note = meta("source", "");
  doc.facility_name = plan_field(plan, "facility.name");
  doc.edition =
      "第" + core::full_width_number(plan.facility.edition > 0 ? plan.facility.edition : 1) + "版";
  doc.effective_date = wareki_or_blank(plan.facility.effective_date);
  add_cover(plan, doc);

  int section = 0, item = 0, anchors = 0;
  for (const TemplateBlock& b : tmpl.blocks) {
    switch (b.kind) {
      case Kind::Heading: {
        Heading h;
        h.level = b.level;
        h.title = to_plain(resolve(plan, b.text));
        if (b.level == 1) {
          section = item = 0;
        } else if (b.level == 2) {
          h.number = core::full_width_number(++section);
          item = 0;
        } else {
          h.number = core::paren_number(++item);
        }
        h.anchor = "sec" + std::to_string(++anchors);
        doc.blocks.push_back(std::move(h));
        break;
      }
      case Kind::Paragraph: {
        Paragraph p;
        p.text = resolve(plan, b.text);
        const std::string first = p.text.empty() ? std::string() : p.text.front().text;
        if (first.starts_with("【") || first.starts_with("※")) p.style = Paragraph::Style::Remark;
        doc.blocks.push_back(std::move(p));
        break;
      }
      case Kind::Note:
        doc.blocks.push_back(Paragraph{Paragraph::Style::Note, resolve(plan, b.text)});
        break;
      case Kind::CircledList:
      case Kind::ParenList:
      case Kind::BulletList: {
        List list;
        list.marker = b.kind == Kind::BulletList  ? List::Marker::Bullet
                      : b.kind == Kind::ParenList ? List::Marker::Paren
                                                  : List::Marker::Circled;
        for (const TemplateText& t : b.items) list.items.push_back(resolve(plan, t));
        doc.blocks.push_back(std::move(list));
        break;
      }
      case Kind::Directive:
        if (b.directive == "list") {
          doc.blocks.push_back(plan_list(plan, b.subject));
        } else if (b.directive == "chart") {
          doc.blocks.push_back(Figure{arg(b, "caption"), plan_contact_chart(plan)});
        } else if (const TableInfo* info = find_plan_table(b.subject);
                   info && b.subject == "revisions") {
          doc.blocks.push_back(revision_table(revisions, *info, column_keys(b), arg(b, "caption")));
        } else if (info) {
          doc.blocks.push_back(plan_table(plan, *info, column_keys(b), arg(b, "caption")));
        }
        break;
      case Kind::PageBreak:
        doc.blocks.push_back(PageBreak{b.landscape ? PageBreak::Orientation::Landscape
                                                   : PageBreak::Orientation::Portrait});
        break;
    }
  }
  return doc;
}

}  // namespace medbcp::doc
