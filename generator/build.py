"""A strict MkDocs build into a fresh folder that replaces the site only when it succeeds."""

from __future__ import annotations

import logging
import shutil
import tempfile
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from generator.pipeline import check
from generator.problems import Problem


class BuildFailed(Exception):
    """The site could not be built; the previous site is untouched."""


class ContentInvalid(Exception):
    """The content has problems, so no build was attempted."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} content problems")
        self.problems = problems


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(f"{record.levelname}: {record.getMessage()}")


def build_site(config_file: Path, site_dir: Path) -> None:
    """Validate, build strictly into a temporary sibling of ``site_dir``, then swap it in."""
    site_dir = site_dir.resolve()
    try:
        config = load_config(config_file=str(config_file), site_dir=str(site_dir), strict=True)
    except MkDocsException as error:
        raise BuildFailed(str(error)) from None
    _, problems = check(Path(config.docs_dir))
    if problems:
        raise ContentInvalid(problems)
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-new-", dir=site_dir.parent))
    config.site_dir = str(staging)
    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    try:
        build(config)
    except (MkDocsException, OSError) as error:
        shutil.rmtree(staging, ignore_errors=True)
        details = "\n".join([*collect.messages, str(error)])
        raise BuildFailed(details) from None
    finally:
        logger.removeHandler(collect)
    retired = site_dir.with_name(f".{site_dir.name}-old")
    shutil.rmtree(retired, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(retired)
    staging.rename(site_dir)
    shutil.rmtree(retired, ignore_errors=True)
