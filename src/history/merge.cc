#include "history/merge.h"

#include <algorithm>
#include <unordered_map>

#include "history/open_records.h"
#include "history/record_fields.h"
#include "history/record_keys.h"
#include "model/field_text.h"

namespace beacon {
namespace {

constexpr Source kReturnSources[] = {Source::kCinCensus, Source::kSsda903};

// The contributions in newest-first order: by as_of, then id (later loads of
// the same picture win ties).
struct Contributions {
  const std::vector<Contribution>& list;
  std::unordered_map<int32_t, int> index_of_id;
  std::vector<int> rank;  // by index; 0 = newest

  explicit Contributions(const std::vector<Contribution>& l) : list(l), rank(l.size()) {
    std::vector<int> order(l.size());
    for (size_t i = 0; i < l.size(); ++i) {
      order[i] = static_cast<int>(i);
      index_of_id.emplace(l[i].id, static_cast<int>(i));
    }
    std::sort(order.begin(), order.end(), [&l](int a, int b) {
      if (l[a].as_of != l[b].as_of) return l[a].as_of > l[b].as_of;
      return l[a].id > l[b].id;
    });
    for (size_t r = 0; r < order.size(); ++r) rank[order[r]] = static_cast<int>(r);
  }
};

// Withdrawn records so far, by table and natural key: the children of a
// withdrawn record follow it (tables are merged parents first).
using WithdrawnKeys = std::unordered_map<std::string, std::unordered_map<std::string, size_t>>;

// One record as one contribution lists it.
struct Listing {
  int contribution;  // index into Contributions::list
  int rank;
  const void* record;
};

// Everything about one table that does not depend on the record.
template <class R>
struct TablePlan {
  const Contributions& cs;
  std::vector<FieldMask> carried;  // by contribution index; 0 = does not carry the table
  // Per return source, per collection year: the contributions carrying the table.
  std::map<std::pair<Source, int>, std::vector<int>> returns_by_year;

  TablePlan(const Contributions& c, const std::vector<R>& records)
      : cs(c), carried(c.list.size(), 0) {
    const auto& fields = FieldList<R>::get();
    std::vector<bool> lists(c.list.size(), false);
    for (const auto& r : records) {
      auto it = c.index_of_id.find(r.contribution);
      if (it != c.index_of_id.end()) lists[it->second] = true;
    }
    for (size_t i = 0; i < c.list.size(); ++i) {
      const auto& con = c.list[i];
      auto it = con.carried.find(R::kTable);
      // A contribution that lists records without saying which fields it
      // carries is taken to carry them all.
      if (it != con.carried.end())
        carried[i] = fields.mask_of(it->second) | fields.keys;
      else if (lists[i])
        carried[i] = fields.all;
      if (carried[i] != 0 && (con.source == Source::kCinCensus || con.source == Source::kSsda903))
        returns_by_year[{con.source, con.collection_year}].push_back(static_cast<int>(i));
    }
  }
};

template <class R>
class TableMerger {
 public:
  TableMerger(const Contributions& cs, const std::vector<R>& records, MergeResult& out,
              WithdrawnKeys& withdrawn_keys)
      : plan_(cs, records),
        records_(records),
        keys_(records),
        out_(out),
        withdrawn_keys_(withdrawn_keys) {}

  // Records with equal natural keys (ordinal included) are one record, listed
  // by each contribution that holds it: sorting brings them together, newest
  // contribution first, and leaves the output in natural-key order.
  void run(std::vector<R>& merged) {
    struct Item {
      uint32_t record;
      int contribution;
      int rank;
    };
    std::vector<Item> items;
    items.reserve(records_.size());
    int64_t orphans = 0;
    for (size_t i = 0; i < records_.size(); ++i) {
      auto it = plan_.cs.index_of_id.find(records_[i].contribution);
      if (it == plan_.cs.index_of_id.end())
        ++orphans;
      else
        items.push_back({static_cast<uint32_t>(i), it->second, plan_.cs.rank[it->second]});
    }
    if (orphans > 0)
      out_.findings.push_back({Severity::kFinding, "", 0, "", "",
                               std::string(R::kTable) + ": " + std::to_string(orphans) +
                                   " records belong to no known contribution; ignored",
                               "merge.unknown-contribution"});
    std::sort(items.begin(), items.end(), [this](const Item& a, const Item& b) {
      if (int c = keys_.compare(a.record, b.record); c != 0) return c < 0;
      if (a.rank != b.rank) return a.rank < b.rank;
      return a.record < b.record;
    });

    Group g;
    for (size_t i = 0; i < items.size();) {
      g.record = items[i].record;
      g.listings.clear();
      size_t j = i;
      for (; j < items.size() && keys_.compare(items[i].record, items[j].record) == 0; ++j) {
        const Item& item = items[j];
        if (!g.listings.empty() && g.listings.back().contribution == item.contribution) {
          duplicate(item.contribution, records_[item.record]);
          continue;
        }
        g.listings.push_back({item.contribution, item.rank, &records_[item.record]});
      }
      i = j;
      if (!withdraw(g)) merged.push_back(build(g));
    }
  }

