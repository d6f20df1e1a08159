"""The core in one call: load, then validate, then render; the CLI and the plugin share it."""

from __future__ import annotations

from pathlib import Path

from generator.export import open_data
from generator.load import load_content
from generator.model import Guide
from generator.problems import Problem, sorted_problems
from generator.render import Page, render, topics
from generator.validate import validate


def check(content_root: Path) -> tuple[Guide | None, list[Problem]]:
    """Load and validate everything under ``content_root``; problems come back sorted."""
    guide, problems = validate(load_content(content_root))
    return guide, sorted_problems(problems)


def build_pages(
    content_root: Path, *, directory_urls: bool = True
) -> tuple[dict[str, Page], list[str], list[Problem]]:
    """The rendered pages and open data files, the topic names pages may be tagged with, or
    every problem."""
    guide, problems = check(content_root)
    if guide is None:
        return {}, [], problems
    pages = {**render(guide, directory_urls=directory_urls), **open_data(guide)}
    return pages, topics(guide), []
