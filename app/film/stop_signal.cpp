#include "app/film/stop_signal.h"

#include <unistd.h>
#include <csignal>

namespace app::film {

namespace {

volatile std::sig_atomic_t g_stop_requests = 0;

extern "C" void on_stop_signal(int) {
  g_stop_requests = g_stop_requests + 1;
  if (g_stop_requests >= 2) _exit(130);  // a second Ctrl-C: leave now (only *.partial files can be left)
}

}  // namespace

void install_stop_handler() {
  struct sigaction action {};
  action.sa_handler = on_stop_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);  // Slurm's scancel and time limits send SIGTERM
}

bool stop_requested() { return g_stop_requests > 0; }

}  // namespace app::film
