// The JSON payload of each structured timeline entry: one writer and one
// reader per record of core/incident_record.h. Writers produce compact JSON
// with keys in sorted order, so the same record always gives the same bytes
// (the bytes are hashed into the chain). Readers are lenient: a payload they
// cannot read yields nullopt, never an exception, because a timeline may hold
// entries written by an older medbcp or merged from an offline kit.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/incident_record.h"

namespace medbcp::core {

std::string to_payload(const IncidentOpening&);
std::string to_payload(const StepMark&);
std::string to_payload(const ContactCall&);
std::string to_payload(const Decision&);
std::string to_payload(const EvidenceItem&);
std::string to_payload(const CustodyTransfer&);
std::string to_payload(const Closure&);
std::string to_payload(const Correction&);

std::optional<IncidentOpening> read_opening(std::string_view payload);
std::optional<StepMark> read_step_mark(std::string_view payload);
std::optional<ContactCall> read_contact_call(std::string_view payload);
std::optional<Decision> read_decision(std::string_view payload);
std::optional<EvidenceItem> read_evidence(std::string_view payload);
std::optional<CustodyTransfer> read_custody(std::string_view payload);
std::optional<Closure> read_closure(std::string_view payload);
std::optional<Correction> read_correction(std::string_view payload);

// True when `payload` is a JSON object (what every entry must carry).
bool is_json_object(std::string_view payload);

}  // namespace medbcp::core
