"""Benchmark of the site build on a synthetic portfolio (`make bench-build`).

    python -m bench.build [--ideas 1000] [--runs 5] [--saves 10] [--big 10000] [--keep DIR]

Prints, for --ideas ideas, each goal with its figure:
- `portfolio build` stage by stage (validation, render, writing the source's own files, the
  engine's build with the generated pages from memory, the search index) and what it costs
  beyond its engine: the build's time less a bare `mkdocs build` of the same rendered
  source, as a share of that bare build, in the same round (goal <= 0.25);
- the bare engines on the same rendered source, as `portfolio render --out` writes it:
  `mkdocs build`, and Zensical cold (its cache cleaned) and cached (built again unchanged);
- `portfolio serve`: seconds to its first page (goal <= 5 s), and from each save to the
  saved idea's page, saves 1.5 s apart (goal: median <= 1 s, max <= 2 s).
With --big N it also builds N ideas once. Each build runs in a fresh child process, so
memory is its own; builds of each kind alternate, so a slow spell of the shared machine
hits them alike, and the load average says how busy it was.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import verdict
from bench.serve import measure_preview
from bench.synthetic import write_portfolio

REPO = Path(__file__).resolve().parent.parent
TODAY = "2030-01-01"  # after every synthetic decision
STAGES = {
    "validate": "validation",
    "render": "render",
    "write": "writing the source's own files",
    "engine": "MkDocs (the generated pages from memory)",
    "index": "search index (what is left after the engine)",
}
OVERHEAD_GOAL = 0.25


def _child_result(started: float, **extra: float) -> None:
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = {
        "seconds": time.perf_counter() - started,
        "cpu": time.process_time(),
        "peak_mb": peak_kib / 1024,
        **extra,
    }
    print(json.dumps(result))


def child_portfolio(root: Path) -> None:
    """What `portfolio build` does (build_site's steps), each stage timed."""
    from generator.pipeline import check_portfolio  # noqa: PLC0415
    from generator.render import SiteContent  # noqa: PLC0415
    from generator.settings import Settings  # noqa: PLC0415
    from generator.site.build import build_source, rendered_later  # noqa: PLC0415
    from generator.site.index_stream import StreamedIndex  # noqa: PLC0415
    from generator.site.source import site_source, write_source  # noqa: PLC0415
    from generator.site_config import SiteOptions, read_site_config  # noqa: PLC0415

    stages: dict[str, float] = {}
    started = last = time.perf_counter()
    last_cpu = time.process_time()

    def lap(stage: str) -> None:
        nonlocal last, last_cpu
        now, now_cpu = time.perf_counter(), time.process_time()
        stages[stage], last = now - last, now
        stages[f"{stage}_cpu"], last_cpu = now_cpu - last_cpu, now_cpu

    settings = Settings.for_day(root / "records", TODAY)
    checked = check_portfolio(settings)
    lap("validate")
    config_file = REPO / "mkdocs.yml"
    options = SiteOptions.of(read_site_config(config_file))
    content = rendered_later(checked, settings, options)  # the files go on on the second core
    lap("render")
    with tempfile.TemporaryDirectory(prefix="portfolio-source-") as scratch:
        write_source(Path(scratch), site_source(config_file, checked.portfolio, SiteContent()))
        lap("write")
        with StreamedIndex(root / "site", REPO) as index:  # Pagefind starts beside MkDocs
            build_source(Path(scratch), root / "site", strict=True, index=index, generated=content)
            lap("engine")  # with each page handed to Pagefind as it is converted
            files_cpu = _children_cpu()  # the files' child has ended, Pagefind not yet
        lap("index")  # what is left of writing the index once MkDocs is done
    _child_result(started, files_cpu=files_cpu, **stages)


def _children_cpu() -> float:
    """CPU seconds of this process's children that have ended."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def child_mkdocs(config_file: Path) -> None:
    """A bare `mkdocs build` of a rendered source already on disk."""
    from mkdocs.commands.build import build  # noqa: PLC0415
    from mkdocs.config import load_config  # noqa: PLC0415

    started = time.perf_counter()
    build(load_config(config_file=str(config_file), site_dir=str(config_file.parent / "site")))
    _child_result(started)


def write_bare_site(root: Path) -> Path:
    """The rendered source, as `portfolio render --out` writes it; returns its mkdocs.yml."""
    from generator.pipeline import check_portfolio  # noqa: PLC0415
    from generator.settings import Settings  # noqa: PLC0415
    from generator.site.build import render_source  # noqa: PLC0415

    settings = Settings(records_dir=root / "records", today=TODAY)
    render_source(check_portfolio(settings), settings, REPO / "mkdocs.yml", root / "bare")
    return root / "bare" / "mkdocs.yml"


def run_child(*args: str) -> dict[str, float]:
    """Run this module in child mode and read its one JSON line."""
    result = subprocess.run(
        [sys.executable, "-m", "bench.build", "--child", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    if result.returncode != 0:
        raise SystemExit(f"child {args} failed:\n{result.stdout}\n{result.stderr}")
    parsed: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    return parsed


def zensical(config_file: Path, *, clean: bool) -> float:
    """Seconds of Zensical's build of the rendered source: cold (its cache cleaned) or cached."""
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "zensical", "build", "--config-file", str(config_file),
         *(["--clean"] if clean else [])],
        cwd=config_file.parent, capture_output=True, check=True,
    )  # fmt: skip
    return time.perf_counter() - started


def _best(runs: list[dict[str, float]], key: str) -> float:
    return min(run[key] for run in runs)


def _median(runs: list[dict[str, float]], key: str) -> float:
    return statistics.median(run[key] for run in runs)


