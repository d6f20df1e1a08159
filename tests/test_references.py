"""A reader can look up every source: numbered references on each citing page, a References
page listing who cites what, and guide pages citing in their front matter."""

from __future__ import annotations

from pathlib import Path

from generator.engine.build import build_site
from generator.pipeline import build

GUIDE_PAGE = """---
title: Hips for runners
sources:
  - source: coach-2021-bridges
    supports: Bridges are taught with the ribs down.
  - source: example-2020-hips
    supports: Side-hip work keeps the pelvis level.
  - source: coach-2021-bridges
    supports: Squeeze the glutes at the top.
---

# Hips for runners

Strong hips help.
"""


def test_exercise_page_ends_with_a_numbered_reference_linking_its_doi(content: Path) -> None:
    page = build(content).pages["exercises/clamshell.md"].text
    references = page[page.index("## References") :]
    assert references.startswith(
        "## References\n\n<div markdown data-search-exclude>\n\n"
        "1. Example A, Sample B, et al. Hip strengthening for runners, a review of trials. "
        "*Example Journal of Running*. 2020. [doi:"
    )
    assert "](https://doi.org/10.1000/example.2020.1)\n" in references
    assert "    **Research.** Supports: Side-hip strength work helps keep the pelvis level.\n" in (
        references
    )
    assert "[Every source the guide cites](../references.md)" in references


def test_a_coaching_source_without_doi_links_to_its_address_and_says_it_is_opinion(
    content: Path,
) -> None:
    (content / "guides").mkdir()
    (content / "guides" / "hips.md").write_text(GUIDE_PAGE, encoding="utf-8")
    built = build(content)
    assert built.problems == []
    appendix = built.appendices["guides/hips.md"]
    first = appendix.index("1. Coach C. How I teach the bridge.")
    second = appendix.index("2. Example A, Sample B, et al.")
    assert first < second
    assert "[Read it online](https://example.org/bridges)" in appendix
    assert (
        "**Coaching opinion.** Supports: Bridges are taught with the ribs down. "
        "Squeeze the glutes at the top." in appendix
    )
    assert appendix.count("Coach C.") == 1


def test_references_page_lists_every_source_with_the_pages_that_cite_it(content: Path) -> None:
    (content / "guides").mkdir()
    (content / "guides" / "hips.md").write_text(GUIDE_PAGE, encoding="utf-8")
    page = build(content).pages["references.md"].text
    coach = page.index("Coach C. How I teach the bridge.")
    review = page.index("Example A, Sample B, et al.")
    assert coach < review  # by first author
    cited_by_review = page[review:]
    assert "[Weak hips](problem-areas/weak-hips.md)" in cited_by_review
    assert "[Clamshell](exercises/clamshell.md)" in cited_by_review
    assert "[Hips for runners](guides/hips.md)" in cited_by_review


def test_a_doi_with_parentheses_still_makes_a_working_link(content: Path) -> None:
    source = content / "sources" / "example-2020-hips.yml"
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("10.1000/example.2020.1", "10.1016/S0140-6736(20)1"))
    page = build(content).pages["exercises/clamshell.md"].text
    assert "(https://doi.org/10.1016/S0140-6736%2820%291)" in page


def test_built_guide_page_shows_its_references_at_the_end(guide_dir: Path) -> None:
    (guide_dir / "content" / "guides").mkdir()
    (guide_dir / "content" / "guides" / "hips.md").write_text(GUIDE_PAGE, encoding="utf-8")
    build_site(guide_dir / "mkdocs.yml", guide_dir / "site")
    html = (guide_dir / "site" / "guides" / "hips" / "index.html").read_text(encoding="utf-8")
    body = html.index("Strong hips help.")
    references = html.index('id="references"')
    assert body < references
    assert 'href="https://example.org/bridges"' in html
    assert 'href="../../references/"' in html
