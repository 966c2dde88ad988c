"""The package declares what it needs: installed alone into a new virtual environment, with
only the dependencies pyproject.toml names (at the lock file's versions), it builds the site."""

from __future__ import annotations

import re
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from tests.conftest import RECORDS_TODAY, REPO

PINNED = re.compile(r"^([A-Za-z0-9_.-]+==[^\s;\\]+)", re.MULTILINE)


def run(*args: str | Path, cwd: Path) -> str:
    done = subprocess.run(
        [str(a) for a in args], cwd=cwd, capture_output=True, text=True, timeout=600, check=False
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-4000:]
    return done.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new virtual environment with `pip install .` and nothing else; its bin folder."""
    root = tmp_path_factory.mktemp("package")
    constraints = root / "constraints.txt"
    lock = (REPO / "requirements.lock").read_text("utf-8")
    constraints.write_text("\n".join(PINNED.findall(lock)) + "\n", encoding="utf-8")
    venv.create(root / "venv", with_pip=True)
    bin_dir = root / "venv" / "bin"
    pip = ("-m", "pip", "install", "--quiet", "--disable-pip-version-check")
    run(bin_dir / "python", *pip, "-c", constraints, REPO, cwd=root)
    return bin_dir


def test_the_installed_package_is_the_one_that_runs(installed: Path, tmp_path: Path) -> None:
    where = run(
        installed / "python", "-c", "import generator; print(generator.__file__)", cwd=tmp_path
    )
    assert "site-packages" in where, where
    assert sys.prefix not in where


def test_the_installed_package_builds_the_site(installed: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    run(installed / "portfolio", "build", "--site-dir", site, "--today", RECORDS_TODAY, cwd=REPO)
    assert (site / "index.html").is_file()
    assert (site / "data" / "portefoelje.xlsx").is_file()  # openpyxl came with the package
    assert (site / "pagefind" / "pagefind.js").is_file()
