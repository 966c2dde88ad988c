"""`portfolio serve` keeps up: the latest save wins, and the page asked for is built first.

Every job runs when the test says (tests/website/preview.py); a save that arrives while a
job holds the preview's lock runs on a thread of its own, and the test waits for events,
never for time, to decide what happened.
"""

from __future__ import annotations

import stat
import threading
from pathlib import Path
from typing import Any

import pytest

from generator.site.background import Cancelled, Job, ThreadRunner, run_job
from generator.site.build import build_source
from generator.site.live import LiveSite
from generator.site.live_server import LiveServer, site_address
from generator.site.search import index_search
from tests.website.preview import (
    PausingJob,
    StepRunner,
    edit_record,
    in_thread,
    live_site,
    read_page,
)

IDEA = "ideas/renere-luft/idea.yaml"


def test_a_save_while_the_background_work_builds_stops_it_and_shows_at_once(
    live: LiveSite,
) -> None:
    runner = live.runner
    assert isinstance(runner, StepRunner)
    records = live.settings.records_dir
    edit_record(records, IDEA, title="Første udgave")
    live.rebuild()  # the first save: its page at once, the lists in a job
    second_save: list[threading.Thread] = []
    paused, go_on = threading.Event(), threading.Event()

    first = runner.started[0]

    def save_again() -> None:  # at the job's 5th checkpoint: inside its MkDocs build, locked
        edit_record(records, IDEA, title="Anden udgave")
        second_save.append(in_thread(live.rebuild))
        first.job.stopped.wait(60)  # the save cancels the job before it waits for the lock
        paused.set()
        go_on.wait(60)

    assert isinstance(first.job, PausingJob)
    first.job.pause_at, first.job.hook = 5, save_again
    worker = in_thread(lambda: runner.run(first))
    assert paused.wait(60)
    assert first.job.stopped.is_set()  # the save cancelled the job before waiting for the lock
    go_on.set()
    worker.join(60)
    second_save[0].join(60)
    assert first.finished is False  # stopped at the next page, not run to its end
    assert "Anden udgave" in read_page(live, "ideer/renere-luft")
    assert "Renere luft ved skolerne" in read_page(live, "investeringstrin")  # not yet
    runner.run_all()  # the saves pause: the second save's job brings the lists up to date
    assert runner.started[-1].finished is True
    assert "Anden udgave" in read_page(live, "investeringstrin")
    assert "Første udgave" not in read_page(live, "investeringstrin")


def test_a_save_before_the_background_work_starts_means_it_never_does(live: LiveSite) -> None:
    runner = live.runner
    assert isinstance(runner, StepRunner)
    records = live.settings.records_dir
    for title in ("Et", "To", "Tre"):
        edit_record(records, IDEA, title=title)
        live.rebuild()
        assert title in read_page(live, "ideer/renere-luft")
    assert [s.job.stopped.is_set() for s in runner.started] == [True, True, False]
    runner.run_all()
    assert [s.finished for s in runner.started] == [False, False, True]
    assert "Tre" in read_page(live, "investeringstrin")


def test_the_thread_runner_starts_no_job_cancelled_in_its_quiet_spell() -> None:
    ran = threading.Event()
    runner = ThreadRunner()
    job = runner.start(lambda _job: ran.set(), quiet=600)
    job.cancel()  # cuts the quiet spell short: the work never starts
    runner.join(60)
    assert not ran.is_set()
    runner.start(lambda _job: ran.set())
    runner.join(60)
    assert ran.is_set()


def test_a_build_stopped_between_two_pages_is_finished_by_the_next(live: LiveSite) -> None:
    docs = live.source_dir / "docs"
    for name in ("investeringstrin.md", "temaer/index.md"):
        page = docs / name
        page.write_text(page.read_text("utf-8") + "\nTrinene\n", "utf-8")
    job = Job()
    pages: list[int] = []

    def stop_after_one() -> None:
        pages.append(1)
        if len(pages) > 1:
            job.cancel()
        job.checkpoint()

    with pytest.raises(Cancelled):
        build_source(live.source_dir, live.site_dir, strict=False, dirty=True,
                     live=live.templates, checkpoint=stop_after_one)  # fmt: skip
    build_source(live.source_dir, live.site_dir, strict=False, dirty=True, live=live.templates)
    assert "Trinene" in read_page(live, "investeringstrin")
    assert "Trinene" in read_page(live, "temaer")


def test_only_the_pages_named_are_built(live: LiveSite) -> None:
    docs = live.source_dir / "docs"
    for name in ("investeringstrin.md", "temaer/index.md"):
        page = docs / name
        page.write_text(page.read_text("utf-8") + "\nNy linje\n", "utf-8")
    build_source(live.source_dir, live.site_dir, strict=False, dirty=True, live=live.templates,
                 only={"temaer/index.md"})  # fmt: skip
    assert "Ny linje" in read_page(live, "temaer")
    assert "Ny linje" not in read_page(live, "investeringstrin")
    assert 'href="../investeringstrin/"' in read_page(live, "temaer")  # links to it still resolve


