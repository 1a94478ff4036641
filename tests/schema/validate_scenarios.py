#!/usr/bin/env python3
"""The JSON Schema (assets/schema/scenario.schema.json) read by a real validator: every shipped
scenario, the good test files and the format guide's example validate; files with a known
mistake (a missing required key, an unknown key, a wrong type, a bad colour) do not.

    tests/schema/validate_scenarios.py [ROOT]
"""
import copy
import json
import pathlib
import re
import sys

import jsonschema

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parents[2])
schema = json.loads((root / "assets/schema/scenario.schema.json").read_text(encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)

failures = []


def problems(document):
    return sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))


def expect_valid(name, document):
    found = problems(document)
    for error in found[:5]:
        failures.append(f"{name}: /{'/'.join(map(str, error.absolute_path))}: {error.message[:200]}")
    print(f"{'ok  ' if not found else 'FAIL'} {name}")


def expect_invalid(name, document):
    found = problems(document)
    if not found:
        failures.append(f"{name}: the schema accepts a file it must refuse")
    print(f"{'ok  ' if found else 'FAIL'} {name} (refused: {found[0].message[:80] if found else 'no'})")


shipped = sorted((root / "assets/scenarios").glob("*.json"))
if len(shipped) < 2:
    failures.append("fewer than two shipped scenarios found")
for path in shipped + sorted((root / "tests/data/good").glob("*.json")):
    expect_valid(str(path.relative_to(root)), json.loads(path.read_text(encoding="utf-8")))

guide = (root / "docs/SCENARIO_FORMAT.md").read_text(encoding="utf-8")
example = re.search(r"```json\n(.*?)\n```", guide, re.S)
if example is None:
    failures.append("docs/SCENARIO_FORMAT.md has no ```json example")
else:
    expect_valid("docs/SCENARIO_FORMAT.md example", json.loads(example.group(1)))

# Mistakes the schema must catch, made from the first shipped scenario.
base = json.loads(shipped[0].read_text(encoding="utf-8"))
mistakes = {
    "no terrain": lambda d: d.pop("terrain"),
    "an unknown top-level key": lambda d: d.update({"terain": {}}),
    "an unknown key in a unit": lambda d: d["units"][0].update({"strenght": 5}),
    "a unit's strength as text": lambda d: d["units"][0].update({"strength": "many"}),
    "a faction colour that is no #rrggbb": lambda d: d["factions"][0].update({"color": "red"}),
    "a phase without its dates": lambda d: d["phases"][0].pop("start"),
    "a phase's hour past 24": lambda d: d["phases"][0].update({"hour": 25}),
    "a shot's hour that is neither a number nor \"clock\"": lambda d: d["shots"][0].update({"hour": "noon"}),
    "an unknown kind of precipitation": lambda d: d["environment"].update({"weather": {"precipitation": "hail"}}),
    "snow cover above 1": lambda d: d["environment"].update({"weather": {"snow_cover": 1.5}}),
}
for name, mutate in mistakes.items():
    document = copy.deepcopy(base)
    mutate(document)
    expect_invalid(name, document)

for failure in failures:
    print("schema:", failure)
print(f"schema: {len(failures)} problem(s)")
sys.exit(1 if failures else 0)
