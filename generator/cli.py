"""The `guide` command: check the content, build the site."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from generator import report
from generator.build import BuildFailed, ContentInvalid, build_site
from generator.pipeline import check as check_content
from generator.problems import Problem

CONTENT = click.option(
    "--content",
    "content_root",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("content"),
    show_default=True,
    help="Folder holding the guide's content.",
)


def _report(problems: list[Problem], fmt: str) -> None:
    if fmt == "github":
        click.echo(report.github(problems))
    elif fmt == "json":
        click.echo(report.as_json(problems))
    else:
        click.echo(report.human(problems, colour=sys.stdout.isatty()), color=sys.stdout.isatty())


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """The open strength guide for runners."""


@main.command()
@CONTENT
@click.option(
    "--format",
    "fmt",
    type=click.Choice(report.FORMATS),
    default="human",
    show_default=True,
    help="human for people, github for pull-request annotations, json for tools.",
)
def check(content_root: Path, fmt: str) -> None:
    """Validate every content file and report all problems at once."""
    guide, problems = check_content(content_root)
    if problems:
        _report(problems, fmt)
        sys.exit(1)
    assert guide is not None
    if fmt == "json":
        click.echo("[]")
    elif fmt == "human":
        counts = (
            report.count(len(guide.exercises), "exercise"),
            report.count(len(guide.routines), "routine"),
            report.count(len(guide.problem_areas), "problem area"),
        )
        click.echo(f"content is valid: {', '.join(counts)}")


@main.command()
@click.option(
    "--config-file",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    default=Path("mkdocs.yml"),
    show_default=True,
)
@click.option(
    "--site-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("site"),
    show_default=True,
)
def build(config_file: Path, site_dir: Path) -> None:
    """Validate, then build the site strictly; site/ is replaced only on success."""
    try:
        build_site(config_file, site_dir)
    except ContentInvalid as invalid:
        _report(invalid.problems, "human")
        click.echo("build stopped; the existing site was left as it was", err=True)
        sys.exit(1)
    except BuildFailed as failure:
        click.echo(f"build failed; the existing site was left as it was\n{failure}", err=True)
        sys.exit(1)
    click.echo(f"built the guide into {site_dir}")


if __name__ == "__main__":
    main()
