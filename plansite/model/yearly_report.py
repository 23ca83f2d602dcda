"""A yearly report (data/reports/<year>.yml): the reporting year, the plans it reports on, and the
sections the statutory guidance asks for. Each section is optional; `make check` lists the
missing ones (plansite/check/yearly_reports.py). Prose lives in Markdown chapters beside the file
(data/reports/<year>/<name>.md), read by the loader into `chapters`."""

from __future__ import annotations

import datetime as dt
import re
from functools import cached_property
from typing import Literal

from pydantic import Field, PrivateAttr, field_validator

from plansite.model.annual_tables import Budget
from plansite.model.base import Model, as_list
from plansite.model.dates import parse_day

CHAPTER_NAME = re.compile(r"[a-z0-9][a-z0-9\-]*\.md")


def _check_chapter(value: str) -> str:
    if value and not CHAPTER_NAME.fullmatch(value):
        raise ValueError(
            f"chapter `{value}` must be a file name in the report's folder, in lower case and "
            "ending .md, e.g. foreword.md"
        )
    return value


def _check_date(value: str) -> str:
    parse_day(value)
    return value


class Section(Model):
    """What every section may have: a chapter of prose written by the board."""

    chapter: str = Field("", description="Markdown file in data/reports/<year>/, e.g. foreword.md")

    _check = field_validator("chapter")(_check_chapter)


class Foreword(Section):
    by: list[str] = Field(default_factory=list, description="Who signs it, e.g. the partners")

    _as_list = field_validator("by", mode="before")(as_list)


class Recommendation(Model):
    text: str = Field(description="The review's recommendation")
    actions: list[str] = Field(
        default_factory=list,
        description='Plan actions taken on it: "ref" in the report\'s first plan, or "plan-id:ref"',
    )

    _as_list = field_validator("actions", mode="before")(as_list)


class Review(Model):
    name: str = Field(description='How the review is known, e.g. "Child R"')
    kind: Literal["rapid review", "local review", "national review"] = "rapid review"
    date: str = Field(description="When it was held or published: 2025-11 or 2025-11-14")
    published: bool = Field(False, description="Whether the full review is published")
    url: str = Field("", description="Where the full review is published, for the report's link")
    themes: list[str] = Field(default_factory=list, description="Themes and learning")
    learning: str = Field("", description="What was learned (Markdown)")
    recommendations: list[Recommendation] = Field(default_factory=list)

    _check_date = field_validator("date")(_check_date)
    _as_list = field_validator("themes", mode="before")(as_list)

    @field_validator("url")
    @classmethod
    def _web_address(cls, value: str) -> str:
        if value and not re.match(r"https?://[^\s\"'<>]+$", value):
            raise ValueError(f"url `{value}` must be a web address starting https:// (or http://)")
        return value

    @cached_property
    def day(self) -> dt.date:
        return parse_day(self.date).value


class Reviews(Section):
    reviews: list[Review] = Field(default_factory=list)


class Evaluation(Model):
    measure: str = Field(description="What was measured, e.g. Delegates who rated the course good")
    value: float
    last_year: float | None = Field(None, description="The same measure a year earlier")
    unit: Literal["percent", "count"] = "percent"


class Training(Section):
    evaluation: list[Evaluation] = Field(default_factory=list)


class YouSaid(Model):
    you_said: str = Field(description="What children or families told us")
    we_did: str = Field(description="What changed because of it")


class Voices(Section):
    you_said_we_did: list[YouSaid] = Field(default_factory=list)


class DataUse(Section):
    indicators: list[str] = Field(default_factory=list, description="Indicator refs to show")

    _as_list = field_validator("indicators", mode="before")(as_list)


class Funding(Section):
    budget: Budget | None = Field(None, description="This year's budget, if not data/budget.yml")


class NextYear(Section):
    plan: str = Field("", description="The plan next year's priorities come from (its id)")


class Sections(Model):
    foreword: Foreword | None = None
    scrutineer_view: Foreword | None = None
    effectiveness: Section | None = None
    little_progress: Section | None = None
    reviews: Reviews | None = None
    training: Training | None = None
    voices: Voices | None = None
    data_use: DataUse | None = None
    funding: Funding | None = None
    scrutiny: Section | None = None
    next_year: NextYear | None = None


class Report(Model):
    year: str = Field(description='The reporting year, as in the file name, e.g. "2025-26"')
    title: str = ""
    start: str = Field(description="First day of the reporting year, e.g. 2025-04-01")
    end: str = Field(description="Last day of the reporting year, e.g. 2026-03-31")
    published: str = Field(description="The day the report is published, e.g. 2026-09-30")
    plans: list[str] = Field(default_factory=list, description="Ids of the plans it reports on")
    sections: Sections = Field(default_factory=Sections)

    _check_dates = field_validator("start", "end", "published")(_check_date)
    _as_list = field_validator("plans", mode="before")(as_list)
    _chapters: dict[str, str] = PrivateAttr(default_factory=dict)  # file name -> Markdown

    @field_validator("year")
    @classmethod
    def _year_form(cls, value: str) -> str:
        # a reporting year is twelve months from one calendar year into the next: "2025-26";
        # "2025-2026", "2025" and "2025/26" are refused, so each year has one file and one page
        match = re.fullmatch(r"(\d{4})-(\d{2}|\d{4})", value)
        if not match:
            first = int(value[:4]) if re.match(r"\d{4}", value) else 2025
            raise ValueError(
                f'year `{value}` must be written like "{first}-{(first + 1) % 100:02d}"'
            )
        first, second = int(match[1]), int(match[2]) % 100
        if second == (first + 1) % 100 and len(match[2]) == 4:
            raise ValueError(f'year `{value}` must be written like "{first}-{second:02d}"')
        if second != (first + 1) % 100:
            raise ValueError(
                f"year `{value}` spans more than one year; a report covers one reporting year, "
                f'written like "{first}-{(first + 1) % 100:02d}"'
            )
        return value

    @property
    def first_year(self) -> int:
        return int(self.year[:4])

    @property
    def heading(self) -> str:
        return self.title or f"Annual report {self.year}"

    @cached_property
    def start_date(self) -> dt.date:
        return parse_day(self.start).value

    @cached_property
    def end_date(self) -> dt.date:
        day = parse_day(self.end)
        return day.month_end if day.precision == "month" else day.value

    @cached_property
    def published_date(self) -> dt.date:
        return parse_day(self.published).value

    def chapter(self, section: Section | None) -> str:
        """The Markdown of a section's chapter ('' when it has none)."""
        return self._chapters.get(section.chapter, "") if section and section.chapter else ""

    def keep_chapters(self, chapters: dict[str, str]) -> None:
        self._chapters = chapters
