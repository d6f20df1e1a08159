"""The plan builder's page, with the rules it obeys, and the data file its script fetches."""

from __future__ import annotations

import posixpath
from typing import Any

import markupsafe

from generator.kinds import kind_named
from generator.plan.data import DATA_PATH as PLAN_DATA_PATH
from generator.plan.data import plan_json
from generator.plan.page import plan_page
from generator.render.context import RenderContext
from generator.render.formatting import HTML, render_markdown
from generator.render.page import Page
from generator.render.urls import PLAN_PAGE, STILL_PATH, html_href, page_url


def plan_pages(context: RenderContext, shared: dict[str, Any]) -> dict[str, Page]:
    """The plan page and its data, whose links are relative to the page; nothing when the
    guide has no plan rules."""
    guide, rules, directory_urls = context.guide, context.guide.plan, context.directory_urls
    if rules is None:
        return {}

    def href(page: str) -> str:
        return html_href(PLAN_PAGE, page, directory_urls)

    here = posixpath.dirname(page_url(PLAN_PAGE, directory_urls).rstrip("/") + "/x")
    data_url = posixpath.relpath(PLAN_DATA_PATH, here or ".")

    def still(key: str) -> str | None:
        if key not in context.stills:
            return None
        return posixpath.relpath(STILL_PATH.format(id=key), here or ".")

    form = HTML.get_template("fragments/plan.html.j2").render(**plan_page(guide, rules, data_url))
    text = render_markdown("pages/plan.md.j2", **shared, plan=markupsafe.Markup(form.strip()))
    return {
        PLAN_PAGE: Page(text, kind_named("plan").where),
        PLAN_DATA_PATH: Page(
            context.summary("plan data", lambda: plan_json(guide, rules, href, still)), None
        ),
    }
