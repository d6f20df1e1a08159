"""The JSON files the page scripts fetch, each declared once as a pydantic model.

The plan data (``PlanData``, generator/plan/records.py) and the finder's index (``FinderIndex``,
generator/finder.py) are built through their models, and each model's JSON Schema is what the
scripts' node tests check every read against (tests/js/written.js), so a script that reads a
field the Python side does not write fails its tests.

``python -m generator.script_data plan|finder [content]`` prints ``{"schema": …, "data": …}``
for a content folder (content/ by default), for those tests.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict

if TYPE_CHECKING:
    from generator.guide import Guide


class Record(BaseModel):
    """A record of a script's data: frozen, and refusing any field it does not declare."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


def _plan(guide: Guide) -> BaseModel | None:
    from generator.plan.data import plan_data

    if guide.plan is None:
        return None
    return plan_data(guide, guide.plan, lambda page: page, lambda key: f"{key}.svg")


def _finder(guide: Guide) -> BaseModel:
    from generator.finder import finder_data
    from generator.indexes import build_indexes

    urls = {"exercises": "exercises/{id}/", "routines": "routines/{id}/", "stills": "{id}.svg"}
    return finder_data(guide, build_indexes(guide), urls, set(guide.exercises))


FORMATS: dict[str, Callable[[Guide], BaseModel | None]] = {"plan": _plan, "finder": _finder}
"""Each script's data by name, built from a checked guide (None when the guide has none)."""


def main(argv: list[str]) -> int:
    """Print a format's schema and the data of a content folder, for the scripts' tests."""
    from generator.pipeline import check

    if not argv or argv[0] not in FORMATS:
        print(
            f"usage: python -m generator.script_data {'|'.join(FORMATS)} [content]", file=sys.stderr
        )
        return 2
    guide, problems = check(Path(argv[1]) if len(argv) > 1 else Path("content"))
    data = FORMATS[argv[0]](guide) if guide is not None and not problems else None
    if data is None:
        print(f"the content has problems or no {argv[0]} data; run `guide check`", file=sys.stderr)
        return 1
    body = {
        "schema": data.model_json_schema(by_alias=True),
        "data": data.model_dump(mode="json", by_alias=True),
    }
    print(json.dumps(body, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