def _overhead(run: dict[str, float], bare: dict[str, float], key: str = "seconds") -> float:
    """What a build costs beyond its engine: its time less the bare engine's build of the
    same rendered source, as a share of that bare build."""
    return (run[key] - bare[key]) / bare[key]


def report_builds(ideas: int, built: list[dict[str, float]], bare: list[dict[str, float]],
                  cold: list[float], cached: list[float]) -> None:  # fmt: skip
    print(f"{ideas} ideas, {len(built)} runs each (best, median);"
          f" load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")  # fmt: skip
    print(f"  portfolio build: {_best(built, 'seconds'):.1f} s, {_median(built, 'seconds'):.1f} s,"
          f" peak memory {_best(built, 'peak_mb'):.0f} MB; median by stage:")  # fmt: skip
    print(
        "    " + " · ".join(f"{name} {_median(built, key):.2f} s" for key, name in STAGES.items())
    )
    shares = sorted(_overhead(run, engine) for run, engine in zip(built, bare, strict=True))
    median = statistics.median(shares)
    print(
        f"    beyond the engine: {median:.2f} of a bare mkdocs build of the same source (median;"
        f" best {shares[0]:.2f}), goal <= {OVERHEAD_GOAL}: {verdict(median <= OVERHEAD_GOAL)}"
    )
    stage_sums = statistics.median(
        sum(run[key] for key in STAGES if key != "engine") / run["engine"] for run in built
    )
    print(
        f"    the stages beyond the engine summed: {stage_sums:.2f} of the build's own engine"
        " stage (median)"
    )
    cpu = statistics.median(
        _overhead(run, engine, "cpu") for run, engine in zip(built, bare, strict=True)
    )
    by_stage = " · ".join(
        f"{name} {_median(built, key + '_cpu'):.2f}" for key, name in STAGES.items()
    )
    print(
        f"    CPU seconds of the build's own process (the others' load hardly moves them): {by_stage}"
    )
    print(f"    beyond the engine in those: {cpu:.2f} of it (the files' child and Pagefind work on"
          " the second core)")  # fmt: skip
    print(f"    on the second core, beside the render and the engine: the files' child"
          f" {_median(built, 'files_cpu'):.2f} CPU seconds, and Pagefind indexing each page as"
          " it is converted")  # fmt: skip
    mkdocs = _median(bare, "seconds")
    print("  bare engines on the same rendered source (median):")
    print(
        f"    mkdocs build {mkdocs:.1f} s ({_median(bare, 'cpu'):.1f} CPU seconds),"
        f" peak memory {_best(bare, 'peak_mb'):.0f} MB"
    )
    print(f"    zensical build, cold: {statistics.median(cold):.1f} s"
          f" ({statistics.median(cold) / mkdocs:.2f} x mkdocs);"
          f" cached: {statistics.median(cached):.1f} s"
          f" ({statistics.median(cached) / mkdocs:.2f} x mkdocs)")  # fmt: skip


def benchmark(ideas: int, runs: int, saves: int, workdir: Path) -> None:
    root = workdir / f"n{ideas}"
    write_portfolio(root, ideas)
    bare_config = write_bare_site(root)
    built: list[dict[str, float]] = []
    bare: list[dict[str, float]] = []
    cold: list[float] = []
    cached: list[float] = []
    for _ in range(runs):
        built.append(run_child("portfolio", str(root)))
        bare.append(run_child("mkdocs", str(bare_config)))
        cold.append(zensical(bare_config, clean=True))
        cached.append(zensical(bare_config, clean=False))
    if runs:
        report_builds(ideas, built, bare, cold, cached)
    if saves:
        preview = measure_preview(root, TODAY, saves)
        latencies = sorted(preview.saves)
        median = statistics.median(latencies)
        print(f"  portfolio serve: first page after {preview.first_page:.1f} s"
              f" (goal <= 5 s: {verdict(preview.first_page <= 5)}),"
              f" every page and the search index after {preview.all_pages:.1f} s")  # fmt: skip
        print(f"    save to its page, {saves} saves 1.5 s apart: median {median:.2f} s,"
              f" max {latencies[-1]:.2f} s (goal median <= 1 s, max <= 2 s:"
              f" {verdict(median <= 1 and latencies[-1] <= 2)})")  # fmt: skip
        spaced = statistics.median(preview.spaced)
        print(f"    baseline, {len(preview.spaced)} saves each after the last caught up:"
              f" median {spaced:.2f} s;"
              f" saves 1.5 s apart take {median / spaced:.2f} x that")  # fmt: skip
    print(f"  load average after the run: {os.getloadavg()[0]:.1f}")


def benchmark_big(ideas: int, workdir: Path) -> None:
    root = workdir / f"n{ideas}"
    write_portfolio(root, ideas)
    built = run_child("portfolio", str(root))
    print(f"{ideas} ideas")
    print(f"  portfolio build: {built['seconds']:.1f} s"
          f" ({' · '.join(f'{name} {built[key]:.1f} s' for key, name in STAGES.items())}),"
          f" peak memory {built['peak_mb']:.0f} MB")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ideas", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5, help="builds of each kind (0: none)")
    parser.add_argument("--big", type=int, default=0, help="also build this many ideas once")
    parser.add_argument("--saves", type=int, default=10, help="saves to time under serve")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, path = args.child
        (child_portfolio if kind == "portfolio" else child_mkdocs)(Path(path))
        return
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="bench-build-"))
    try:
        benchmark(args.ideas, args.runs, args.saves, workdir)
        if args.big:
            benchmark_big(args.big, workdir)
    finally:
        if args.keep is None:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
