"""The `guide` command: check the content, build the site."""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import click

from generator import report, schemas
from generator.authoring.diff import (
    RevisionUnavailable,
    compare,
    compare_media,
    describe,
    extract_content,
)
from generator.authoring.field_reference import with_field_reference
from generator.authoring.importers.free_exercise_db import import_summary, plan_import
from generator.authoring.scaffold import Draft, ScaffoldRefused, new_exercise, new_routine
from generator.checks.suggestions import suggest
from generator.engine.build import ENGINES, BuildFailed, ContentInvalid, build_site
from generator.engine.export import export_site
from generator.engine.export_target import ExportRefused
from generator.pipeline import check as check_content
from generator.poses.draw import contact_sheet_page, preview_page
from generator.poses.report import contact_report
from generator.problems import Problem
from generator.render import render

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
    elif fmt == "summary":
        click.echo(report.summary(problems))
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
    help="human for people, github for pull-request annotations, json for tools, "
    "summary for problems grouped by message with counts.",
)
@click.option(
    "--summary",
    "as_summary",
    is_flag=True,
    help="Same as --format summary: group problems by message, for bulk changes.",
)
@click.option(
    "--reviewed-only",
    is_flag=True,
    help="Refuse drafts: every exercise must be complete, as when a draft is promoted.",
)
def check(content_root: Path, fmt: str, as_summary: bool, reviewed_only: bool) -> None:
    """Validate every content file and report all problems at once."""
    fmt = "summary" if as_summary else fmt
    guide, problems = check_content(content_root, reviewed_only=reviewed_only)
    if problems:
        _report(problems, fmt)
        sys.exit(1)
    assert guide is not None
    if fmt == "json":
        click.echo("[]")
    elif fmt in ("human", "summary"):
        click.echo("\n".join(report.valid_summary(guide)))


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
@click.option(
    "--engine",
    type=click.Choice(ENGINES),
    default="mkdocs",
    show_default=True,
    help="mkdocs: MkDocs with the guide's plugin; zensical: Zensical, from `guide export`.",
)
def build(config_file: Path, site_dir: Path, engine: str) -> None:
    """Validate, then build the site strictly; site/ is replaced only on success."""
    try:
        build_site(config_file, site_dir, engine)
    except ContentInvalid as invalid:
        _report(invalid.problems, "human")
        click.echo("build stopped; the existing site was left as it was", err=True)
        sys.exit(1)
    except BuildFailed as failure:
        details = report.printable_lines(str(failure))
        click.echo(f"build failed; the existing site was left as it was\n{details}", err=True)
        sys.exit(1)
    click.echo(f"built the guide into {site_dir}")


@main.command("export")
@click.argument("target", type=click.Path(path_type=Path))
@click.option(
    "--config-file",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    default=Path("mkdocs.yml"),
    show_default=True,
)
def export_command(target: Path, config_file: Path) -> None:
    """Write the guide's pages and a plugin-free config for any engine reading mkdocs.yml.

    TARGET must be a new or empty folder outside the content, the theme and the project's
    sources, or a folder an earlier export wrote (it is then replaced).
    """
    shown = report.printable(target.as_posix())
    try:
        problems, kept = export_site(config_file, target, shown)
    except ExportRefused as refused:
        click.echo(f"not exported: {report.printable(str(refused))}", err=True)
        sys.exit(1)
    except OSError as error:
        click.echo(f"not exported: {report.printable(str(error))}", err=True)
        sys.exit(1)
    if problems:
        _report(problems, "human")
        sys.exit(1)
    if kept is not None:
        click.echo(f"files that appeared in {shown} during the export were kept in {kept}")
    click.echo(
        f"wrote {target}/docs and {target}/mkdocs.yml; build with: mkdocs build -f "
        f"{target}/mkdocs.yml"
    )


@main.command()
@click.argument("exercise")
@CONTENT
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Where to write the page (default: EXERCISE-pose.html).",
)
def pose(exercise: str, content_root: Path, out: Path | None) -> None:
    """Write one exercise's illustration to an HTML page to open in a browser, and say
    what each pose rests on and whether its declared contacts touch."""
    guide, problems = check_content(content_root)
    if problems:
        _report(problems, "human")
        sys.exit(1)
    assert guide is not None
    if exercise not in guide.exercises:
        hint = suggest(exercise, sorted(guide.exercises))
        click.echo(f"unknown exercise '{exercise}'{hint}", err=True)
        sys.exit(1)
    page = preview_page(guide, exercise)
    if page is None:
        click.echo(
            f"'{exercise}' has no illustration yet; add an 'illustration:' block "
            "(see CONTRIBUTING.md, 'Posing the figure')",
            err=True,
        )
        sys.exit(1)
    target = out or Path(f"{exercise}-pose.html")
    target.write_text(page, encoding="utf-8")
    for line in contact_report(guide, exercise):
        click.echo(line)
    click.echo(f"wrote {target}")


