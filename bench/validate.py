"""Benchmark of `portfolio validate` against the floor of reading and parsing the files.

    make bench-validate        (python -m bench.validate [--ideas 10000] [--compare 1000])

Prints, for one synthetic portfolio: seconds to walk, read and parse every file with
libyaml's CSafeLoader (the floor), seconds for `portfolio validate`, their ratio and each
one's peak memory; then, on a smaller portfolio, seconds per file for check-jsonschema
checking only the idea schema against the same idea files, and the ratio to ours.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.synthetic import write_portfolio

FLOOR = """
import os, sys, yaml
for top, _, names in os.walk(sys.argv[1]):
    for name in names:
        with open(os.path.join(top, name), "rb") as f:
            yaml.load(f.read(), Loader=yaml.CSafeLoader)
"""
# Runs one command and prints its peak memory: ru_maxrss of children is a maximum over
# every child so far, so each measured command gets a fresh parent.
PEAK = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=False, stdout=subprocess.DEVNULL)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(usage.ru_maxrss, usage.ru_utime + usage.ru_stime)
"""
BIN = Path(sys.executable).parent


@dataclass(frozen=True)
class Timing:
    """Wall seconds, CPU seconds (user + system) and peak resident MiB of one command.

    CPU seconds leave out the time a shared machine gives to others (steal), so they
    compare two commands more steadily than wall seconds do.
    """

    wall: float
    cpu: float
    peak_mib: float


def timed(command: list[str]) -> Timing:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", PEAK, *command], check=True, capture_output=True, text=True
    )
    wall = time.perf_counter() - start
    peak, cpu = done.stdout.split()[-2:]
    return Timing(wall, float(cpu), int(peak) / 1024)


def best_of(runs: int, *commands: list[str]) -> list[Timing]:
    """The best time of each command over `runs` rounds; the commands take turns in each
    round, so a slow spell of a shared machine falls on both alike."""
    rounds = [[timed(command) for command in commands] for _ in range(runs)]
    return [
        Timing(
            min(r[i].wall for r in rounds),
            min(r[i].cpu for r in rounds),
            max(r[i].peak_mib for r in rounds),
        )
        for i in range(len(commands))
    ]


def count_files(records: Path) -> int:
    return sum(1 for _ in records.rglob("*.yaml"))


def validate_command(records: Path) -> list[str]:
    return [str(BIN / "portfolio"), "validate", "--records", str(records), "--today", "2026-11-22"]


def floor_vs_validate(work: Path, ideas: int, runs: int) -> None:
    records = write_portfolio(work / f"p{ideas}", ideas, broken=3)
    files = count_files(records)
    floor, ours = best_of(
        runs, [sys.executable, "-c", FLOOR, str(records)], validate_command(records)
    )
    print(f"portfolio: {ideas} ideas, {files} files (3 ideas broken on purpose), best of {runs}")
    print("                                      wall      CPU    peak")
    for name, t in (("floor (walk + read + CSafeLoader)", floor), ("portfolio validate", ours)):
        print(f"{name:34} {t.wall:7.2f} s {t.cpu:7.2f} s {t.peak_mib:5.0f} MiB")
    print(
        f"{'ratio validate / floor':34} {ours.wall / floor.wall:7.2f}   {ours.cpu / floor.cpu:7.2f}"
        "      (target <= 1.50)"
    )


def against_check_jsonschema(work: Path, ideas: int, runs: int) -> None:
    records = write_portfolio(work / f"c{ideas}", ideas)
    idea_files = sorted(str(p) for p in records.glob("ideas/*/idea.yaml"))
    schema = str(records.parent / "schemas" / "idea.schema.json")
    theirs, ours = best_of(
        runs,
        [str(BIN / "check-jsonschema"), "--schemafile", schema, *idea_files],
        validate_command(records),
    )
    files = count_files(records)
    print(f"\n{ideas}-idea portfolio, ms a file (wall / CPU), best of {runs}")
    rows = (
        (f"check-jsonschema, idea schema, {len(idea_files)} files", theirs, len(idea_files)),
        (f"portfolio validate, every rule, {files} files", ours, files),
    )
    for name, t, count in rows:
        print(f"{name:44} {t.wall / count * 1000:6.3f} / {t.cpu / count * 1000:6.3f}")
    wall_ratio = (theirs.wall / len(idea_files)) / (ours.wall / files)
    cpu_ratio = (theirs.cpu / len(idea_files)) / (ours.cpu / files)
    print(
        f"{'ratio check-jsonschema / ours':44} {wall_ratio:6.1f}x / {cpu_ratio:5.1f}x  (target >= 10)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--ideas", type=int, default=10_000)
    parser.add_argument("--compare", type=int, default=1_000)
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        floor_vs_validate(Path(tmp), args.ideas, args.runs)
        against_check_jsonschema(Path(tmp), args.compare, args.runs)


if __name__ == "__main__":
    main()
