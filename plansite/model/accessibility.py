"""The accessibility statement's facts: what the board says in board.yml (`accessibility:`) and
which automated checks Plansite's repository runs (tests/gates/), so the statement can never
claim full compliance while a problem is known. That each check named here is a test that exists
is checked by the repository's own tests (tests/test_accessibility_statement.py), not at build
time: the installed package has no tests/ to read."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import Field, field_validator

from plansite.model.base import Model
from plansite.model.dates import parse_day


def _day(value: str | None) -> str | None:
    if value is not None:
        parse_day(value)
    return value


class AccessibilityFacts(Model):
    """`accessibility:` in board.yml, for the accessibility statement."""

    prepared: str | None = Field(
        None, description="When the statement was prepared: 2026-11-22 (a day) or 2026-11"
    )
    reviewed: str | None = Field(None, description="When it was last reviewed, if since")
    tested: str | None = Field(
        None, description="When the automated checks (make test) were last run on this site"
    )
    manual_checks: list[str] = Field(
        default_factory=list,
        description="What people checked by hand, and how: only what was really done",
    )
    known_issues: list[str] = Field(
        default_factory=list,
        description="What is not accessible yet; while any is listed the site is "
        "'partially compliant'",
    )

    _check_days = field_validator("prepared", "reviewed", "tested")(_day)


@dataclass(frozen=True)
class AutomatedCheck:
    key: str  # names its wording in plansite/fragments/accessibility/statement.html
    gate: str  # the test file in this repository that runs it
    test: str  # the test function in that file
    needs: str = ""  # a part of the site it checks, when it checks only that part


# Every automated check the statement may name, with the gate that runs it
AUTOMATED_CHECKS = [
    AutomatedCheck("axe", "tests/gates/test_accessibility.py", "test_no_page_has_axe_violations"),
    AutomatedCheck("html", "tests/gates/test_html_validity.py", "test_every_page_is_valid_html"),
    AutomatedCheck("reflow", "tests/gates/test_small_screens.py", "test_every_page_fits_320_px"),
    AutomatedCheck(
        "skip_link",
        "tests/gates/test_small_screens.py",
        "test_first_tab_reaches_the_skip_link_and_it_leads_to_the_content",
    ),
    AutomatedCheck(
        "guide_exit",
        "tests/gates/test_guide_exit.py",
        "test_every_guide_page_can_be_left_at_once",
        needs="guide",
    ),
    AutomatedCheck(
        "links", "tests/gates/test_links.py", "test_every_internal_link_and_anchor_resolves"
    ),
]

Compliance = Literal["full", "partial"]


def present_checks(parts: set[str] | frozenset[str]) -> list[AutomatedCheck]:
    """The checks that apply to the parts this board's site has."""
    return [check for check in AUTOMATED_CHECKS if not check.needs or check.needs in parts]


def compliance(facts: AccessibilityFacts) -> Compliance:
    """Full only when no problem is known and people have checked by hand as well: automated
    checks alone find only some of the problems WCAG describes."""
    if facts.known_issues or not facts.manual_checks or facts.tested is None:
        return "partial"
    return "full"