@main.command("contact-sheet")
@CONTENT
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("contact-sheet.html"),
    show_default=True,
    help="Where to write the page.",
)
def contact_sheet(content_root: Path, out: Path) -> None:
    """Write one page with every exercise's start and end poses, to look at them all."""
    guide, problems = check_content(content_root)
    if problems:
        _report(problems, "human")
        sys.exit(1)
    assert guide is not None
    out.write_text(contact_sheet_page(guide), encoding="utf-8")
    click.echo(f"wrote {out}")


@main.group()
def new() -> None:
    """Start a new content file from a valid, commented template."""


def _write_draft(make: Callable[[], Draft]) -> None:
    try:
        draft = make()
    except ScaffoldRefused as refused:
        click.echo(f"not created: {report.printable(str(refused))}", err=True)
        sys.exit(1)
    try:
        draft.write()
    except OSError as error:
        click.echo(f"not created: {report.printable(str(error))}", err=True)
        sys.exit(1)
    click.echo(f"created {draft.path.as_posix()}: fill it in, then run `guide check`")


@new.command("exercise")
@click.argument("name")
@click.option("--pattern", required=True, help="Movement pattern or category id, e.g. hinge.")
@CONTENT
def new_exercise_command(name: str, pattern: str, content_root: Path) -> None:
    """Create content/exercises/<id>.yml for NAME."""
    _write_draft(lambda: new_exercise(content_root, name, pattern))


@new.command("routine")
@click.argument("name")
@click.option("--exercise", "exercises", multiple=True, help="Exercise id to include; repeat.")
@click.option("--when", help="When it is done (default: the first every exercise fits).")
@CONTENT
def new_routine_command(
    name: str, exercises: tuple[str, ...], when: str | None, content_root: Path
) -> None:
    """Create content/routines/<id>.yml for NAME."""
    _write_draft(lambda: new_routine(content_root, name, list(exercises), when))


@main.group("import")
def import_group() -> None:
    """Bring an open dataset into the guide as drafts with their origin."""


@import_group.command("free-exercise-db")
@click.argument("dataset", type=click.Path(exists=True, path_type=Path))
@CONTENT
@click.option("--dry-run", is_flag=True, help="Report what would change; write nothing.")
def import_free_exercise_db(dataset: Path, content_root: Path, dry_run: bool) -> None:
    """Import DATASET (exercises.json, or the folder of exercise files) as drafts.

    Each draft passes `guide check` before it is written; an exercise whose draft would not
    is listed with the reason and left out, and the command then exits 1.
    """
    plan = plan_import(content_root, dataset)
    if plan.problems:
        _report(plan.problems, "human")
        click.echo("nothing was imported", err=True)
        sys.exit(1)
    if not dry_run:
        plan.write()
    if plan.refused:
        _report(plan.refused, "human")
    click.echo("\n".join(import_summary(plan, dry_run=dry_run)))
    if plan.refused:
        sys.exit(1)


@main.command("schema")
@click.option("--check", "check_only", is_flag=True, help="Fail if the files are out of date.")
@click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="Repository root holding schemas/ and CONTRIBUTING.md.",
)
def schema_command(check_only: bool, root: Path) -> None:
    """Regenerate schemas/*.json and the field reference in CONTRIBUTING.md."""
    wanted = {
        root / schemas.SCHEMA_DIR / name: text for name, text in schemas.json_schemas().items()
    }
    contributing = root / "CONTRIBUTING.md"
    wanted[contributing] = with_field_reference(contributing.read_text(encoding="utf-8"))
    stale = [
        path
        for path, text in wanted.items()
        if not path.is_file() or path.read_text(encoding="utf-8") != text
    ]
    if check_only:
        for path in stale:
            click.echo(f"{path.as_posix()} is out of date with generator/model/")
        if stale:
            click.echo("run `guide schema` and commit the result", err=True)
            sys.exit(1)
        return
    for path in stale:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(wanted[path], encoding="utf-8")
        click.echo(f"wrote {path.as_posix()}")


@main.command("diff")
@click.argument("base", default="origin/main")
@CONTENT
def diff_command(base: str, content_root: Path) -> None:
    """Show what the working tree changes in the guide compared with BASE (a git revision)."""
    new_guide, problems = check_content(content_root)
    if new_guide is None:
        _report(problems, "human")
        sys.exit(1)
    with tempfile.TemporaryDirectory() as scratch:
        try:
            old_root = extract_content(Path("."), base, Path(scratch))
        except RevisionUnavailable as missing:
            click.echo(f"guide diff: {report.printable(str(missing))}", err=True)
            sys.exit(1)
        old_guide, _ = check_content(old_root)
        if old_guide is None:
            click.echo(
                f"the content at {report.printable(base)} does not pass the check; "
                "comparing is not possible"
            )
            sys.exit(1)
        media = compare_media(old_root, content_root, new_guide)
    change = compare(old_guide, new_guide, render(old_guide), render(new_guide), media)
    click.echo("\n".join(report.printable(line) for line in describe(change)))


if __name__ == "__main__":
    main()
