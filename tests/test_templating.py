"""Templates compiled in one run are reused by the next, and never by an environment
whose settings would have compiled them differently."""

from __future__ import annotations

from pathlib import Path

import jinja2

from generator.templating import environment

TEMPLATE = "fragments/list_still.html.j2"


def test_a_template_keeps_its_trailing_newline_only_where_its_environment_asks() -> None:
    kept = environment().get_template(TEMPLATE).render(src="a.svg")
    trimmed = environment(keep_trailing_newline=False).get_template(TEMPLATE).render(src="a.svg")
    # Fresh environments read what the two above compiled and kept.
    kept_again = environment().get_template(TEMPLATE).render(src="a.svg")
    trimmed_again = (
        environment(keep_trailing_newline=False).get_template(TEMPLATE).render(src="a.svg")
    )
    assert kept.endswith("\n") and not trimmed.endswith("\n")
    assert (kept_again, trimmed_again) == (kept, trimmed)


def test_an_edited_template_is_compiled_again(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    page = folder / "page.j2"
    page.write_text("first {{ x }}\n")
    loader = jinja2.FileSystemLoader(folder)
    assert environment(loader=loader).get_template("page.j2").render(x=1) == "first 1\n"
    page.write_text("second {{ x }}\n")
    assert environment(loader=loader).get_template("page.j2").render(x=1) == "second 1\n"
