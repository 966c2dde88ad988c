"""Benchmark of the site build on a synthetic portfolio (`make bench-build`).

    python -m bench.build [--ideas 1000] [--runs 3] [--edits 5] [--big 10000] [--keep DIR]

Prints, for --ideas ideas: the time and peak memory of `portfolio build` (validation,
rendering, the MkDocs build and the Pagefind index), of a bare `mkdocs build` of the same
source as `portfolio render --out` writes it, their ratio without the search index (target
<= 1.10), and the time from saving one idea record to its updated page under `portfolio
serve` (target: median <= 2 s). With --big N it also builds N ideas once and prints that
build's time and memory. Each build runs in a fresh child process, so memory is its own.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from bench.synthetic import write_portfolio

REPO = Path(__file__).resolve().parent.parent
TODAY = "2030-01-01"  # after every synthetic decision


def _child_result(started: float, **extra: float) -> None:
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = {"seconds": time.perf_counter() - started, "peak_mb": peak_kib / 1024, **extra}
    print(json.dumps(result))


def child_portfolio(root: Path) -> None:
    """What `portfolio build` does (build_site's steps), timed: validate, render, build, index."""
    from generator.cli_options import make_settings  # noqa: PLC0415
    from generator.pipeline import check_portfolio  # noqa: PLC0415
    from generator.site.build import build_source, render_source  # noqa: PLC0415
    from generator.site.search import index_search  # noqa: PLC0415

    started = time.perf_counter()
    settings = make_settings(root / "records", TODAY)
    checked = check_portfolio(settings)
    validated = time.perf_counter() - started
    with tempfile.TemporaryDirectory(prefix="portfolio-source-") as scratch:
        render_source(checked, settings, REPO / "mkdocs.yml", Path(scratch))
        build_source(Path(scratch), root / "site", strict=True)
    built = time.perf_counter()
    index_search(root / "site", REPO)
    _child_result(started, validate_seconds=validated, index_seconds=time.perf_counter() - built)


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


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _fetch(url: str) -> str:
    with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310
        return str(response.read().decode("utf-8"))
    return ""


def _wait_for(url: str, text: str, deadline: float) -> float:
    """Poll until the page holds the text; the time it took (or the deadline)."""
    started = time.monotonic()
    while time.monotonic() - started < deadline:
        if text in _fetch(url):
            return time.monotonic() - started
        time.sleep(0.02)
    return float("inf")


def _cpu_seconds(pid: int) -> float:
    """CPU time of a process and of the children it has waited for (Pagefind), from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    utime, stime, cutime, cstime = (int(value) for value in fields[11:15])
    return (utime + stime + cutime + cstime) / os.sysconf("SC_CLK_TCK")


def _wait_idle(pid: int, quiet: float = 1.0, deadline: float = 120) -> None:
    """Until the process has used no CPU for `quiet` seconds: its background work is done."""
    started, last, still = time.monotonic(), _cpu_seconds(pid), 0.0
    while still < quiet and time.monotonic() - started < deadline:
        time.sleep(0.25)
        now = _cpu_seconds(pid)
        still = still + 0.25 if now - last < 0.01 else 0.0
        last = now


def measure_serve(root: Path, edits: int) -> list[float]:
    """Save one idea record at a time under `portfolio serve`; seconds until its page shows it."""
    port = _free_port()
    log = (root / "serve.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--records", str(root / "records"),
         "--today", TODAY, "--dev-addr", f"127.0.0.1:{port}"],
        cwd=REPO, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}/"
    try:
        if _wait_for(base, "Innovationsmotoren", 600) == float("inf"):
            raise SystemExit("portfolio serve did not start; see serve.log")
        _wait_idle(server.pid)  # the first build's search index
        latencies = []
        for index in range(edits):
            idea = f"ide-{index * 7:05d}"
            card = root / "records" / "ideas" / idea / "idea.yaml"
            new_title = f"Gemt titel {index}"
            lines = card.read_text("utf-8").splitlines(keepends=True)
            lines = [f"title: {new_title}\n" if ln.startswith("title:") else ln for ln in lines]
            card.write_text("".join(lines), "utf-8")
            latencies.append(_wait_for(f"{base}ideer/{idea}/", new_title, 60))
            _wait_idle(server.pid)  # the background check is done, as between two real saves
        return latencies
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


def _best(runs: list[dict[str, float]], key: str) -> float:
    return min(run[key] for run in runs)


def benchmark(ideas: int, runs: int, edits: int, workdir: Path) -> None:
    """Builds alternate, so that a slow spell of a shared machine hits both alike."""
    root = workdir / f"n{ideas}"
    write_portfolio(root, ideas)
    bare_config = write_bare_site(root)
    built: list[dict[str, float]] = []
    bare: list[dict[str, float]] = []
    for _ in range(runs):
        built.append(run_child("portfolio", str(root)))
        bare.append(run_child("mkdocs", str(bare_config)))
    times = [run["seconds"] for run in built]
    bare_times = [run["seconds"] for run in bare]
    print(f"{ideas} ideas, {runs} runs each (best, median)")
    engine = [run["seconds"] - run["index_seconds"] for run in built]
    print(f"  portfolio build: {min(times):.1f} s, {statistics.median(times):.1f} s"
          f" (validation {_best(built, 'validate_seconds'):.1f} s,"
          f" search index {_best(built, 'index_seconds'):.1f} s),"
          f" peak memory {_best(built, 'peak_mb'):.0f} MB")  # fmt: skip
    print(f"  bare mkdocs build of the rendered source: {min(bare_times):.1f} s,"
          f" {statistics.median(bare_times):.1f} s, peak memory {_best(bare, 'peak_mb'):.0f} MB")  # fmt: skip
    print(f"  ratio without the search index: {min(engine) / min(bare_times):.2f} best,"
          f" {statistics.median(engine) / statistics.median(bare_times):.2f} median"
          " (target <= 1.10)")  # fmt: skip
    if edits:
        latencies = measure_serve(root, edits)
        print(f"  portfolio serve, save to updated page: median {statistics.median(latencies):.2f} s,"
              f" max {max(latencies):.2f} s over {edits} saves (target <= 2 s)")  # fmt: skip


def benchmark_big(ideas: int, workdir: Path) -> None:
    root = workdir / f"n{ideas}"
    write_portfolio(root, ideas)
    built = run_child("portfolio", str(root))
    print(f"{ideas} ideas")
    print(f"  portfolio build: {built['seconds']:.1f} s (validation {built['validate_seconds']:.1f} s),"
          f" peak memory {built['peak_mb']:.0f} MB")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ideas", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3, help="builds of each kind")
    parser.add_argument("--big", type=int, default=0, help="also build this many ideas once")
    parser.add_argument("--edits", type=int, default=5, help="saves to time under serve")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, path = args.child
        (child_portfolio if kind == "portfolio" else child_mkdocs)(Path(path))
        return
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="bench-build-"))
    try:
        benchmark(args.ideas, args.runs, args.edits, workdir)
        if args.big:
            benchmark_big(args.big, workdir)
    finally:
        if args.keep is None:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
