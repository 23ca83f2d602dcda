"""The reading-age gate for the young people's guide: a page that reads above the target grade
gets a warning naming the page, its three hardest sentences and where each one was written.

Pure: the plugin (plansite/engine/plugin.py) passes in each built page's HTML and logs the message, so a strict
build fails on it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from plansite.model.base import Model
from plansite.model.board_data import BoardData
from plansite.pages.readability import MIN_WORDS, readability
from plansite.render.text import plain, rich

GUIDE_FOLDER = "guide/"
DEFAULT_GRADE = 5.0  # the plugin's `reading_grade` when mkdocs.yml sets none
FIXED_WORDING = "plansite/fragments/guide/ (fixed wording)"
SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Source:
    text: str  # as a reader sees it: no Markdown, spaces squeezed
    place: str  # file:line


def reading_grade(value: object) -> float:
    """The plugin's `reading_grade` option as a number (the engine's option check and `plansite
    check`'s reading of the settings file both use this one rule)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"`{value}` is not a number; write a number, e.g. 5")
    return float(value)


def is_guide_page(src_path: str) -> bool:
    return src_path.startswith(GUIDE_FOLDER)


def gate_message(site: BoardData, src_path: str, html: str, target: float) -> str | None:
    """The warning for a guide page above the target grade, or None when it passes."""
    if not is_guide_page(src_path):
        return None
    score = readability(html)
    if not score.above(target):
        return None
    lines = [
        f"{src_path}: the young people's guide reads at grade {score.grade:g}, above the "
        f"target of {target:g} (grade 5 is about reading age 10). Use shorter sentences and "
        "shorter words in these, the hardest sentences on the page:"
    ]
    sources = guide_sources(site)
    for sentence in score.hardest:
        lines.append(
            f'  - "{sentence.text}" (grade {sentence.grade:g}), '
            f"written in {where(sentence.text, sources)}"
        )
    return "\n".join(lines)


def short_page_note(src_path: str, html: str) -> str | None:
    """For the build log: a guide page too short to score."""
    if not is_guide_page(src_path):
        return None
    score = readability(html)
    if not score.too_short:
        return None
    return (
        f"{src_path}: {score.words} words, fewer than {MIN_WORDS}: too short for the "
        "reading-age formula to judge, so not scored"
    )


def where(sentence: str, sources: list[Source]) -> str:
    wanted = _squeeze(sentence).rstrip(".!?")
    for source in sources:
        if wanted and wanted in source.text:
            return source.place
    return FIXED_WORDING


def guide_sources(site: BoardData) -> list[Source]:
    """Every text from data the guide shows, with the file and line it was written on."""
    found: list[Source] = []

    def add(model: Model, field: str, text: str) -> None:
        if text:
            found.append(Source(_squeeze(plain(rich(text))), _place(model, field)))

    young = site.board.young_people
    add(young, "about", young.about)
    add(young, "shaped_by", young.shaped_by)
    add(young, "age_range", young.age_range)
    add(site.board, "name", site.board.name)
    for priority in site.current_plan.priorities:
        add(priority, "young_people", priority.young_people)
        add(priority, "young_people_title", priority.young_people_title)
        for action in priority.all_actions:
            add(action, "young_people", action.young_people)
    for plan in site.plans:
        for priority in plan.priorities:
            for statement in priority.children_will_say:
                add(priority, "children_will_say", statement)
    return found


def _place(model: Model, field: str) -> str:
    return f"{model.source_file or 'data'}:{model.line_of(field)}"


def _squeeze(text: str) -> str:
    return SPACES.sub(" ", text).strip()
