"""The readability score and the reading-age gate, as pure functions (no build)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from plansite.load import load_board_data
from plansite.pages import readability as readability_module
from plansite.pages.readability import MIN_WORDS, readability, sentences_of
from plansite.pages.reading_gate import DEFAULT_GRADE, gate_message
from plansite.render import chart_store

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "guide-full"
EASY = (
    "<p>We want you to be safe. We want you to have fun. You can tell us what you think. "
    "We will listen to you. We meet six times a year. We check that the plan works. "
    "You can ask us for help. We will help you find the right person to talk to.</p>"
)
HARD_FROM_DATA = (
    "Notwithstanding considerable organisational complexity, practitioners systematically "
    "evaluate contemporaneous intelligence regarding exploitation vulnerabilities."
)
HARD = (
    "The partnership's multi-agency arrangements necessitate comprehensive interdisciplinary "
    "collaboration between statutory organisations."
)


def test_easy_text_scores_below_the_target_and_hard_text_above() -> None:
    easy = readability(EASY)
    hard = readability(EASY + f"<p>{HARD} {HARD}</p>")
    assert easy.grade is not None and easy.grade <= DEFAULT_GRADE
    assert hard.grade is not None and hard.grade > DEFAULT_GRADE
    assert hard.hardest[0].text == HARD


def test_the_three_hardest_sentences_are_named_hardest_first() -> None:
    result = readability(EASY + f"<p>{HARD} It is a rather complicated situation.</p>")
    assert len(result.hardest) == 3
    assert result.hardest[0].text == HARD
    assert result.hardest[1].text == "It is a rather complicated situation."
    grades = [s.grade for s in result.hardest]
    assert grades == sorted(grades, reverse=True)


def test_the_help_box_is_left_out_of_the_score() -> None:
    boxed = EASY + f'<aside data-reading-gate="skip"><p>{HARD}</p><p>Call 0800 1111.</p></aside>'
    assert readability(boxed) == readability(EASY)


def test_headings_and_list_items_are_sentences_of_their_own() -> None:
    html = "<h2>What we did</h2><ul><li>done We trained staff</li><li>stuck A survey</li></ul>"
    assert sentences_of(html) == ["What we did", "done We trained staff", "stuck A survey"]


def test_a_page_too_short_for_the_formula_is_not_graded() -> None:
    short = readability(f"<p>{HARD}</p>")
    assert short.words < MIN_WORDS
    assert short.grade is None and short.too_short
    assert not short.above(DEFAULT_GRADE)
    assert short.hardest[0].text == HARD  # still named, for the build log


def test_the_gate_names_the_page_and_where_each_hard_sentence_was_written(
    data_copy: Callable[[str], Path],
) -> None:
    data = data_copy("guide-full")
    plan_file = data / "plans" / "plan-a.yml"
    easy_summary = "We want you to be safe when you go online."
    text = plan_file.read_text(encoding="utf-8")
    plan_file.write_text(text.replace(easy_summary, HARD_FROM_DATA), encoding="utf-8")
    site = load_board_data(data)
    priority = site.current_plan.priorities[0]
    html = EASY + f"<p>{priority.young_people}</p><p>{HARD}</p>"

    message = gate_message(site, "guide/goal-1.md", html, DEFAULT_GRADE)

    assert message is not None
    lines = message.splitlines()
    assert lines[0].startswith("guide/goal-1.md: the young people's guide reads at grade ")
    assert len(lines) == 4  # the three hardest sentences
    written = plan_file.read_text(encoding="utf-8").splitlines()
    line = next(n for n, t in enumerate(written, 1) if HARD_FROM_DATA in t)
    place = f"{priority.source_file}:{line}"
    assert priority.source_file.endswith("plans/plan-a.yml")
    by_text = {line.split('"')[1]: line for line in lines[1:]}
    assert by_text[HARD_FROM_DATA].endswith(f"written in {place}")
    assert by_text[HARD].endswith("written in plansite/fragments/guide/ (fixed wording)")


def test_pages_outside_the_guide_are_not_gated() -> None:
    site = load_board_data(FIXTURE)
    assert gate_message(site, "plans/index.md", f"<p>{HARD}</p>" * 20, DEFAULT_GRADE) is None
    assert gate_message(site, "guide/index.md", EASY, DEFAULT_GRADE) is None


def test_a_score_is_kept_in_the_cache_and_read_back_without_scoring(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A warm build reads each guide page's score: textstat (and nltk) is not even imported."""
    chart_store.use_folder(tmp_path)
    page = EASY + f"<p>{HARD} It is a rather complicated situation.</p>"
    first = readability(page)
    assert len(list((tmp_path / readability_module.KEPT_AS).glob("*.json"))) == 1

    def never(html: str) -> object:
        raise AssertionError("a kept score is read, not worked out again")

    monkeypatch.setattr(readability_module, "_scored", never)
    assert readability(page) == first
    with pytest.raises(AssertionError, match="not worked out again"):
        readability(page + "<p>Another sentence.</p>")  # another page: scored afresh
