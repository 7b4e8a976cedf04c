// The current picture of an incident, folded from its timeline: which steps
// are done, who was called, what was decided, where each piece of evidence
// is and who holds it, whether it is closed. The timeline stays the only
// record; this is recomputed whenever it is needed.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/incident_record.h"
#include "core/timeline.h"

namespace medbcp::core {

// A record with the entry that carries it.
template <class T>
struct Recorded {
  T value;
  std::string entry_id;
  std::int64_t seq = 0;
  Instant occurred_at;
  std::string author;
  std::string note;        // the entry's text
  bool withdrawn = false;  // a later correction withdrew it
  bool corrected = false;  // a later correction replaced its content
};

struct EvidenceRecord {
  Recorded<EvidenceItem> item;
  std::vector<Recorded<CustodyTransfer>> custody;  // in timeline order
  std::string current_holder() const;
  std::string current_location() const;
};

struct IncidentState {
  std::optional<Recorded<IncidentOpening>> opening;
  std::map<std::string, Recorded<StepMark>, std::less<>> steps;  // latest mark per step id
  std::vector<Recorded<ContactCall>> contacts;
  std::vector<Recorded<Decision>> decisions;
  std::vector<EvidenceRecord> evidence;
  std::optional<Recorded<Closure>> closure;  // the latest close
  bool closed = false;
  // corrected entry id -> ids of the entries correcting it
  std::map<std::string, std::vector<std::string>> corrections;
  // Structured entries whose payload could not be read (still shown as text).
  std::vector<std::string> unreadable;

  StepState step_state(std::string_view step_id) const;
  const Recorded<StepMark>* step(std::string_view step_id) const;
  // The latest decision of a kind that is not withdrawn (for a system, if given).
  const Recorded<Decision>* latest_decision(DecisionKind kind,
                                            std::optional<SystemId> system = std::nullopt) const;
  const EvidenceRecord* find_evidence(std::string_view evidence_id) const;
};

IncidentState fold_timeline(const std::vector<TimelineEntry>& entries);

// The ids of the entries a later correction withdrew: what the folds that
// read entries of their own (a drill's progress, report answers, notices,
// costs) leave out, as fold_timeline does.
std::set<std::string> withdrawn_entry_ids(const std::vector<TimelineEntry>& entries);

// Whether an incident must reach this contact: the plan says so for every
// incident (notify_on_incident), or personal data may have leaked and it is
// the 個人情報保護委員会 (its reports fall due).
bool must_reach(const ExternalContact& contact, bool leak_suspected);

// Contacts of 別紙１ an incident must reach (must_reach) that no call has
// reached yet.
std::vector<const ExternalContact*> contacts_still_to_reach(const Plan& plan,
                                                            const IncidentState& state,
                                                            bool leak_suspected);
// Whether a call reached this external contact (and when, first).
std::optional<Instant> first_reached(const IncidentState& state, ExternalContactId contact);

}  // namespace medbcp::core
