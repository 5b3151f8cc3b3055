// Computes the figures the first visitors ask for — the default scorecard
// with its 24 month-ends and today's worklists — so they do not wait: at
// start, and after each load swaps in a new snapshot (docs/performance.md).
#ifndef BEACON_WEB_WARM_UP_H_
#define BEACON_WEB_WARM_UP_H_

#include "web/backend.h"

namespace beacon::web {

void warm_up(const Backend& backend);

}  // namespace beacon::web

#endif  // BEACON_WEB_WARM_UP_H_
