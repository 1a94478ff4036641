// Loading a scenario for a sub-command: warnings and errors go to stderr in the form
// `siege check` prints them, with a pointer to it when the file cannot be used.
#pragma once

#include <optional>
#include <string>

#include "scene/model/scenario.h"

namespace app {

// `command` names the caller in messages ("siege render").
std::optional<scene::Scenario> load_or_report(const std::string& path, const char* command);

}  // namespace app
