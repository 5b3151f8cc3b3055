#include "export/qa_briefing_export.h"

#include "export/canvas.h"
#include "export/xlsx_book.h"

namespace beacon {
namespace {

std::string share_text(std::optional<double> s) {
  if (!s) return "–";
  return std::to_string(static_cast<int>(*s * 100 + 0.5)) + "%";
}

std::string row_label(const std::string& key) {
  return key == "overall" ? "Overall" : std::string(qa::pillar_label(key));
}

std::vector<std::string> row_keys() {
  std::vector<std::string> keys;
  for (const qa::Pillar& p : qa::kPillars) keys.push_back(std::string(p.id));
  keys.push_back("overall");
  return keys;
}

}  // namespace

Status write_briefing_pdf(const qa::Briefing& b,
                          const std::function<std::string(const std::string&)>& name_of,
                          const std::string& path, Date as_at) {
  Canvas page(Canvas::Kind::kPdf, path, false, as_at, "Learning briefing " + b.cycle.name);
  const double left = 40, right = page.width() - 40;
  double y = 30;
  page.text(left, y, "Learning briefing — " + b.cycle.name, 16, true);
  y += 24;
  auto overall =
      b.grades.by_pillar.count("overall") ? b.grades.by_pillar.at("overall") : qa::GradeCounts{};
  y += page.paragraph(left, y, right - left,
                      std::to_string(b.grades.evaluations) + " evaluations submitted between " +
                          b.cycle.start.iso() + " and " + b.cycle.end.iso() + "; " +
                          share_text(overall.share_good_or_better()) + " good or better overall.",
                      10);
  y += 12;
  page.text(left, y, "Grades by pillar", 12, true);
  y += 18;
  const double cols[] = {left,       left + 190, left + 245, left + 300,
                         left + 345, left + 405, left + 460};
  const char* heads[] = {"Pillar",     "Outst.",  "Good+O",        "Good",
                         "Req. impr.", "Inadeq.", "Good or better"};
  for (int i = 0; i < 7; ++i) page.text(cols[i], y, heads[i], 8, true);
  y += 12;
  page.rule(left, y, right - left);
  y += 4;
  for (const std::string& key : row_keys()) {
    auto it = b.grades.by_pillar.find(key);
    if (it == b.grades.by_pillar.end()) continue;
    page.text(cols[0], y, row_label(key), 8);
    for (int g = 0; g < 5; ++g) page.text(cols[g + 1], y, std::to_string(it->second.n[g]), 8);
    page.text(cols[6], y, share_text(it->second.share_good_or_better()), 8);
    y += 13;
  }
  y += 10;
  page.text(left, y, "Good or better, cycle by cycle", 12, true);
  y += 18;
  double x = left + 190;
  for (const auto& p : b.previous) {
    page.text(x, y, p.cycle_name, 8, true, 80);
    x += 80;
  }
  page.text(x, y, b.cycle.name, 8, true, 80);
  y += 14;
  for (const std::string& key : row_keys()) {
    page.text(left, y, row_label(key), 8);
    x = left + 190;
    for (const auto& p : b.previous) {
      auto it = p.by_pillar.find(key);
      page.text(x, y, it == p.by_pillar.end() ? "–" : share_text(it->second.share_good_or_better()),
                8);
      x += 80;
    }
    auto it = b.grades.by_pillar.find(key);
    page.text(x, y,
              it == b.grades.by_pillar.end() ? "–" : share_text(it->second.share_good_or_better()),
              8);
    y += 13;
  }
  y += 10;
  page.text(left, y, "Overall grade by locality", 12, true);
  y += 18;
  for (const auto& [unit, g] : b.overall_by_locality) {
    page.text(left, y, unit.empty() ? "Not known" : name_of(unit), 8, false, 180);
    page.text(left + 190, y, std::to_string(g.total()) + " evaluations", 8);
    page.text(left + 300, y, share_text(g.share_good_or_better()) + " good or better", 8);
    y += 13;
  }
  y += 10;
  page.text(left, y, "Themes of the findings", 12, true);
  y += 18;
  int shown = 0;
  for (const auto& t : b.themes) {
    if (++shown > 10 || y > page.height() - 120) break;
    page.text(left, y, t.theme, 8, false, 180);
    page.text(left + 190, y,
              std::to_string(t.this_cycle) + " this cycle" + (t.recurring() ? " — recurring" : ""),
              8);
    y += 13;
  }
  y += 10;
  page.text(left, y, "Actions", 12, true);
  y += 18;
  page.paragraph(left, y, right - left,
                 std::to_string(b.actions.made) +
                     " recommendations made: " + std::to_string(b.actions.done) + " done (" +
                     std::to_string(b.actions.done_on_time) + " on time), " +
                     std::to_string(b.actions.open) + " open, " +
                     std::to_string(b.actions.overdue) + " overdue. " + std::to_string(b.revisits) +
                     " children revisited from the previous cycle.",
                 9);
  return page.finish();
}

Status write_briefing_xlsx(const qa::Briefing& b,
                           const std::function<std::string(const std::string&)>& name_of,
                           const std::string& path, Date as_at) {
  XlsxBook book(path, as_at);
  lxw_worksheet* ws = book.sheet("Grades");
  book.text(ws, 0, 0,
            "Learning briefing — " + b.cycle.name + " (" + std::to_string(b.grades.evaluations) +
                " evaluations)");
  const char* heads[] = {"Pillar",
                         "Outstanding",
                         "Good with elements of outstanding",
                         "Good",
                         "Requires improvement",
                         "Inadequate",
                         "Good or better (share)"};
  for (int c = 0; c < 7; ++c) book.header(ws, 2, c, heads[c]);
  worksheet_set_column(ws, 0, 0, 40, nullptr);
  int row = 3;
  for (const std::string& key : row_keys()) {
    auto it = b.grades.by_pillar.find(key);
    if (it == b.grades.by_pillar.end()) continue;
    book.text(ws, row, 0, row_label(key));
    for (int g = 0; g < 5; ++g) book.number(ws, row, g + 1, it->second.n[g], false);
    book.number(ws, row, 6, it->second.share_good_or_better(), false);
    ++row;
  }
  lxw_worksheet* trend = book.sheet("Trend");
  book.header(trend, 0, 0, "Pillar");
  int col = 1;
  for (const auto& p : b.previous) book.header(trend, 0, col++, p.cycle_name);
  book.header(trend, 0, col, b.cycle.name);
  row = 1;
  for (const std::string& key : row_keys()) {
    book.text(trend, row, 0, row_label(key));
    col = 1;
    for (const auto& p : b.previous) {
      auto it = p.by_pillar.find(key);
      book.number(trend, row, col++,
                  it == p.by_pillar.end() ? std::nullopt : it->second.share_good_or_better(),
                  false);
    }
    auto it = b.grades.by_pillar.find(key);
    book.number(trend, row, col,
                it == b.grades.by_pillar.end() ? std::nullopt : it->second.share_good_or_better(),
                false);
    ++row;
  }
  lxw_worksheet* units = book.sheet("Localities and services");
  const char* uheads[] = {"Kind", "Unit", "Evaluations", "Good or better", "Share"};
  for (int c = 0; c < 5; ++c) book.header(units, 0, c, uheads[c]);
  row = 1;
  for (const auto& [kind, m] :
       {std::pair<const char*, const std::map<std::string, qa::GradeCounts>*>{
            "Locality", &b.overall_by_locality},
        {"Service", &b.overall_by_service}})
    for (const auto& [unit, g] : *m) {
      book.text(units, row, 0, kind);
      book.text(units, row, 1, unit.empty() ? "Not known" : name_of(unit));
      book.number(units, row, 2, g.total(), false);
      book.number(units, row, 3, g.good_or_better(), false);
      book.number(units, row, 4, g.share_good_or_better(), false);
      ++row;
    }
  lxw_worksheet* themes = book.sheet("Themes");
  const char* theads[] = {"Theme", "This cycle", "Cycles seen in", "Recurring"};
  for (int c = 0; c < 4; ++c) book.header(themes, 0, c, theads[c]);
  row = 1;
  for (const auto& t : b.themes) {
    book.text(themes, row, 0, t.theme);
    book.number(themes, row, 1, t.this_cycle, false);
    book.number(themes, row, 2, t.cycles_seen, false);
    book.text(themes, row, 3, t.recurring() ? "Yes" : "No");
    ++row;
  }
  lxw_worksheet* actions = book.sheet("Recommendations");
  const char* aheads[] = {"Child", "Team",   "Recommendation", "Owner",   "Made",
                          "Due",   "Status", "Done on",        "Evidence"};
  for (int c = 0; c < 9; ++c) book.header(actions, 0, c, aheads[c]);
  row = 1;
  for (const auto& r : b.recommendations) {
    book.text(actions, row, 0, r.child_id);
    book.text(actions, row, 1, name_of(r.team_id));
    book.text(actions, row, 2, r.text);
    book.text(actions, row, 3, name_of(r.owner_id));
    book.date(actions, row, 4, r.made);
    book.date(actions, row, 5, r.due);
    book.text(actions, row, 6, std::string(qa::recommendation_status_name(r.status)));
    book.date(actions, row, 7, r.done_on);
    book.text(actions, row, 8, r.evidence);
    ++row;
  }
  return book.close();
}

}  // namespace beacon
