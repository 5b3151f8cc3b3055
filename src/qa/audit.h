// The audit hook: every change to a QA record is reported through one call,
// AuditSink::audit, with who did what to which record. Branch `access`
// implements the sink over its audit-trail table; until then the web backend
// keeps the events in memory (see docs/qa.md).
#ifndef BEACON_QA_AUDIT_H_
#define BEACON_QA_AUDIT_H_

#include <mutex>
#include <string>
#include <vector>

namespace beacon::qa {

struct AuditEvent {
  std::string user;         // who made the change
  std::string action;       // "evaluation.submit", "recommendation.close", …
  std::string record_kind;  // evaluation | cycle | moderation | recommendation | complaint | …
  std::string record_id;
  std::string unit_id;  // the record's team, for scoped audit views
  std::string detail;   // one line for people: "version 2: corrected the planning grade"
};

class AuditSink {
 public:
  virtual ~AuditSink() = default;
  virtual void audit(const AuditEvent& event) = 0;
};

// Keeps the events in memory: tests, and servers until branch `access`
// records them in the store's audit trail.
class MemoryAuditLog final : public AuditSink {
 public:
  void audit(const AuditEvent& event) override {
    std::lock_guard lock(mutex_);
    events_.push_back(event);
  }
  std::vector<AuditEvent> events() const {
    std::lock_guard lock(mutex_);
    return events_;
  }

 private:
  mutable std::mutex mutex_;
  std::vector<AuditEvent> events_;
};

}  // namespace beacon::qa

#endif  // BEACON_QA_AUDIT_H_
