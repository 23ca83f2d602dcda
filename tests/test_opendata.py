"""Open data in site/data/: RFC 4180 CSV files, a valid Frictionless package, a Downloads page."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from frictionless import validate

from plansite.load import load_board_data
from plansite.model.board_data import BoardData
from plansite.render.annual_tables import size_text
from plansite.render.datasets import DATASETS
from tests.conftest import ROOT, page

FILES = ["actions", "updates", "indicators", "planner", "budget", "training"]


@pytest.fixture(scope="module")
def data() -> BoardData:
    return load_board_data(ROOT / "data")


def rows(site: Path, name: str) -> list[dict[str, str]]:
    raw = (site / "data" / f"{name}.csv").read_bytes()
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")  # RFC 4180 lines
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_every_file_is_declared(example_site: Path) -> None:
    assert [d.name for d in DATASETS] == FILES
    package = json.loads((example_site / "data/datapackage.json").read_text(encoding="utf-8"))
    for resource in package["resources"]:
        text = (example_site / "data" / resource["path"]).read_text(encoding="utf-8-sig")
        header = next(csv.reader(io.StringIO(text)))
        assert header == [f["name"] for f in resource["schema"]["fields"]]
        assert resource["bytes"] == (example_site / "data" / resource["path"]).stat().st_size
        assert all(f["description"] for f in resource["schema"]["fields"])


def test_datapackage_validates_with_frictionless(example_site: Path) -> None:
    report = validate(str(example_site / "data/datapackage.json"))
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "note"])
    assert len(report.tasks) == len(FILES)


def test_rows_match_the_data(example_site: Path, data: BoardData) -> None:
    updates = [(p.id, a.ref) for p in data.plans for a in p.actions for _ in a.updates]
    assert sorted((r["plan_id"], r["action_ref"]) for r in rows(example_site, "updates")) == sorted(
        updates
    )
    assert len(rows(example_site, "indicators")) == len(data.values)
    assert data.planner is not None
    assert [r["what"] for r in rows(example_site, "planner")] == [
        i.what for i in data.planner.items
    ]
    assert [int(r["delegates"]) for r in rows(example_site, "training")] == [
        c.delegates for c in data.training
    ]
    budget = rows(example_site, "budget")
    assert data.budget is not None
    spent = sum(float(r["actual"]) for r in budget if r["section"] == "expenditure")
    assert spent == sum(line.actual or 0 for line in data.budget.expenditure)
    given = sum(float(r["actual"]) for r in budget if r["section"] == "contribution")
    assert given == sum(c.amount for c in data.budget.contributions)


def test_downloads_page_lists_every_file_with_its_size(example_site: Path) -> None:
    html = page(example_site, "downloads/")
    links = {a["href"].rsplit("/", 1)[-1]: a for a in html.select("article h2 a[href]")}
    for name in [*(f"{n}.csv" for n in FILES), "datapackage.json"]:
        assert name in links, name
        size = size_text((example_site / "data" / name).stat().st_size)
        heading = links[name].find_parent("h2")
        following = heading.find_next_sibling("p")
        assert following is not None and size in following.get_text(), name
