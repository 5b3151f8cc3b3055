#include "app/workspace.h"

#include <nlohmann/json.hpp>

#include "history/merge.h"

namespace beacon {

Result<std::shared_ptr<const CaseIndex>> read_snapshot(Store& store) {
  auto contributions = store.contributions();
  if (!contributions) return contributions.status();
  auto records = store.read_records();
  if (!records) return records.status();
  MergeResult merged = merge_contributions(*contributions, *records);
  return std::shared_ptr<const CaseIndex>(std::make_shared<CaseIndex>(std::move(merged.history)));
}

Result<std::unique_ptr<Workspace>> Workspace::open(const std::string& db_path) {
  auto store = open_sqlite_store(db_path);
  if (!store) return store.status();
  std::unique_ptr<Workspace> ws(new Workspace(std::move(*store)));
  if (auto st = ws->reload(); !st) return st;
  return ws;
}

std::shared_ptr<const IndicatorEngine> Workspace::engine() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return engine_;
}

Result<Parameters> Workspace::saved_parameters() {
  auto text = store_->setting("indicator_parameters");
  if (!text) return text.status();
  if (!*text) return Parameters{};
  auto j = nlohmann::json::parse(**text, nullptr, false);
  if (j.is_discarded() || !j.is_object())
    return Status::internal("the saved indicator parameters are not valid JSON");
  std::map<std::string, double> values;
  for (auto& [k, v] : j.items())
    if (v.is_number()) values[k] = v.get<double>();
  return Parameters(values);
}

Status Workspace::reload() {
  auto snapshot = read_snapshot(*store_);
  if (!snapshot) return snapshot.status();
  auto params = saved_parameters();
  if (!params) return params.status();
  auto engine = std::make_shared<const IndicatorEngine>(*snapshot, *params);
  std::lock_guard<std::mutex> lock(mutex_);
  engine_ = std::move(engine);
  return Status::ok();
}

}  // namespace beacon
