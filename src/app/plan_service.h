// Use cases on the plan itself: create it from the template, read it, change
// a section, check readiness, export and import it whole. Each is one
// transaction and checks the actor's permission; web and CLI call these and
// never the store directly.
#pragma once

#include <functional>
#include <optional>
#include <stdexcept>
#include <string>

#include "app/actor.h"
#include "app/workspace.h"
#include "core/plan.h"
#include "core/problem.h"
#include "core/readiness.h"

namespace medbcp::app {

// The database has no plan yet (run `medbcp init`).
class NoPlan : public std::runtime_error {
 public:
  NoPlan();
};

// A plan exists already and --force was not given.
class PlanExists : public std::runtime_error {
 public:
  PlanExists();
};

void init_plan(Workspace& ws, const Actor& actor, const std::string& facility_name, bool force);
// Creates the fictional demo clinic when the database has no plan; returns
// whether it did. With `now`, the clinic is a well-kept one as of then: its
// dates relative to it (core::demo_plan(today)), and every backup plan with
// a successful run hours ago and a restore test six weeks ago, so that what
// it shows as due is what the demonstration is about (a system without an
// offline copy, a device past support, the kits to make). Without, the
// fixed dates tests compare against.
bool ensure_demo_plan(Workspace& ws, const Actor& actor,
                      std::optional<core::Instant> now = std::nullopt);

bool has_plan(Workspace& ws);
// Throws NoPlan when there is none.
core::Plan load_plan(Workspace& ws);
// SHA-256 of the plan's JSON export: any edit changes it, an edit undone
// does not (how the kits know whether they still carry the plan).
std::string plan_fingerprint(Workspace& ws);
std::string plan_fingerprint(const core::Plan& plan);

// Applies `edit` to the stored plan, gives new records ids, validates the
// result and saves it with a history entry for each section that changed —
// all in one transaction. Returns the problems and changes nothing when any
// is found.
core::Problems update_plan(Workspace& ws, const Actor& actor,
                           const std::function<void(core::Plan&)>& edit);
// The same, for an edit that may find nothing to save (a form with errors,
// a record gone): when `edit` returns false nothing is written and no
// problems are returned.
core::Problems update_plan_if(Workspace& ws, const Actor& actor,
                              const std::function<bool(core::Plan&)>& edit);

std::vector<core::Gap> check_plan(Workspace& ws);

// The whole plan as one versioned JSON document (io/plan_json).
std::string export_plan_json(Workspace& ws, const Actor& actor);
// Replaces the stored plan with the document's, or returns every problem
// (field = JSON path) and changes nothing.
core::Problems import_plan_json(Workspace& ws, const Actor& actor, const std::string& json);

// Gives every record without an id one above the list's current maximum.
void assign_missing_ids(core::Plan& plan);

}  // namespace medbcp::app
