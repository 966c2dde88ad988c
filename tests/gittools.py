"""Git for the tests: run it in a temporary repository, isolated from the user's configuration."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path


def git(where: Path, *args: str) -> str:
    """Run git in a folder with no user or system configuration, as a fresh machine would."""
    env = {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.dk",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.dk",
    }
    done = subprocess.run(
        ["git", "-C", str(where), *args], capture_output=True, text=True, env=env, check=True
    )
    return done.stdout
