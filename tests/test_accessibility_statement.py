"""The accessibility statement (GOV.UK's model, PSBAR 2018 regulation 7) claims no more than was
tested: it names only the automated checks the gates in tests/gates/ really run, the checks by
hand and the known problems board.yml lists, and is "partially compliant" while any is known."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup

from plansite.load import load_board_data
from plansite.model.accessibility import (
    AUTOMATED_CHECKS,
    AccessibilityFacts,
    compliance,
    present_checks,
)
from plansite.render.accessibility import statement
from tests.conftest import ROOT, page

GATES = ROOT / "tests" / "gates"


def board() -> Any:
    return yaml.safe_load((ROOT / "data" / "board.yml").read_text(encoding="utf-8"))


def gate_runs(check_gate: str, test: str, root: Path = ROOT) -> bool:
    path = root / check_gate
    return path.is_file() and f"def {test}(" in path.read_text(encoding="utf-8")


def words(soup: BeautifulSoup) -> str:
    """The text as read: no space before a full stop that follows a link or a date."""
    return re.sub(r"\s+([.,])", r"\1", soup.get_text(" ", strip=True))


def texts(soup: BeautifulSoup, selector: str) -> list[str]:
    return [li.get_text(" ", strip=True) for li in soup.select(selector)]


def test_the_statement_names_only_the_gates_that_exist(example_site: Path) -> None:
    soup = page(example_site, "accessibility/")
    named = [li["data-check"] for li in soup.select(".ps-automated-checks li")]
    # the example board has the guide, so every check applies; each is a test in tests/gates
    expected = [c.key for c in AUTOMATED_CHECKS if gate_runs(c.gate, c.test)]
    assert named == expected == ["axe", "html", "reflow", "skip_link", "guide_exit", "links"]
    for check in AUTOMATED_CHECKS:
        assert (GATES / Path(check.gate).name).is_file(), check.gate
    words = soup.select_one(".ps-automated-checks").get_text(" ")
    assert "axe-core" in words and "Chromium" in words and "Nu Html Checker" in words
    assert "320 pixels" in words and "Skip to main content" in words and "Shift" in words


def test_the_statement_says_what_the_board_listed_and_is_partially_compliant(
    example_site: Path,
) -> None:
    facts = board()["accessibility"]
    soup = page(example_site, "accessibility/")
    text = words(soup.select_one("article"))
    assert facts["known_issues"]
    assert texts(soup, ".ps-known-issues li") == facts["known_issues"]
    assert texts(soup, ".ps-manual-checks li") == facts["manual_checks"]
    compliance_text = soup.select_one(".ps-compliance").get_text(" ", strip=True)
    assert compliance_text.startswith("This website is partially compliant")
    assert "fully compliant" not in text
    assert "This statement was prepared on 29 November 2026." in text
    assert "This website was last tested on 29 November 2026" in text
    contact = board()["contact"]
    assert contact["email"] in text and contact["phone"] in text
    assert "Equality and Human Rights Commission (EHRC)" in text
    easss = soup.find("a", string="contact the Equality Advisory and Support Service (EASS)")
    assert easss is not None and easss["href"] == "https://www.equalityadvisoryservice.com/"
    # nothing claimed that no check tests: screen readers, speech recognition
    assert "JAWS" not in text and "NVDA" not in text


def render(data: Path) -> BeautifulSoup:
    return BeautifulSoup(statement(load_board_data(data), "accessibility.md"), "html.parser")


def test_a_board_that_lists_nothing_is_partially_compliant_and_says_so(
    data_copy: Callable[[str], Path],
) -> None:
    soup = render(data_copy("minimal"))
    text = words(soup)
    assert (
        soup.select_one(".ps-compliance")
        .get_text(" ", strip=True)
        .startswith("This website is partially compliant")
    )
    assert "because it has not yet been fully tested" in text
    assert "We have not yet checked the website by hand" in text
    assert "We have not recorded when this website was last tested." in text
    # the minimal board has no guide: the exit check is not named
    named = [li["data-check"] for li in soup.select(".ps-automated-checks li")]
    assert named == ["axe", "html", "reflow", "skip_link", "links"]
    assert "This statement was last updated with the content of this website, on " in text


def test_fully_compliant_only_with_no_known_problem_and_checks_by_hand(
    data_copy: Callable[[str], Path],
) -> None:
    data = data_copy("minimal")
    with (data / "board.yml").open("a", encoding="utf-8") as f:
        f.write(
            "accessibility:\n  prepared: 2026-10\n  tested: 2026-10-02\n"
            "  manual_checks: [every page with NVDA and Firefox]\n"
        )
    soup = render(data)
    assert (
        soup.select_one(".ps-compliance")
        .get_text(" ", strip=True)
        .startswith("This website is fully compliant")
    )
    assert "This statement was prepared on October 2026." in words(soup)
    assert texts(soup, ".ps-manual-checks li") == ["every page with NVDA and Firefox"]


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        ({}, "partial"),
        ({"tested": "2026-01-01"}, "partial"),
        ({"tested": "2026-01-01", "manual_checks": ["a"]}, "full"),
        ({"tested": "2026-01-01", "manual_checks": ["a"], "known_issues": ["b"]}, "partial"),
        ({"manual_checks": ["a"]}, "partial"),
    ],
)
def test_compliance(facts: dict[str, Any], expected: str) -> None:
    assert compliance(AccessibilityFacts.model_validate(facts)) == expected


def missing_gates(root: Path) -> list[str]:
    """Each check the statement may name whose gate (the file and its test) is not in `root`."""
    return [
        f"{check.gate}::{check.test}"
        for check in AUTOMATED_CHECKS
        if not gate_runs(check.gate, check.test, root)
    ]


def test_every_check_the_statement_may_name_is_a_gate_that_runs() -> None:
    # the build cannot look (the installed package has no tests/): the repository checks here
    assert missing_gates(ROOT) == []


def test_a_check_whose_gate_is_gone_is_found(tmp_path: Path) -> None:
    gates = tmp_path / "tests" / "gates"
    gates.mkdir(parents=True)
    for check in AUTOMATED_CHECKS:
        shutil.copy(ROOT / check.gate, tmp_path / check.gate)
    assert missing_gates(tmp_path) == []
    (gates / "test_html_validity.py").write_text("def test_something_else():\n")  # test removed
    (gates / "test_links.py").unlink()
    assert missing_gates(tmp_path) == [
        "tests/gates/test_html_validity.py::test_every_page_is_valid_html",
        "tests/gates/test_links.py::test_every_internal_link_and_anchor_resolves",
    ]


def test_a_check_for_a_part_the_site_lacks_is_not_named() -> None:
    keys = [c.key for c in present_checks(frozenset())]
    assert keys == ["axe", "html", "reflow", "skip_link", "links"]
    assert "guide_exit" in [c.key for c in present_checks({"guide"})]
