"""How hard a page is to read: the Flesch-Kincaid grade of its main text, and its hardest sentences.

A pure function of the page's HTML, so the reading-age gate can be tested without a build.
Text inside an element marked `data-reading-gate="skip"` (the fixed "get help now" box, whose
phone numbers and names the formula cannot judge) is left out.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from importlib.metadata import version
from pathlib import Path
from typing import Any

from plansite.documents.kept_files import key_of
from plansite.render.cache_files import read_kept, write_kept
from plansite.render.chart_store import cache_folder

SKIP_MARK = ("data-reading-gate", "skip")
# Below this many words the formula swings wildly (one long word moves it a whole grade):
# such a page is not given a grade, and so cannot fail the gate.
MIN_WORDS = 40
HARDEST = 3
# Tags whose end closes a sentence even without a full stop: headings, list items, cells.
BLOCKS = {
    "p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "caption",
    "figcaption", "blockquote", "summary", "div", "section", "aside", "header", "footer", "br",
}  # fmt: skip
IGNORED = {"script", "style", "template"}
VOID = {"br", "img", "hr", "input", "meta", "link", "source", "wbr"}
SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+")
SPACES = re.compile(r"\s+")
KEPT_AS = "readability"  # the cache's folder of kept scores


@dataclass(frozen=True)
class Sentence:
    text: str
    grade: float


@dataclass(frozen=True)
class Readability:
    words: int
    sentences: int
    grade: float | None  # None when the text is too short for the formula
    hardest: list[Sentence]

    @property
    def too_short(self) -> bool:
        return self.grade is None

    def above(self, target: float) -> bool:
        return self.grade is not None and self.grade > target


class _TextBlocks(HTMLParser):
    """The text of an HTML page as blocks (paragraphs, headings, list items), skipped parts out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._current: list[str] = []
        self._skip_depth = 0  # > 0 while inside a skipped or ignored element

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            if tag in BLOCKS and not self._skip_depth:
                self._flush()
            return
        if self._skip_depth or SKIP_MARK in attrs or tag in IGNORED:
            self._skip_depth += 1
        elif tag in BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if self._skip_depth:
            self._skip_depth -= 1
        elif tag in BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self._skip_depth:
            self._current.append(data)

    def _flush(self) -> None:
        text = SPACES.sub(" ", "".join(self._current)).strip()
        if text:
            self.blocks.append(text)
        self._current = []

    def close(self) -> None:
        super().close()
        self._flush()


def sentences_of(html: str) -> list[str]:
    """Every sentence of the page's text; a block without a full stop is one sentence."""
    parser = _TextBlocks()
    parser.feed(html)
    parser.close()
    result: list[str] = []
    for block in parser.blocks:
        result.extend(s for s in SENTENCE_END.split(block) if s.strip())
    return result


@functools.lru_cache(maxsize=1)
def _textstat() -> Any:
    # imported when first needed: textstat takes most of a second to import (it loads nltk)
    from textstat.textstat import textstatistics

    # "en-GB" counts syllables with pyphen's British dictionary, installed with textstat.
    # Plain "en" would make textstat download the CMU dictionary during the build.
    stats = textstatistics()
    stats.set_lang("en-GB")
    return stats


def _grade(text: str) -> float:
    return float(_textstat().flesch_kincaid_grade(text))


def readability(html: str) -> Readability:
    """The Flesch-Kincaid grade of the page's text and its three hardest sentences: kept in
    the build's cache folder under a hash of the page, this file and textstat's and pyphen's
    versions, so an unchanged guide page costs one read (textstat, with nltk, takes most of a
    second to import: a warm build imports neither)."""
    folder = cache_folder()
    if folder is None:
        return _scored(html)
    key = key_of((html, _scoring_version()))
    kept = read_kept(folder / KEPT_AS, key, ".json")
    if kept is not None:
        return _from_json(kept)
    score = _scored(html)
    write_kept(folder / KEPT_AS, key, ".json", _as_json(score))
    return score


@functools.cache
def _scoring_version() -> tuple[str, ...]:
    source = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
    return source, version("textstat"), version("pyphen")


def _as_json(score: Readability) -> bytes:
    fields = dataclasses.asdict(score)
    return json.dumps(fields, ensure_ascii=False, sort_keys=True).encode("utf-8")


def _from_json(content: bytes) -> Readability:
    fields = json.loads(content)
    hardest = [Sentence(s["text"], s["grade"]) for s in fields.pop("hardest")]
    return Readability(**fields, hardest=hardest)


def _scored(html: str) -> Readability:
    sentences = sentences_of(html)
    # a heading or list item has no full stop: end each one so the formula sees a sentence
    text = " ".join(s if s[-1] in ".!?" else s + "." for s in sentences)
    words = int(_textstat().lexicon_count(text)) if text else 0
    scored = sorted((Sentence(s, round(_grade(s), 1)) for s in sentences), key=_hardness)
    grade = round(_grade(text), 1) if words >= MIN_WORDS else None
    return Readability(words, len(sentences), grade, scored[:HARDEST])


def _hardness(sentence: Sentence) -> tuple[float, int]:
    return (-sentence.grade, -len(sentence.text))