 private:
  struct Group {
    uint32_t record = 0;            // one of its records, for its key
    std::vector<Listing> listings;  // newest contribution first
  };

  static const R& rec(const Listing& l) { return *static_cast<const R*>(l.record); }
  const Contribution& con(const Listing& l) const { return plan_.cs.list[l.contribution]; }

  void duplicate(int contribution, const R& r) {
    out_.findings.push_back({Severity::kFinding, plan_.cs.list[contribution].files, r.line, "", "",
                             std::string(R::kTable) + ": " + describe_natural_key(r) +
                                 " is listed twice at the same position; the first kept",
                             "merge.duplicate-key"});
  }

  bool listed_by(const Group& g, int contribution) const {
    return std::any_of(g.listings.begin(), g.listings.end(),
                       [contribution](const Listing& l) { return l.contribution == contribution; });
  }

  void record_withdrawal(const Group& g, const Listing& listed, std::string missing_from) {
    withdrawn_keys_[R::kTable].emplace(keys_.natural_key(g.record), out_.withdrawn.size());
    out_.withdrawn.push_back(
        {R::kTable, describe_natural_key(rec(listed)), con(listed).key(), std::move(missing_from)});
  }

  // The withdrawal rule (merge.h), and children following a withdrawn parent.
  bool withdraw(const Group& g) {
    const Listing& newest = g.listings.front();
    if (auto parent = parent_of(rec(newest))) {
      auto table = withdrawn_keys_.find(parent->table);
      if (table != withdrawn_keys_.end()) {
        auto it = table->second.find(parent->key);
        if (it != table->second.end()) {
          record_withdrawal(g, newest, out_.withdrawn[it->second].missing_from);
          return true;
        }
      }
    }
    for (Source source : kReturnSources) {
      // The newest listing by this source, and whether it showed the record open.
      auto latest = std::find_if(g.listings.begin(), g.listings.end(),
                                 [&](const Listing& l) { return con(l).source == source; });
      if (latest == g.listings.end() || !open_at_year_end(rec(*latest))) continue;
      auto next_year = plan_.returns_by_year.find({source, con(*latest).collection_year + 1});
      if (next_year == plan_.returns_by_year.end()) continue;
      // The newest of next year's contributions that omits the record.
      int omitting = -1;
      for (int c : next_year->second)
        if (!listed_by(g, c) && (omitting < 0 || plan_.cs.rank[c] < plan_.cs.rank[omitting]))
          omitting = c;
      if (omitting < 0) continue;
      bool kept_by_newer_source =
          std::any_of(g.listings.begin(), g.listings.end(), [&](const Listing& l) {
            return con(l).source != source && l.rank < plan_.cs.rank[omitting];
          });
      if (kept_by_newer_source) continue;
      record_withdrawal(g, *latest, plan_.cs.list[omitting].key());
      return true;
    }
    return false;
  }

  // Each field from the newest listing contribution that carries it; fields
  // none carries keep their defaults.
  R build(const Group& g) const {
    static const R kDefault{};
    const auto& fields = FieldList<R>::get();
    const Listing& newest = g.listings.front();
    R r = rec(newest);
    FieldMask missing = fields.all & ~plan_.carried[newest.contribution];
    for (size_t i = 1; i < g.listings.size() && missing != 0; ++i) {
      FieldMask take = missing & plan_.carried[g.listings[i].contribution];
      if (take == 0) continue;
      copy_fields(r, rec(g.listings[i]), take);
      missing &= ~take;
    }
    if (missing != 0) copy_fields(r, kDefault, missing);
    r.contribution = con(newest).id;
    return r;
  }

  TablePlan<R> plan_;
  const std::vector<R>& records_;
  RecordKeys<R> keys_;
  MergeResult& out_;
  WithdrawnKeys& withdrawn_keys_;
};

}  // namespace

MergeResult merge_contributions(const std::vector<Contribution>& contributions,
                                const CaseHistory& records) {
  MergeResult result;
  Contributions cs(contributions);
  WithdrawnKeys withdrawn_keys;
  records.for_each_table([&](const auto& table) {
    using R = typename std::decay_t<decltype(table)>::value_type;
    TableMerger<R>(cs, table, result, withdrawn_keys).run(result.history.template table<R>());
  });
  return result;
}

}  // namespace beacon
