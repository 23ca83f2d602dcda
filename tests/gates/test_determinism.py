"""Gate 6, deterministic builds: two builds of the same data are byte-identical, sitemap
dates included (they come from the current plan's "as at" date, not the build machine's clock).
The second build draws every chart and makes every published file afresh, so the cache is
shown to change nothing; it is made by the other engine (MkDocs), so the only byte allowed to
differ is the generator meta tag that names the engine (tests/test_engines.py).
"""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from plansite.load import load_board_data
from tests.conftest import ROOT, site_files


@pytest.fixture(scope="module")
def second_build(example_site_again: Path) -> Path:
    return example_site_again


def test_two_builds_are_byte_identical(example_site: Path, second_build: Path) -> None:
    first, second = site_files(example_site), site_files(second_build)
    assert sorted(first) == sorted(second)
    differ = [name for name in first if first[name] != second[name]]
    assert not differ, "files that differ between two builds: " + ", ".join(differ)


def test_sitemap_dates_are_the_plans_as_at_date(example_site: Path) -> None:
    as_at = load_board_data(ROOT / "data").current_plan.as_at_date.isoformat()
    sitemap = (example_site / "sitemap.xml").read_text(encoding="utf-8")
    dates = set(sitemap.split("<lastmod>")[1:])
    assert dates and {d.split("</lastmod>")[0] for d in dates} == {as_at}
    assert gzip.decompress((example_site / "sitemap.xml.gz").read_bytes()).decode() == sitemap