def _pagefind_that_hangs(root: Path) -> None:
    binary = root / "node_modules" / ".bin" / "pagefind"
    binary.parent.mkdir(parents=True)
    binary.write_text("#!/bin/sh\nexec sleep 600\n", "utf-8")
    binary.chmod(binary.stat().st_mode | stat.S_IEXEC)


def test_a_save_ends_the_search_index_under_way(tmp_path: Path) -> None:
    _pagefind_that_hangs(tmp_path)
    stop = threading.Event()
    stop.set()
    with pytest.raises(Cancelled):
        index_search(tmp_path / "site", root=tmp_path, stop=stop)


def test_the_first_build_makes_the_page_asked_for_first(tmp_path: Path) -> None:
    told: list[str] = []
    runner = StepRunner()
    live = live_site(tmp_path, runner, told)
    live.start()
    live.ask("temaer/klima/")
    assert not live.ready.is_set()
    assert run_job(runner.started[0].work, runner.started[0].job)
    assert told[:2] == ["Klar: /temaer/klima/", "Alle sider er bygget; søgeindekset bygges."]
    assert live.ready.is_set()
    assert "Renere luft ved skolerne" in read_page(live, "investeringstrin")
    assert (live.site_dir / "data" / "portfolio.json").is_file()


def test_a_page_asked_for_while_the_rest_is_built_goes_first(tmp_path: Path) -> None:
    told: list[str] = []
    runner = StepRunner()
    live = live_site(tmp_path, runner, told)
    # The 12th checkpoint is in the build of the rest: then a browser asks for an idea.
    runner.pause_at, runner.hook = 12, lambda: live.ask("ideer/renere-luft/")
    live.start()
    assert runner.run(runner.started[0])
    assert told[0] == "Klar: /"  # nobody asked at first: the front page
    assert told[1:3] == ["Klar: /ideer/renere-luft/", "Alle sider er bygget; søgeindekset bygges."]


def test_a_page_asked_for_after_its_feed_was_copied_still_goes_first(tmp_path: Path) -> None:
    told: list[str] = []
    runner = StepRunner()
    live = live_site(tmp_path, runner, told)
    feed = live.site_dir / "ideer" / "renere-luft" / "feed.xml"
    page = live.site_dir / "ideer" / "renere-luft" / "index.html"

    def ask_once_its_folder_is_there() -> None:  # at every checkpoint of the first build
        if feed.is_file() and not page.is_file() and not live.asked and len(told) == 1:
            live.ask("ideer/renere-luft/")

    runner.pause_at, runner.hook = 0, ask_once_its_folder_is_there
    live.start()
    assert runner.run(runner.started[0])
    assert told[1:3] == ["Klar: /ideer/renere-luft/", "Alle sider er bygget; søgeindekset bygges."]


def test_a_save_during_the_first_build_starts_it_again(tmp_path: Path) -> None:
    runner = StepRunner()
    live = live_site(tmp_path, runner)
    live.start()
    edit_record(live.settings.records_dir, IDEA, title="Gemt under opstarten")
    live.rebuild()
    runner.run_all()
    assert [s.finished for s in runner.started] == [False, True]
    assert "Gemt under opstarten" in read_page(live, "ideer/renere-luft")


def _request(server: LiveServer, path: str) -> tuple[str, bytes]:
    answer: dict[str, Any] = {}

    def start_response(status: str, headers: list[tuple[str, str]]) -> None:
        answer["status"] = status

    body = b"".join(server.serve_request({"PATH_INFO": path}, start_response))
    return answer["status"], body


def test_the_server_answers_in_danish_for_a_page_still_being_built(tmp_path: Path) -> None:
    live = live_site(tmp_path, StepRunner())
    live.start()
    server = LiveServer(live, "127.0.0.1", 0)
    try:
        status, body = _request(server, "/temaer/klima/")
        assert status.startswith("503")
        text = body.decode("utf-8")
        assert '<html lang="da">' in text and "Siden bygges" in text
        assert "Lige nu kontrolleres posterne." in text
        assert live.asked == {"temaer/klima/"}
    finally:
        server.server_close()


def test_a_request_path_becomes_an_address_under_the_root() -> None:
    assert site_address("/") == ""
    assert site_address("/temaer/klima/") == "temaer/klima/"
    assert site_address("/../../etc/passwd") == "etc/passwd"
    assert site_address("/data/ideer.csv") == "data/ideer.csv"
