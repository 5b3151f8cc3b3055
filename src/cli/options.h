// Options several commands share: the store, dates, the unit, the output.
#ifndef BEACON_CLI_OPTIONS_H_
#define BEACON_CLI_OPTIONS_H_

#include <optional>
#include <string>

#include "core/date.h"
#include "core/result.h"
#include "indicators/period.h"

namespace beacon::cli {

// Parses an option's date, naming the option in the error.
Result<Date> parse_date_option(const std::string& option, const std::string& text);
// --from/--to → the period (12 months ending --to without --from).
Result<Period> parse_period(const std::string& from, const std::string& to);

// Commands that read figures never create a store: an error naming the path
// when there is no file at `db`.
Status require_store(const std::string& db);

// Writes `content` to `path`, or to standard output when `path` is empty.
Status write_output(const std::string& path, const std::string& content);

// Prints "beacon <command>: <message>" to stderr and returns exit status 1.
int fail(const std::string& command, const std::string& message);

}  // namespace beacon::cli

#endif  // BEACON_CLI_OPTIONS_H_
