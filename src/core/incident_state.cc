#include "core/incident_state.h"

#include "core/incident_payload.h"

namespace medbcp::core {
namespace {

template <class T>
Recorded<T> recorded(T value, const TimelineEntry& e) {
  return Recorded<T>{std::move(value), e.id, e.seq, e.occurred_at, e.author, e.text, false, false};
}

// A correction replaces the payload of the entry it corrects; the latest wins.
struct PendingCorrection {
  bool withdraw = false;
  std::optional<std::string> replacement;
};

StepMark implied_step(DecisionKind kind) {
  switch (kind) {
    case DecisionKind::SystemRecovery:
      return StepMark{std::string(kStepSystemRecovery), StepState::Done, "", ""};
    case DecisionKind::DataRecovery:
      return StepMark{std::string(kStepDataRecovery), StepState::Done, "", ""};
    case DecisionKind::Care:
      return StepMark{std::string(kStepCareDecision), StepState::Done, "", ""};
    case DecisionKind::ReportGrounds:
      break;
  }
  return StepMark{};
}

}  // namespace

std::string EvidenceRecord::current_holder() const {
  for (auto it = custody.rbegin(); it != custody.rend(); ++it) {
    if (!it->withdrawn) return it->value.to;
  }
  return item.value.holder;
}

std::string EvidenceRecord::current_location() const {
  for (auto it = custody.rbegin(); it != custody.rend(); ++it) {
    if (!it->withdrawn && !it->value.location.empty()) return it->value.location;
  }
  return item.value.location;
}

StepState IncidentState::step_state(std::string_view step_id) const {
  const auto* s = step(step_id);
  return s ? s->value.state : StepState::Pending;
}

const Recorded<StepMark>* IncidentState::step(std::string_view step_id) const {
  auto it = steps.find(step_id);
  return it == steps.end() ? nullptr : &it->second;
}

const Recorded<Decision>* IncidentState::latest_decision(DecisionKind kind,
                                                         std::optional<SystemId> system) const {
  for (auto it = decisions.rbegin(); it != decisions.rend(); ++it) {
    if (it->withdrawn || it->value.kind != kind) continue;
    if (system && it->value.system != system) continue;
    return &*it;
  }
  return nullptr;
}

const EvidenceRecord* IncidentState::find_evidence(std::string_view evidence_id) const {
  for (const auto& e : evidence) {
    if (e.item.value.evidence_id == evidence_id) return &e;
  }
  return nullptr;
}

IncidentState fold_timeline(const std::vector<TimelineEntry>& entries) {
  IncidentState state;
  std::map<std::string, PendingCorrection> pending;
  for (const auto& e : entries) {
    if (e.kind != EntryKind::Correction || e.corrects.empty()) continue;
    state.corrections[e.corrects].push_back(e.id);
    if (auto c = read_correction(e.payload)) {
      auto& p = pending[e.corrects];
      if (c->withdraw) p.withdraw = true;
      if (c->replacement_payload) p.replacement = c->replacement_payload;
    }
  }

  for (const auto& e : entries) {
    const PendingCorrection* correction = nullptr;
    if (auto it = pending.find(e.id); it != pending.end()) correction = &it->second;
    const std::string& payload =
        correction && correction->replacement ? *correction->replacement : e.payload;
    auto mark = [&](auto& rec) {
      rec.withdrawn = correction && correction->withdraw;
      rec.corrected = correction && correction->replacement.has_value();
      return rec.withdrawn;
    };
    auto unreadable = [&] { state.unreadable.push_back(e.id); };

    switch (e.kind) {
      case EntryKind::Fact:
        if (auto o = read_opening(payload)) {
          auto rec = recorded(*o, e);
          mark(rec);
          if (!state.opening) {
            // Starting the incident is the discovery report (第３章 １（１）).
            auto step = recorded(
                StepMark{std::string(kStepReport), StepState::Done, "", "発見者からの報告"}, e);
            step.author = o->discovery.discoverer;
            state.steps.insert_or_assign(std::string(kStepReport), step);
          }
          state.opening = rec;
        }
        break;
      case EntryKind::Step:
        if (auto m = read_step_mark(payload)) {
          auto rec = recorded(*m, e);
          if (!mark(rec)) state.steps.insert_or_assign(m->step, rec);
        } else {
          unreadable();
        }
        break;
      case EntryKind::Contact:
        if (auto c = read_contact_call(payload)) {
          auto rec = recorded(*c, e);
          mark(rec);
          state.contacts.push_back(rec);
        } else {
          unreadable();
        }
        break;
      case EntryKind::Decision:
        if (auto d = read_decision(payload)) {
          auto rec = recorded(*d, e);
          // A recovery or care decision completes its step; the report's
          // grounds have none.
          if (!mark(rec) && d->kind != DecisionKind::ReportGrounds) {
            auto step = recorded(implied_step(d->kind), e);
            state.steps.insert_or_assign(step.value.step, step);
          }
          state.decisions.push_back(rec);
        } else {
          unreadable();
        }
        break;
      case EntryKind::Evidence:
        if (auto item = read_evidence(payload)) {
          auto rec = recorded(*item, e);
          mark(rec);
          state.evidence.push_back(EvidenceRecord{rec, {}});
        } else {
          unreadable();
        }
        break;
      case EntryKind::Custody:
        if (auto t = read_custody(payload)) {
          auto rec = recorded(*t, e);
          mark(rec);
          bool found = false;
          for (auto& ev : state.evidence) {
            if (ev.item.value.evidence_id == t->evidence_id) {
              ev.custody.push_back(rec);
              found = true;
            }
          }
          if (!found) unreadable();
        } else {
          unreadable();
        }
        break;
      case EntryKind::Close:
        if (auto c = read_closure(payload)) {
          auto rec = recorded(*c, e);
          mark(rec);
          state.closure = rec;
        }
        state.closed = true;
        break;
      case EntryKind::Reopen:
        state.closed = false;
        break;
      case EntryKind::Action:
      case EntryKind::Correction:
      case EntryKind::Note:
      case EntryKind::Drill:  // folded by core/drill.h
        break;
    }
  }
  return state;
}

std::set<std::string> withdrawn_entry_ids(const std::vector<TimelineEntry>& entries) {
  std::set<std::string> out;
  for (const auto& e : entries) {
    if (e.kind != EntryKind::Correction || e.corrects.empty()) continue;
    if (auto c = read_correction(e.payload); c && c->withdraw) out.insert(e.corrects);
  }
  return out;
}

std::optional<Instant> first_reached(const IncidentState& state, ExternalContactId contact) {
  std::optional<Instant> first;
  for (const auto& c : state.contacts) {
    if (c.withdrawn || !c.value.reached) continue;
    if (c.value.target.type != ContactTarget::Type::External ||
        c.value.target.id != contact.value) {
      continue;
    }
    if (!first || c.occurred_at < *first) first = c.occurred_at;
  }
  return first;
}

bool must_reach(const ExternalContact& contact, bool leak_suspected) {
  return contact.notify_on_incident ||
         (leak_suspected && contact.category == ExternalCategory::PrivacyCommission);
}

std::vector<const ExternalContact*> contacts_still_to_reach(const Plan& plan,
                                                            const IncidentState& state,
                                                            bool leak_suspected) {
  std::vector<const ExternalContact*> out;
  for (const auto& c : plan.external_contacts) {
    if (must_reach(c, leak_suspected) && !first_reached(state, c.id)) out.push_back(&c);
  }
  return out;
}

}  // namespace medbcp::core
