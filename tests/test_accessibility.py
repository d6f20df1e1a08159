"""Every page type passes axe-core with no serious or critical accessibility violation."""

from __future__ import annotations

import pytest
from conftest import REPO, Tab
from test_browser_find import PAGE_TYPES

pytestmark = pytest.mark.browser

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"


@pytest.mark.parametrize("kind", sorted(PAGE_TYPES))
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_page_type_has_no_serious_accessibility_violations(
    tab: Tab, kind: str, scheme: str
) -> None:
    assert AXE.is_file(), "axe-core is missing: run `make test`, which installs it"
    tab.page.emulate_media(color_scheme=scheme)
    page = tab.open(PAGE_TYPES[kind])
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(
        """async () => {
            const results = await axe.run(document, {resultTypes: ["violations"]});
            return results.violations
                .filter(v => v.impact === "serious" || v.impact === "critical")
                .map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3)
                    .map(n => n.target.join(" ")).join(", ")}`);
        }"""
    )
    assert violations == [], "\n".join(violations)
