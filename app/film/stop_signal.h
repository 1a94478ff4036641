// Ctrl-C and SIGTERM (Slurm's scancel and time limits) during a film: the first asks the
// export to stop after the frame in hand, keeping every finished frame; a second leaves at once.
#pragma once

namespace app::film {

void install_stop_handler();
bool stop_requested();

}  // namespace app::film
