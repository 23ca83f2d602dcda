"""The whole example site built in a dummy language whose every word is XX
(PLANSITE_WORDS=<file>): no English interface word is left on a generated page, nor in a
published file's words for readers (download headings, the Word document, feeds, calendars,
the open data's titles and descriptions).

What counts as an interface word: every phrase of the English words file (the text between
its {placeholders}). A phrase that also occurs in the example board's own data files may
be quoted from the data, so it is not looked for; the test says how many phrases that leaves
out, and fails if it is most of them."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from html import unescape
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup

from plansite.load import load_board_data
from plansite.pages.registry import generated_pages
from tests.conftest import ROOT, run_build
from tests.test_words import ENGLISH, all_xx

DATA = ROOT / "data"
LETTERS = re.compile(r"[A-Za-z]{2,}")
SPOKEN_ATTRIBUTES = ("title", "aria-label", "alt")


def phrases(words: Any) -> set[str]:
    """The literal parts of every English word, split at {placeholders} and HTML entities."""
    if isinstance(words, dict):
        return {p for value in words.values() for p in phrases(value)}
    if isinstance(words, list):
        return {p for value in words for p in phrases(value)}
    parts = re.split(r"\{[^}]*\}|&#?\w+;", str(words))
    return {part.strip(" .,:;()·–-") for part in parts if LETTERS.search(part)}


def in_text(phrase: str, text: str) -> bool:
    # the substring test first: most phrases are in no text, and it answers them without a
    # regular expression (thousands of phrases against every page); the answer is the same
    if phrase not in text:
        return False
    return re.search(rf"(?<![A-Za-z]){re.escape(phrase)}(?![A-Za-z])", text) is not None


def data_text() -> str:
    return "\n".join(
        path.read_text(encoding="utf-8", errors="replace")
        for path in sorted(DATA.rglob("*"))
        if path.is_file() and path.suffix in {".yml", ".yaml", ".csv", ".md"}
    )


def page_url(path: str) -> str:
    """A generated page's file in the built site, e.g. plans/x/1.md -> plans/x/1/index.html."""
    stem = path.removesuffix(".md")
    return (
        f"{stem.removesuffix('index')}index.html"
        if stem.endswith("index")
        else f"{stem}/index.html"
    )


def main_content(html: str) -> str:
    """The page's article: its text and the words of its spoken attributes; and the page's
    description (search engines show it)."""
    page = BeautifulSoup(html, "html.parser")
    article = page.select_one("article")
    described = page.select_one('meta[name="description"]')
    assert article is not None and described is not None
    spoken = [str(tag[name]) for name in SPOKEN_ATTRIBUTES for tag in article.select(f"[{name}]")]
    return "\n".join([article.get_text(" "), *spoken, str(described["content"])])


@pytest.fixture(scope="module")
def xx_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("words-xx")
    words = folder / "xx.yml"
    words.write_text(yaml.safe_dump(all_xx(ENGLISH), allow_unicode=True), encoding="utf-8")
    out = folder / "site"
    # no chart cache: a chart drawn in English by another build must not be reused
    result = run_build(DATA, out, pdfs=False, PLANSITE_WORDS=str(words), PLANSITE_CACHE="")
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def looked_for() -> set[str]:
    """The English words file's phrases that the example board's data does not also hold."""
    everything = phrases(ENGLISH)
    from_data = data_text()
    found = {p for p in everything if not in_text(p, from_data)}
    assert len(found) > len(everything) / 2, sorted(everything - found)
    return found


def test_no_english_interface_word_is_left_on_a_generated_page(
    xx_site: Path, looked_for: set[str]
) -> None:
    pages = generated_pages(load_board_data(DATA))
    assert len(pages) > 30
    left: dict[str, list[str]] = {}
    for generated in pages:
        text = main_content((xx_site / page_url(generated.path)).read_text(encoding="utf-8"))
        assert "XX" in text, generated.path
        found = sorted(p for p in looked_for if in_text(p, text))
        if found:
            left[generated.path] = found
    assert left == {}


def xml_text(xml: bytes) -> str:
    """The text of an XML file: its elements' text, without the markup."""
    return unescape(re.sub(r"<[^>]+>", " ", xml.decode("utf-8")))


def published_words(site: Path) -> dict[str, str]:
    """The words for readers in each published file (not its data's machine names)."""
    found: dict[str, str] = {}
    for path in sorted((site / "data").glob("actions-*.csv")):  # a plan's "All actions" table
        found[path.name] = " | ".join(next(csv.reader(io.StringIO(path.read_text("utf-8-sig")))))
    for path in sorted((site / "data").glob("actions*.xlsx")):  # the sheet's name, headings
        with zipfile.ZipFile(path) as book:
            sheets = re.findall(
                r'<sheet [^>]*name="([^"]*)"', book.read("xl/workbook.xml").decode()
            )
            heading_row = re.search(
                r'<row r="1".*?</row>', book.read("xl/worksheets/sheet1.xml").decode()
            )
        assert heading_row is not None, path.name
        headings = re.findall(r"<t>([^<]*)</t>", heading_row.group())
        # data/actions.xlsx is data/actions.csv: its headings are the open data's column names
        found[path.name] = " | ".join(sheets + (headings if "-" in path.stem else []))
    package = json.loads((site / "data" / "datapackage.json").read_text("utf-8"))
    described = [package["title"], package["licenses"][0]["title"]]
    for resource in package["resources"]:
        described += [resource["title"], resource["description"]]
        described += [field["description"] for field in resource["schema"]["fields"]]
    found["datapackage.json"] = " | ".join(described)
    for path in sorted((site / "downloads").glob("*.docx")):
        with zipfile.ZipFile(path) as document:
            found[path.name] = xml_text(document.read("word/document.xml"))
    for path in [site / "updates.xml", *sorted((site / "plans").glob("*/updates.xml"))]:
        found[str(path.relative_to(site))] = xml_text(path.read_bytes())
    for path in [site / "reporting-planner.ics", *sorted((site / "calendars").glob("*.ics"))]:
        # RFC 5545 folds long lines (CRLF, space) and escapes a new line in a text (backslash, n)
        unfolded = path.read_bytes().decode().replace("\r\n ", "").replace("\\n", "\n")
        named = ("X-WR-CALNAME:", "SUMMARY:", "DESCRIPTION:")
        found[str(path.relative_to(site))] = "\n".join(
            line.partition(":")[2] for line in unfolded.splitlines() if line.startswith(named)
        )
    return found


def test_no_english_interface_word_is_left_in_a_published_file(
    xx_site: Path, looked_for: set[str]
) -> None:
    published = published_words(xx_site)
    assert len(published) > 20, sorted(published)
    left: dict[str, list[str]] = {}
    for name, text in published.items():
        assert "XX" in text, name
        found = sorted(p for p in looked_for if in_text(p, text))
        if found:
            left[name] = found
    assert left == {}
    # the headings of a plan's download are all words for readers: every one from the file
    for name, text in published.items():
        if name.endswith((".csv", ".xlsx")) and name != "actions.xlsx":
            assert set(text.split(" | ")) == {"XX"}, name


def test_published_files_declare_the_language_in_use(xx_site: Path) -> None:
    feed = (xx_site / "updates.xml").read_text("utf-8")
    assert 'xml:lang="XX"' in feed  # the words file's language_tag
    with zipfile.ZipFile(xx_site / "downloads" / "business-plan-2025-28.docx") as document:
        assert "<dc:language>XX</dc:language>" in document.read("docProps/core.xml").decode()
