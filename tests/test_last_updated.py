"""'Last updated' on every plan page and indicator page, read from the data (never the clock)."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from plansite.model.dates import Day
from plansite.model.indicators import Indicator, Value
from plansite.model.last_updated import IndicatorUpdate, indicator_updated, plan_updated
from plansite.model.plan import Plan
from tests.conftest import ROOT
from tests.gates.conftest import parsed_pages

DATA = ROOT / "data"


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def plan_urls(site: Path, plan_id: str) -> list[str]:
    folder = site / "plans" / plan_id
    return sorted(p.parent.relative_to(site).as_posix() + "/" for p in folder.rglob("index.html"))


def last_updated(site: Path, url: str) -> str:
    found = parsed_pages(site)[url].select(".ps-last-updated")
    assert len(found) == 1, url
    return found[0].get_text(" ", strip=True)


def test_each_plan_page_says_when_its_progress_was_last_updated(example_site: Path) -> None:
    plans = [load(p) for p in sorted((DATA / "plans").glob("*.yml"))]
    for plan in plans:
        year, month, day = (int(x) for x in str(plan["as_at"]).split("-"))
        expected = f"Last updated: {day} {date(year, month, day).strftime('%B')} {year}"
        urls = plan_urls(example_site, plan["id"])
        # home, one page per priority, All actions, Needs attention, What changed
        assert len(urls) == 1 + len(plan["priorities"]) + 3, plan["id"]
        for url in urls:
            assert last_updated(example_site, url) == expected, url
        time = parsed_pages(example_site)[urls[0]].select_one(".ps-last-updated time")
        assert time["datetime"] == str(plan["as_at"])


def test_each_indicator_page_says_which_figures_are_the_latest(example_site: Path) -> None:
    indicators = load(DATA / "indicators.yml")["indicators"]
    with (DATA / "indicator_values.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for indicator in indicators:
        latest = max(r["period"] for r in rows if r["indicator"] == indicator["ref"])
        kind = indicator.get("period_type", "financial_year")
        if kind == "as_at":
            day = date.fromisoformat(latest)
            expected = f"Last updated: figures as at {day.day} {day.strftime('%B %Y')}"
        else:
            expected = f"Last updated: figures for {latest} ({kind.replace('_', ' ')})"
        url = f"indicators/{indicator['ref'].lower()}/"
        assert last_updated(example_site, url) == expected, url


def plan_with(as_at: str | None, dates: list[str]) -> Plan:
    actions = [
        {"ref": str(n), "title": "A", "updates": [{"date": d, "text": "Done."}]}
        for n, d in enumerate(dates, 1)
    ]
    data: dict[str, Any] = {
        "id": "p",
        "title": "P",
        "priorities": [{"ref": "1", "title": "T", "actions": actions}],
    }
    if as_at:
        data["as_at"] = as_at
    return Plan.model_validate(data)


@pytest.mark.parametrize(
    ("as_at", "dates", "expected"),
    [
        ("2026-03-31", ["2026-06"], Day(date(2026, 3, 31), "day")),
        (None, ["2025-12-14", "2025-12"], Day(date(2025, 12, 1), "month")),
        (None, ["2025-12-14", "2025-11"], Day(date(2025, 12, 14), "day")),
        (None, [], None),
    ],
)
def test_a_plan_is_updated_at_its_as_at_date_else_its_latest_update(
    as_at: str | None, dates: list[str], expected: Day | None
) -> None:
    assert plan_updated(plan_with(as_at, dates)) == expected


def test_an_indicator_is_updated_at_its_latest_period() -> None:
    year = Indicator(ref="N1", title="T", unit="count")
    values = [
        Value(indicator="N1", period=p, area=a, value=1)
        for p, a in [("2023-24", "local"), ("2024-25", "england"), ("2022-23", "local")]
    ]
    assert indicator_updated(year, values) == IndicatorUpdate("2024-25", "financial_year", None)
    snapshot = Indicator(ref="N2", title="T", unit="count", period_type="as_at")
    one = [Value(indicator="N2", period="2026-03-31", area="local", value=3)]
    assert indicator_updated(snapshot, one) == IndicatorUpdate(
        "2026-03-31", "as_at", Day(date(2026, 3, 31), "day")
    )
    assert indicator_updated(year, []) is None
