#include "app/render.h"

#include <fstream>
#include <sstream>

#include "app/audit.h"
#include "app/plan_service.h"
#include "app/publish.h"
#include "doc/docx_renderer.h"
#include "doc/html_renderer.h"
#include "doc/pdf_renderer.h"
#include "doc/plan_document.h"
#include "doc/template_parser.h"
#include "doc/xlsx_renderer.h"

namespace medbcp::app {
namespace {

std::string template_text(const RenderOptions& options) {
  if (options.template_path.empty()) return std::string(doc::default_template_text());
  std::ifstream in(options.template_path, std::ios::binary);
  if (!in) throw std::runtime_error("ひな形ファイルを開けません: " + options.template_path);
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw std::runtime_error("ひな形ファイルを読めません: " + options.template_path);
  return text.str();
}

std::string summary(const core::Problems& problems) {
  std::string s = "ひな形に誤りがあります（" + std::to_string(problems.size()) + " 件）";
  if (!problems.empty()) s += ": " + problems.front().message;
  return s;
}

}  // namespace

std::optional<Format> format_from_name(std::string_view name) {
  if (name == "pdf") return Format::Pdf;
  if (name == "html") return Format::Html;
  if (name == "docx") return Format::Docx;
  if (name == "xlsx") return Format::Xlsx;
  return std::nullopt;
}

const char* format_name(Format format) {
  switch (format) {
    case Format::Pdf:
      return "pdf";
    case Format::Html:
      return "html";
    case Format::Docx:
      return "docx";
    case Format::Xlsx:
      return "xlsx";
  }
  return "pdf";
}

const char* file_extension(Format format) {
  switch (format) {
    case Format::Pdf:
      return ".pdf";
    case Format::Html:
      return ".html";
    case Format::Docx:
      return ".docx";
    case Format::Xlsx:
      return ".xlsx";
  }
  return ".pdf";
}

const char* mime_type(Format format) {
  switch (format) {
    case Format::Pdf:
      return "application/pdf";
    case Format::Html:
      return "text/html; charset=utf-8";
    case Format::Docx:
      return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    case Format::Xlsx:
      return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  }
  return "application/octet-stream";
}

TemplateInvalid::TemplateInvalid(core::Problems p)
    : std::runtime_error(summary(p)), problems(std::move(p)) {}

core::Problems check_template(const RenderOptions& options) {
  return doc::parse_template(template_text(options)).problems;
}

std::string render_plan(const core::Plan& plan, Format format, const RenderOptions& options,
                        const std::vector<doc::PlanRevision>& revisions) {
  doc::TemplateParse parsed = doc::parse_template(template_text(options));
  if (!parsed.ok()) throw TemplateInvalid(std::move(parsed.problems));
  doc::Document document = doc::build_plan_document(plan, parsed.tmpl, revisions);
  switch (format) {
    case Format::Pdf:
      return doc::render_pdf(document);
    case Format::Html:
      return doc::render_html(document);
    case Format::Docx:
      return doc::render_docx(document);
    case Format::Xlsx:
      return doc::render_xlsx(document);
  }
  return {};
}

std::string render_stored_plan(Workspace& ws, const Actor& actor, Format format,
                               const RenderOptions& options) {
  require(actor, Permission::Export);
  std::string bytes = render_plan(load_plan(ws), format, options, plan_revisions(ws));
  audit_export(ws, actor, std::string("計画書（") + format_name(format) + "）",
               options.template_path.empty() ? "" : "ひな形 " + options.template_path);
  return bytes;
}

}  // namespace medbcp::app
