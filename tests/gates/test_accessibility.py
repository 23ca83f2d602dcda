"""Gate 1, accessibility: every page has 0 axe-core violations of WCAG 2.2 A and AA in Chromium,
and the accessibility statement is linked from every page's footer."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import page_footer
from tests.gates.conftest import BrowserRun, html_pages, target_file


def describe(violation: dict[str, object]) -> str:
    nodes = violation["nodes"]
    assert isinstance(nodes, list)
    targets = "; ".join(str(node["target"]) for node in nodes[:3])
    return f"{violation['id']} ({violation['impact']}): {violation['help']} at {targets}"


def test_every_page_is_visited(browser_run: BrowserRun, gated_site: Path) -> None:
    assert len(browser_run.visits) == len(html_pages(gated_site)) > 1


def test_no_page_has_axe_violations(browser_run: BrowserRun) -> None:
    failures = [
        f"{visit.url}: {describe(violation)}"
        for visit in browser_run.visits
        for violation in visit.violations
    ]
    assert not failures, "\n".join(failures)


def test_footer_links_the_accessibility_statement(gated_site: Path) -> None:
    missing = []
    for file in html_pages(gated_site):
        footer = page_footer(file)
        link = footer.find("a", string="Accessibility statement") if footer else None
        target = target_file(gated_site, file, str(link["href"])) if link else None
        if target is None or target.parent.name != "accessibility":
            missing.append(str(file.relative_to(gated_site)))
    assert not missing, "no footer link to the accessibility statement on: " + ", ".join(missing)
