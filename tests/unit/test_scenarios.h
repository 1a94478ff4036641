// Small scenarios built in code for the time and evaluate tests: no JSON, no files, so these
// tests say nothing about the loader and break only when the time model does.
#pragma once

#include <string>

#include "scene/model/scenario.h"

namespace test_scenarios {

// Day number of a Julian date and time, for writing keys readably.
scene::Day julian(int year, int month, int day, int hour = 0, int minute = 0);

// Three phases of the Caizhou siege (Julian calendar):
//   "gathering"  1233-08-20 .. 1233-09-09   10 s
//   "siege"      1233-09-09 .. 1233-11-05   40 s
//   "fall"       1233-11-05 .. 1234-02-09   30 s
// one overview shot; no units.
scene::Scenario three_phases();

// three_phases() plus:
//   unit 0 "mongol_horse": cavalry, 400 men, always available, marches east 0 -> 2000 m
//     between 1 and 3 October, block until 2 October then column; heading from the path.
//   unit 1 "song_column": infantry, 300 men then 150 from 1234-01-10 to 1234-01-20,
//     available from 5 November 1233 only, fixed heading 0 (north).
//   unit 2 "jin_guard": infantry, strength 0 until 1 October, then 100: absent before.
//   caption 0: 1 October 1233 .. 1 November 1233.
//   shots: "overview" (overview, two keys) and "siege_shot" (phase "siege").
scene::Scenario armies();

}  // namespace test_scenarios
