"""A strict MkDocs build into a fresh folder that replaces the site only when it succeeds."""

from __future__ import annotations

import importlib.util
import logging
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException

from generator.engine.incremental import warm_guide
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


def _page_in_trouble(error: BaseException) -> str | None:
    """The source file of the page MkDocs was handling when ``error`` was raised, if any."""
    traceback = error.__traceback__
    found = None
    while traceback is not None:
        page = traceback.tb_frame.f_locals.get("page")
        source = getattr(getattr(page, "file", None), "src_uri", None)
        if isinstance(source, str):
            found = source
        traceback = traceback.tb_next
    return found


def _engine_failure(error: BaseException, messages: list[str]) -> str:
    """A failure of MkDocs or a plugin, described without a traceback."""
    source = _page_in_trouble(error)
    where = f" while building the page from content/{source}" if source else ""
    reason = str(error) or type(error).__name__
    return "\n".join([*messages, f"{type(error).__name__}{where}: {reason}"])


def remove_stale_staging(site_dir: Path) -> None:
    """Remove the temporary folders of builds that were killed before they could clean up."""
    for stale in site_dir.parent.glob(f".{site_dir.name}-new-*"):
        if stale.is_dir() and not stale.is_symlink():
            shutil.rmtree(stale, ignore_errors=True)


ENGINES = ("mkdocs", "zensical")
"""`mkdocs`: MkDocs with our plugin. `zensical`: Zensical, from the pages `guide export` writes."""


def build_site(config_file: Path, site_dir: Path, engine: str = "mkdocs") -> None:
    """Validate, build strictly into a temporary sibling of ``site_dir``, then swap it in."""
    site_dir = site_dir.resolve()
    try:
        config = load_config(config_file=str(config_file), site_dir=str(site_dir), strict=True)
    except MkDocsException as error:
        raise BuildFailed(str(error)) from None
    except Exception as error:  # a broken config is reported, never a traceback
        raise BuildFailed(f"{config_file}: {type(error).__name__}: {error}") from None
    warm = warm_guide(Path(config.docs_dir), directory_urls=config.use_directory_urls)
    warm.one_off = True
    problems = warm.prepare().problems
    if problems:
        raise ContentInvalid(problems)
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_staging(site_dir)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-new-", dir=site_dir.parent))
    config.site_dir = str(staging)
    try:
        if engine == "zensical":
            _swap(_run_zensical(config_file, staging), site_dir)
        else:
            _run_engine(config)
            _swap(staging, site_dir)
    finally:
        warm.forget_prepared()
        shutil.rmtree(staging, ignore_errors=True)


def _run_zensical(config_file: Path, staging: Path) -> Path:
    """Zensical's strict build of the exported guide; the built site, inside ``staging``.

    The export goes to a scratch folder outside the project, as `guide export` requires."""
    from generator.engine.export import export_site

    if importlib.util.find_spec("zensical") is None:
        raise BuildFailed("Zensical is not installed: `make site-zensical` installs it")
    with tempfile.TemporaryDirectory(prefix="guide-zensical-") as scratch:
        project = Path(scratch) / "export"
        problems, _ = export_site(config_file, project)
        if problems:
            raise ContentInvalid(problems)
        result = subprocess.run(
            [sys.executable, "-m", "zensical", "build", "--strict"],
            cwd=project,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            # Zensical reports a failure as a Python traceback: its last line says what failed.
            said = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
            raise BuildFailed(f"Zensical: {said[-1] if said else 'the build failed'}")
        built = staging / "site"
        shutil.copytree(project / "site", built)
    return built


def _run_engine(config: MkDocsConfig) -> None:
    """MkDocs' strict build; any failure of it or of a plugin becomes a BuildFailed."""
    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    try:
        build(config)
    except (MkDocsException, OSError) as error:
        raise BuildFailed("\n".join([*collect.messages, str(error)])) from None
    except Exception as error:  # an engine failure is reported, not a traceback
        raise BuildFailed(_engine_failure(error, collect.messages)) from None
    finally:
        logger.removeHandler(collect)


def _swap(staging: Path, site_dir: Path) -> None:
    retired = site_dir.with_name(f".{site_dir.name}-old")
    shutil.rmtree(retired, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(retired)
    staging.rename(site_dir)
    shutil.rmtree(retired, ignore_errors=True)
