"""Which release of the guide a build is, and the date of its content: stamped on the
published data and the open-data page, and the same for every build of the same commit."""

from __future__ import annotations

import datetime
import os
import subprocess
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

PACKAGE = "runner-strength-guide"


@dataclass(frozen=True)
class Release:
    """The guide's version (from pyproject.toml) and the date its content is from."""

    version: str
    date: datetime.date


def _package_version() -> str:
    try:
        return version(PACKAGE)
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "0+unknown"


def _last_commit(content_root: Path) -> datetime.datetime | None:
    """When the commit that last changed ``content_root`` was made, if it is in git."""
    try:
        result = subprocess.run(
            ["git", "-C", str(content_root), "log", "-1", "--format=%ct", "--", "."],
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:  # git is not installed
        return None
    stamp = result.stdout.strip()
    if result.returncode != 0 or not stamp.isdigit():
        return None
    return datetime.datetime.fromtimestamp(int(stamp), datetime.UTC)


def content_date(content_root: Path | None) -> datetime.date:
    """SOURCE_DATE_EPOCH when set (as for reproducible builds), else the date of the last
    commit that changed the content, else today (UTC), as MkDocs dates its sitemap."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), datetime.UTC).date()
    committed = _last_commit(content_root) if content_root is not None else None
    if committed is not None:
        return committed.date()
    return datetime.datetime.now(datetime.UTC).date()


def release_of(content_root: Path | None) -> Release:
    """The release stamp of a build of ``content_root``."""
    return Release(_package_version(), content_date(content_root))
