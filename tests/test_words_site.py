"""The whole example site built in a dummy language whose every word is XX
(PLANSITE_WORDS=<file>): no English interface word is left on a generated page.

What counts as an interface word: every phrase of the English words file (the text between
its {placeholders}). A phrase that also occurs in the example board's own data files may
be quoted from the data, so it is not looked for; the test says how many phrases that leaves
out, and fails if it is most of them."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup

from macros.load import load_board_data
from macros.pages.registry import generated_pages
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
    """The page's article: its text and the words of its spoken attributes."""
    article = BeautifulSoup(html, "html.parser").select_one("article")
    assert article is not None
    spoken = [str(tag[name]) for name in SPOKEN_ATTRIBUTES for tag in article.select(f"[{name}]")]
    return "\n".join([article.get_text(" "), *spoken])


@pytest.fixture(scope="module")
def xx_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("words-xx")
    words = folder / "xx.yml"
    words.write_text(yaml.safe_dump(all_xx(ENGLISH), allow_unicode=True), encoding="utf-8")
    out = folder / "site"
    # no chart cache: a chart drawn in English by another build must not be reused
    result = run_build(DATA, out, PLANSITE_WORDS=str(words), PLANSITE_CACHE="")
    assert result.returncode == 0, result.stderr
    return out


def test_no_english_interface_word_is_left_on_a_generated_page(xx_site: Path) -> None:
    everything = phrases(ENGLISH)
    from_data = data_text()
    looked_for = {p for p in everything if not in_text(p, from_data)}
    assert len(looked_for) > len(everything) / 2, sorted(everything - looked_for)
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
