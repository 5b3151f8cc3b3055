#include "web/api/paging.h"

#include <algorithm>
#include <charconv>
#include <string>

namespace beacon::web {

Result<size_t> count_param(const http::Request& req, const char* name, size_t fallback,
                           size_t max) {
  const std::string text = req.param(name);
  if (text.empty()) return fallback;
  size_t n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || end != text.data() + text.size() || n < 1 || n > max)
    return Status::invalid_input(std::string(name) + " must be a whole number from 1 to " +
                                 std::to_string(max) + ", not \"" + text.substr(0, 32) + "\"");
  return n;
}

Result<Paging> paging_from(const http::Request& req) {
  auto page = count_param(req, "page", 1, 1000000);
  if (!page) return page.status();
  auto per_page = count_param(req, "per_page", 100, 1000);
  if (!per_page) return per_page.status();
  return Paging{*page, *per_page};
}

Paging::Slice Paging::slice(size_t total) const {
  Slice s;
  s.pages = std::max<size_t>(1, (total + per_page - 1) / per_page);
  s.page = std::min(page, s.pages);
  s.first = (s.page - 1) * per_page;
  s.count = std::min(per_page, total - std::min(total, s.first));
  return s;
}

void add_paging(nlohmann::json& answer, const Paging::Slice& slice, size_t total, size_t per_page) {
  answer["total"] = total;
  answer["page"] = slice.page;
  answer["per_page"] = per_page;
  answer["pages"] = slice.pages;
}

}  // namespace beacon::web
