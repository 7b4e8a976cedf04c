// Use case: the plan as a document a clinic prints, signs and keeps — PDF,
// HTML, DOCX or XLSX — filled into the built-in template (templates/bcp-ja.md,
// compiled into the binary) or into a medical association's own template file.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "app/actor.h"
#include "app/workspace.h"
#include "core/plan.h"
#include "core/problem.h"
#include "doc/plan_tables.h"

namespace medbcp::app {

enum class Format { Pdf, Html, Docx, Xlsx };

std::optional<Format> format_from_name(std::string_view name);  // "pdf", "html", "docx", "xlsx"
const char* format_name(Format format);                         // "pdf" …
const char* file_extension(Format format);                      // ".pdf" …
const char* mime_type(Format format);

struct RenderOptions {
  // A template file in the language of templates/bcp-ja.md; empty = built in.
  std::string template_path;
};

// The template file has mistakes: every one of them, with its line number
// and a Japanese message (field "template", row = line).
class TemplateInvalid : public std::runtime_error {
 public:
  explicit TemplateInvalid(core::Problems problems);
  core::Problems problems;
};

// Checks a template (the file of `options`, or the built-in one) without
// rendering anything: the problems, or none. Throws std::runtime_error
// when the file cannot be read.
core::Problems check_template(const RenderOptions& options);

// The document's bytes. Throws TemplateInvalid for a faulty template and
// std::runtime_error when the template file cannot be read.
// `revisions` fill the 改定履歴 (app/publish.h plan_revisions).
std::string render_plan(const core::Plan& plan, Format format, const RenderOptions& options,
                        const std::vector<doc::PlanRevision>& revisions = {});

// Loads the stored plan and renders it; needs Permission::Export.
std::string render_stored_plan(Workspace& ws, const Actor& actor, Format format,
                               const RenderOptions& options);

}  // namespace medbcp::app
