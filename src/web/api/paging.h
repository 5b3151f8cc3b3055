// A page of a long API list (the drill-through, the worklist): `page` from 1,
// `per_page` items (default 100, at most 1,000); anything else is a clear
// error naming the parameter.
#ifndef BEACON_WEB_API_PAGING_H_
#define BEACON_WEB_API_PAGING_H_

#include <cstddef>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "http/message.h"

namespace beacon::web {

struct Paging {
  size_t page = 1;
  size_t per_page = 100;

  // This page's items of a list of `total`: [first, first + count). A page
  // past the end gives the last one.
  struct Slice {
    size_t first = 0;
    size_t count = 0;
    size_t page = 1;
    size_t pages = 1;
  };
  Slice slice(size_t total) const;
};

Result<Paging> paging_from(const http::Request& req);

// A whole number in [1, max] from the query, or `fallback` when absent; an
// error naming the parameter otherwise.
Result<size_t> count_param(const http::Request& req, const char* name, size_t fallback,
                           size_t max);

// Adds "total", "page", "per_page" and "pages" to an API answer.
void add_paging(nlohmann::json& answer, const Paging::Slice& slice, size_t total, size_t per_page);

}  // namespace beacon::web

#endif  // BEACON_WEB_API_PAGING_H_
