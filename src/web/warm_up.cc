#include "web/warm_up.h"

#include "indicators/scorecard.h"
#include "web/view.h"
#include "worklists/worklist.h"

namespace beacon::web {

void warm_up(const Backend& backend) {
  auto engine = backend.engine();
  const Date today = default_date(*engine);
  (void)build_scorecard(*engine, Period::rolling_months(today, 12),
                        engine->index().organisation().root_id(), 24, false);
  WorklistOptions o;
  o.as_at = today;
  (void)build_worklist(*engine, o);
}

}  // namespace beacon::web
