"""The shortcuts in plansite/render/text.rich (one-line text, plain or with bold and italics,
skips Markdown) change nothing.

Added for build speed (docs/maintainers/performance.md): it must give exactly what Markdown and
the cleaner give, for every text the data holds and for random text full of special characters.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
import yaml

from plansite.render import text

ROOT = Path(__file__).resolve().parents[1]
# characters that mean something to Markdown or HTML, among ordinary prose
ALPHABET = list("ab c.,;:'\"-+=()!?%£é1 2\u00a0/|~^{}\n\t\x02<>&*_#`[]\\")


def _through_markdown(value: str, converter: Any = None) -> str:
    converter = converter or text._converter()
    converter.reset()
    return text.clean_html(converter.convert(value))


class _Recording:
    """Stands in for Markdown in `rich`, noting each text sent to it."""

    def __init__(self) -> None:
        self.sent: list[str] = []

    def reset(self) -> None:
        pass

    def convert(self, value: str) -> str:
        self.sent.append(value)
        return f"<p>{len(self.sent)}</p>"


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def _data_texts() -> set[str]:
    found: set[str] = set()
    for path in [*ROOT.glob("data/**/*.yml"), *ROOT.glob("tests/fixtures/**/*.yml")]:
        try:
            found.update(_strings(yaml.load(path.read_text(encoding="utf-8"), yaml.BaseLoader)))
        except yaml.YAMLError:
            continue  # broken on purpose: some fixtures test error messages
    return found


def _emphasised(rng: random.Random) -> str:
    """Prose with some runs of words in bold or italics, as update texts have."""
    parts = []
    for _ in range(rng.randint(1, 6)):
        run = " ".join(rng.choices(["panel", "met", "on", "time", "5", "plan's", "(MASH)"], k=3))
        mark = rng.choice(["", "", "*", "**"])
        parts.append(f"{mark}{run}{mark}")
    return rng.choice([" ", ", ", ". "]).join(parts)


@pytest.mark.slow  # thousands of samples through Python-Markdown
def test_shortcut_gives_what_markdown_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(8)
    samples = {"".join(rng.choices(ALPHABET, k=rng.randint(1, 30))) for _ in range(20000)}
    samples |= _data_texts()
    # words, spaces and asterisks: bold and italics, and every way of getting them wrong
    words = ["a", "bc", " ", "  ", "*", "**", "***", ".", "'", "1", "-", "é"]
    samples |= {"".join(rng.choices(words, k=rng.randint(1, 14))) for _ in range(20000)}
    samples |= {_emphasised(rng) for _ in range(5000)}
    shortcut = [s for s in samples if text.PLAIN_LINE.fullmatch(s)]
    assert len(shortcut) > 1000  # the shortcut is really taken, so this compares something
    emphasis = [s for s in samples if "*" in s and text.EMPHASIS_LINE.fullmatch(s)]
    assert len(emphasis) > 1000
    # Markdown runs only for the samples a shortcut takes: `rich` is given a stand-in for
    # Markdown, so a sample it sends there (and its output, Markdown's own by construction) is
    # seen, and every other sample's output is compared with the real Markdown's. This proves
    # what comparing every sample did, at a tenth of the Markdown calls.
    markdown, recording = text._converter(), _Recording()
    monkeypatch.setattr(text, "_converter", lambda: recording)
    shortcuts = 0
    for sample in samples:
        given = text.rich.__wrapped__(sample)  # not the cache: each sample converted here
        if recording.sent and recording.sent[-1] is sample:
            assert given == text.clean_html(f"<p>{len(recording.sent)}</p>"), repr(sample)
            continue
        shortcuts += 1
        assert given == _through_markdown(sample, markdown), repr(sample)
    assert shortcuts > 2000  # both shortcuts taken, each over a thousand times (above)
    assert len(recording.sent) == len(samples) - shortcuts > 1000


def test_text_with_markdown_still_goes_through_markdown() -> None:
    assert text.rich("Report **approved** by the board") == (
        "<p>Report <strong>approved</strong> by the board</p>"
    )
    assert text.rich("1. first") == "<ol>\n<li>first</li>\n</ol>"
    assert text.rich("Tom & Jerry <script>x</script>") == "<p>Tom &amp; Jerry </p>"
