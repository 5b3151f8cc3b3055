// beacon portrait and beacon worklist.
#include <iostream>

#include <nlohmann/json.hpp>

#include "app/workspace.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "export/portrait_render.h"
#include "worklists/worklist.h"

namespace beacon::cli {
namespace {

struct PortraitOptions {
  std::string db, cohort, at, unit, format = "json", out;
};

int run_portrait(const PortraitOptions& o) {
  auto cohort = parse_cohort(o.cohort);
  if (!cohort) return fail("portrait", "--cohort " + o.cohort + ": use cin, cin-plan, cp, cla or care-leavers");
  auto at = parse_date_option("--at", o.at);
  if (!at) return fail("portrait", at.status().message());
  if (auto st = require_store(o.db); !st) return fail("portrait", st.message());
  auto ws = Workspace::open(o.db);
  if (!ws) return fail("portrait", ws.status().message());
  auto engine = (*ws)->engine();
  auto portrait = build_pen_portrait(*engine, *cohort, *at, o.unit);
  if (!portrait) return fail("portrait", portrait.status().message());
  if (o.format == "json") {
    auto st = write_output(o.out, portrait_json(*portrait).dump(2) + "\n");
    return st ? 0 : fail("portrait", st.message());
  }
  if (o.out.empty()) return fail("portrait", "--format " + o.format + " needs --out FILE");
  auto st = write_portrait_page(o.out, *portrait, o.format == "png");
  return st ? 0 : fail("portrait", st.message());
}

struct WorklistOpts {
  std::string db, at, unit, format = "csv", out;
};

int run_worklist(const WorklistOpts& o) {
  auto at = parse_date_option("--at", o.at);
  if (!at) return fail("worklist", at.status().message());
  if (auto st = require_store(o.db); !st) return fail("worklist", st.message());
  auto ws = Workspace::open(o.db);
  if (!ws) return fail("worklist", ws.status().message());
  auto engine = (*ws)->engine();
  WorklistOptions options;
  options.as_at = *at;
  options.unit_id = o.unit;
  auto items = build_worklist(engine->index(), engine->parameters(), options);
  if (!items) return fail("worklist", items.status().message());
  nlohmann::json j = nlohmann::json::array();
  std::string csv = "kind,title,child_id,since,due,days_left,status,worker_id,team_id\r\n";
  for (const auto& i : *items) {
    j.push_back({{"kind", i.kind}, {"title", i.title}, {"child_id", i.child_id},
                 {"since", i.since ? i.since->iso() : ""}, {"due", i.due ? i.due->iso() : ""},
                 {"days_left", i.days_left}, {"working_days", i.working_days},
                 {"status", work_status_name(i.status)}, {"worker_id", i.worker_id},
                 {"team_id", i.team_id}});
    csv += i.kind + "," + i.title + "," + i.child_id + "," + (i.since ? i.since->iso() : "") + "," +
           (i.due ? i.due->iso() : "") + "," + std::to_string(i.days_left) + "," +
           work_status_name(i.status) + "," + i.worker_id + "," + i.team_id + "\r\n";
  }
  auto st = write_output(o.out, o.format == "json" ? j.dump(2) + "\n" : csv);
  return st ? 0 : fail("worklist", st.message());
}

}  // namespace

void add_portrait_commands(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<PortraitOptions>();
  auto* cmd = app.add_subcommand("portrait", "A cohort's pen portrait");
  cmd->add_option("--db", o->db, "The store")->required();
  cmd->add_option("--cohort", o->cohort, "cin, cin-plan, cp, cla or care-leavers")->required();
  cmd->add_option("--at", o->at, "The date (YYYY-MM-DD)")->required();
  cmd->add_option("--unit", o->unit, "Organisation unit or worker id");
  cmd->add_option("--format", o->format, "json, pdf or png")->check(CLI::IsMember({"json", "pdf", "png"}));
  cmd->add_option("--out", o->out, "Write to FILE");
  cmd->callback([o, &exit_code] { exit_code = run_portrait(*o); });

  auto w = std::make_shared<WorklistOpts>();
  auto* wl = app.add_subcommand("worklist", "What is due or overdue, for a worker, team or unit");
  wl->add_option("--db", w->db, "The store")->required();
  wl->add_option("--at", w->at, "As at (YYYY-MM-DD)")->required();
  wl->add_option("--unit", w->unit, "Worker or organisation unit id");
  wl->add_option("--format", w->format, "csv or json")->check(CLI::IsMember({"csv", "json"}));
  wl->add_option("--out", w->out, "Write to FILE");
  wl->callback([w, &exit_code] { exit_code = run_worklist(*w); });
}

}  // namespace beacon::cli
