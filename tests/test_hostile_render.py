"""Whatever text reaches the templates, the published HTML carries no markup or script from it.

Validation already refuses HTML, script links and Markdown structure in content; these tests
go around it and hand hostile text straight to the renderer, so the escaping holds on its own.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import types
from html.parser import HTMLParser
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import yaml
from conftest import REPO
from mkdocs.utils.yaml import yaml_load
from pydantic import BaseModel

from generator.guide import Guide
from generator.pipeline import check
from generator.render import render

PAYLOAD = (
    ' <script>alert("x")</script> <img src=x onerror=alert(1)> [click](javascript:alert(1))'
    ' <a href="javascript:alert(1)">a</a> {: onclick="alert(1)" } | cell `code`'
)


def is_reference(pattern: str | None) -> bool:
    """Ids and links are matched against a pattern of their own and are never prose."""
    return pattern is not None and ("https" in pattern or pattern.startswith("^[a-z0-9]"))


def is_free_text(annotation: Any) -> bool:
    """True for plain text fields; ids, links and fixed choices keep their values."""
    origin = get_origin(annotation)
    if origin is Literal:
        return False
    if origin in (list, Union, types.UnionType):
        return any(is_free_text(a) for a in get_args(annotation) if a is not type(None))
    if origin is Annotated:
        base, *metadata = get_args(annotation)
        if any(is_reference(getattr(m, "pattern", None)) for m in metadata):
            return False
        return is_free_text(base)
    return annotation is str


def poison(entry: BaseModel) -> BaseModel:
    """A copy of ``entry`` with the payload appended to every free-text value, however deep."""
    update: dict[str, Any] = {}
    for name, field in type(entry).model_fields.items():
        value = getattr(entry, name)
        if isinstance(value, BaseModel):
            update[name] = poison(value)
        elif isinstance(value, list) and value and isinstance(value[0], BaseModel):
            update[name] = [poison(item) for item in value]
        elif is_free_text(field.annotation) and not any(
            is_reference(getattr(m, "pattern", None)) for m in field.metadata
        ):
            if isinstance(value, str):
                update[name] = value + PAYLOAD
            elif isinstance(value, list):
                update[name] = [item + PAYLOAD for item in value]
    return entry.model_copy(update=update)


def poisoned_guide(guide: Guide) -> Guide:
    def each(table: dict[str, Any]) -> dict[str, Any]:
        return {key: poison(entry) for key, entry in table.items()}

    poisoned = ("exercises", "routines", "problem-areas", "patterns", "muscles", "equipment")
    drawn = ("body-map", "skeleton", "props")
    return Guide(
        entries={
            **{kind: each(guide.of(kind)) for kind in (*poisoned, "sources")},
            **{kind: guide.of(kind) for kind in drawn},
        },
        cited_pages={key: poison(page) for key, page in guide.cited_pages.items()},  # type: ignore[misc]
        sources=guide.sources,
    )


class Audit(HTMLParser):
    """Collects every element or attribute through which a payload could act."""

    def __init__(self) -> None:
        super().__init__()
        self.findings: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on"):
                self.findings.append(f"<{tag} {name}=...>")
            if name in ("href", "src") and value and value.strip().lower().startswith("javascript"):
                self.findings.append(f"<{tag} {name}={value}>")
        if tag in ("img", "iframe", "object", "embed") and any(v == "x" for _, v in attrs):
            self.findings.append(f"<{tag}> from content")
        self.in_script = tag == "script"

    def handle_data(self, data: str) -> None:
        if self.in_script and "alert(" in data:
            self.findings.append("<script> from content")

    def handle_endtag(self, tag: str) -> None:
        self.in_script = False


def test_every_field_with_markup_renders_as_plain_text(tmp_path: Path) -> None:
    guide, problems = check(REPO / "tests" / "fixtures" / "minimal" / "content")
    assert problems == [] and guide is not None
    pages = render(poisoned_guide(guide))
    docs = tmp_path / "docs"
    shutil.copytree(REPO / "tests" / "fixtures" / "minimal" / "content", docs)
    for path, page in pages.items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(page.text, encoding="utf-8")
    config = yaml_load((REPO / "mkdocs.yml").read_text())
    config.update(docs_dir=str(docs), site_dir=str(tmp_path / "site"), plugins=["search"])
    config.pop("nav")
    config["theme"].pop("custom_dir")
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config))
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(tmp_path / "mkdocs.yml")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr

    findings: dict[str, list[str]] = {}
    pages_with_payload = 0
    for html in sorted((tmp_path / "site").rglob("*.html")):
        text = html.read_text(encoding="utf-8")
        audit = Audit()
        audit.feed(text)
        if audit.findings:
            findings[html.relative_to(tmp_path).as_posix()] = audit.findings
        pages_with_payload += "&lt;script&gt;alert" in text
    assert findings == {}
    assert pages_with_payload >= len([path for path in pages if path.endswith(".md")])
