"""The published site is for the public: the maintainers' pages (docs/maintainers/) stay in the
repository and are not built, listed in the sitemap or found by the search; public pages do not
talk about how the site is built."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.conftest import ROOT
from tests.gates.conftest import html_pages, parsed_pages

MAINTAINERS = ROOT / "docs" / "maintainers"
# words about the machinery a reader of the public site has no use for
BUILD_WORDS = re.compile(
    r"\bthe build\b|\bbuild stops\b|\bread from the same data\b|\bthe words and the tables\b"
    r"|\bmkdocs\b|\byaml\b",
    re.I,
)


def maintainers_titles() -> list[str]:
    titles = []
    for file in sorted(MAINTAINERS.glob("*.md")):
        heading = re.search(r"^# (.+)$", file.read_text(encoding="utf-8"), re.M)
        assert heading, file
        titles.append(heading.group(1).strip())
    return titles


def test_maintainers_pages_are_kept_in_the_repository() -> None:
    assert len(maintainers_titles()) >= 4


def test_no_maintainers_page_is_built(example_site: Path) -> None:
    assert not (example_site / "maintainers").exists()


def test_no_maintainers_page_is_in_the_sitemap(example_site: Path) -> None:
    sitemap = (example_site / "sitemap.xml").read_text(encoding="utf-8")
    addresses = re.findall(r"<loc>(.*?)</loc>", sitemap)
    assert len(addresses) == len(html_pages(example_site)) - 1  # every page but the 404
    assert [a for a in addresses if "/maintainers/" in a] == []


def test_no_maintainers_page_is_in_the_search(example_site: Path) -> None:
    index = json.loads((example_site / "search" / "search_index.json").read_text("utf-8"))
    locations = [doc["location"] for doc in index["docs"]]
    titles = {doc["title"] for doc in index["docs"]}
    assert locations and [loc for loc in locations if loc.startswith("maintainers/")] == []
    assert titles.isdisjoint(maintainers_titles())


def test_public_pages_do_not_talk_about_the_build(example_site: Path) -> None:
    found = []
    for url, soup in parsed_pages(example_site).items():
        article = soup.select_one("article")
        text = article.get_text(" ") if article else ""
        found += [f"/{url}: {m.group(0)!r}" for m in BUILD_WORDS.finditer(text)]
    assert not found, "\n".join(found)
