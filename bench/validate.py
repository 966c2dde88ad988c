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
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""
BIN = Path(sys.executable).parent


def timed(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident MiB of one child process."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", PEAK, *command], check=True, capture_output=True, text=True
    )
    seconds = time.perf_counter() - start
    return seconds, int(done.stdout.split()[-1]) / 1024


def best_of(runs: int, command: list[str]) -> tuple[float, float]:
    results = [timed(command) for _ in range(runs)]
    return min(r[0] for r in results), max(r[1] for r in results)


def count_files(records: Path) -> int:
    return sum(1 for _ in records.rglob("*.yaml"))


def validate_command(records: Path) -> list[str]:
    return [str(BIN / "portfolio"), "validate", "--records", str(records), "--today", "2026-11-22"]


def floor_vs_validate(work: Path, ideas: int, runs: int) -> None:
    records = write_portfolio(work / f"p{ideas}", ideas, broken=3)
    files = count_files(records)
    floor_s, floor_mb = best_of(runs, [sys.executable, "-c", FLOOR, str(records)])
    ours_s, ours_mb = best_of(runs, validate_command(records))
    print(f"portfolio: {ideas} ideas, {files} files (3 ideas broken on purpose)")
    print(f"floor (walk + read + CSafeLoader): {floor_s:7.2f} s   peak {floor_mb:6.0f} MiB")
    print(f"portfolio validate:                {ours_s:7.2f} s   peak {ours_mb:6.0f} MiB")
    print(f"ratio validate / floor:            {ours_s / floor_s:7.2f}    (target <= 1.50)")


def against_check_jsonschema(work: Path, ideas: int, runs: int) -> None:
    records = write_portfolio(work / f"c{ideas}", ideas)
    idea_files = sorted(str(p) for p in records.glob("ideas/*/idea.yaml"))
    schema = str(records.parent / "schemas" / "idea.schema.json")
    theirs_s, _ = best_of(
        runs, [str(BIN / "check-jsonschema"), "--schemafile", schema, *idea_files]
    )
    ours_s, _ = best_of(runs, validate_command(records))
    files = count_files(records)
    theirs = theirs_s / len(idea_files) * 1000
    ours = ours_s / files * 1000
    print(
        f"\ncheck-jsonschema, idea schema only, {len(idea_files)} idea files: {theirs_s:6.2f} s"
        f" = {theirs:6.3f} ms a file"
    )
    print(
        f"portfolio validate, every rule, {files} files:           {ours_s:6.2f} s"
        f" = {ours:6.3f} ms a file"
    )
    print(
        f"ratio per file check-jsonschema / ours:                 {theirs / ours:6.1f}x   (target >= 10)"
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
