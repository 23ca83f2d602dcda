"""Indicators: definitions (YAML) and values per period and area (tidy CSV)."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import Literal

from pydantic import Field, PrivateAttr, field_validator, model_validator

from plansite.model.base import Model
from plansite.model.slugs import slug, unused

Unit = Literal["rate_per_10000", "rate_per_100000", "percent", "count", "money", "ratio", "days"]
Polarity = Literal["higher_is_better", "lower_is_better", "none"]
PeriodType = Literal["financial_year", "academic_year", "calendar_year", "quarter", "as_at"]
AREAS = ("local", "england", "neighbours", "region")
# how boards write the three national comparators; any other name is a comparator of its own,
# kept as written ("South West", "All children in the area", a named council)
AREA_NAMES = {
    "local": "local",
    "england": "england",
    "neighbours": "neighbours",
    "statistical neighbours": "neighbours",
    "statistical neighbour average": "neighbours",
    "region": "region",
}
# values that are words, not figures: shown as written, never as 0, never drawn
WORD_VALUES = (
    "n/a",
    "not available",
    "not yet published",
    "suppressed at source",
    "no longer reported",
    "<5",
)

PERIOD_PATTERNS: dict[str, tuple[re.Pattern[str], str]] = {
    "financial_year": (re.compile(r"^(\d{4})-(\d{2})$"), "2024-25"),
    "academic_year": (re.compile(r"^(\d{4})-(\d{2})$"), "2024-25"),
    "calendar_year": (re.compile(r"^(\d{4})$"), "2025"),
    "quarter": (re.compile(r"^(\d{4}) Q([1-4])$"), "2025 Q3"),
    "as_at": (re.compile(r"^(\d{4})-(\d{2})-(\d{2})$"), "2026-03-31"),
}


def period_problem(period: str, period_type: str) -> str | None:
    """Why `period` cannot be a period of this type, or None when it can."""
    pattern, example = PERIOD_PATTERNS[period_type]
    match = pattern.match(period)
    canonical = any(p.match(period) for p, _ in PERIOD_PATTERNS.values())
    if not match and not canonical:
        return None  # written as the document has it ("Academic year 2012/13"): see periods.py
    if not match:
        return (
            f"period `{period}` is not a {period_type.replace('_', ' ')}; write it like {example}"
        )
    if period_type in ("financial_year", "academic_year"):
        start, end = int(match.group(1)), int(match.group(2))
        if (start + 1) % 100 != end:
            return f"period `{period}` must be two years in a row, like {start}-{(start + 1) % 100:02d}"
    return None


class Commentary(Model):
    period: str
    comment: str = Field("", description="What the figures show. Markdown")
    actions: str = Field("", description="Actions to improve. Markdown")


class Target(Model):
    value: float = Field(description="The figure to reach, in the indicator's unit")
    by: str = Field("", description="When, as the board writes it: 2026-03-31, 2025-26, March 2026")
    direction: Literal["at_least", "at_most", ""] = Field(
        "",
        description="at_least (reach it or go above) or at_most (stay at or below it); by "
        "default from the polarity",
    )

    @field_validator("value", mode="before")
    @classmethod
    def _number(cls, value: object) -> object:
        return _figure(value) if isinstance(value, str) else value

    def aim(self, polarity: str) -> str:
        """at_least or at_most, or "" when neither the target nor the polarity says."""
        if self.direction:
            return self.direction
        return {"higher_is_better": "at_least", "lower_is_better": "at_most"}.get(polarity, "")


class Indicator(Model):
    ref: str = Field(
        description='As the document writes it, e.g. "N12a" (national), "L7" (local) or "N16 (2)"; '
        "only its page address is simplified"
    )
    title: str
    description: str = ""
    meaning: str = Field("", description="What does this indicator mean?")
    unit: Unit
    polarity: Polarity = "none"
    period_type: PeriodType = "financial_year"
    source: str = ""
    theme: str = "Other"
    kind: Literal["series", "distribution"] = "series"
    commentary: list[Commentary] = Field(default_factory=list)
    id: str = Field(
        "",
        description="Names the indicator in indicator_values.csv when its ref is empty or shared "
        "with another row of the document (several rows written `N2`); the ref by default",
    )
    parent: str = Field(
        "", description="The indicator this one is a row under (its ref or id), e.g. N12"
    )
    second_unit: str = Field(
        "",
        description="The unit of a second figure shown beside each value, e.g. percent "
        "(`392 (28.7%)`), or words written after it (`per 100,000`)",
    )

    target: Target | None = None
    status: str = Field(
        "",
        description="The board's own word for how it is going (On track, Met, Red): shown "
        "as written, and checked against the figures",
    )

    _address: str = PrivateAttr(default="")

    @property
    def slug(self) -> str:
        """Its page and file name: the ref made simple ("N16 (2)" -> "n16-2"), its own among
        the indicators (see IndicatorsFile)."""
        return self._address or slug(self.key)

    @property
    def key(self) -> str:
        """What indicator_values.csv, plans and the planner call it: its id, or else its ref."""
        return self.id or self.ref


class Thresholds(Model):
    suppress_below: int = Field(6, ge=1, description="Counts from 1 up to this minus 1 are hidden")
    min_count: int = Field(
        10,
        ge=1,
        description="A group's rate is compared with all children's only when it counts at "
        "least this many children (a rate from a handful of children swings too far to judge)",
    )


class IndicatorsFile(Model):
    thresholds: Thresholds = Field(default_factory=Thresholds)
    indicators: list[Indicator]

    def model_post_init(self, context: object) -> None:
        # "N16 (2)" and "N16-2" are two indicators: each keeps a page and a file of its own
        used = {"index"}  # the list of all of them
        for indicator in self.indicators:
            indicator._address = unused(slug(indicator.key) or "indicator", used)


class Value(Model):
    """One row of indicator_values.csv."""

    indicator: str
    period: str
    area: str = Field(
        description="`local`, or the comparator as the board names it: England, Statistical "
        "neighbours, Region, or any other (South West, a named council)"
    )
    category: str = ""
    dimension: str = Field(
        "", description="What a breakdown splits by (age band, sex, cohort), with `category`"
    )
    value: float | None
    word: str = Field("", description="A value written in words (not available): never a 0")
    second_value: float | None = None
    note: str = ""
    places: int = Field(0, description="Decimal places of the value as written (set on reading)")

    @model_validator(mode="before")
    @classmethod
    def _words(cls, data: object) -> object:
        """ "not available" and the like are kept as words, and the figure left empty."""
        if isinstance(data, dict) and isinstance(data.get("value"), str):
            text = " ".join(data["value"].split())
            if text.lower() in WORD_VALUES:
                data = {**data, "value": None, "word": text}
            elif "." in text:
                data = {**data, "places": len(text.rsplit(".", 1)[1])}
        return data

    @field_validator("area", mode="before")
    @classmethod
    def _area(cls, area: object) -> object:
        if isinstance(area, str):
            written = " ".join(area.split())
            return AREA_NAMES.get(written.lower(), written)
        return area

    @field_validator("value", "second_value", mode="before")
    @classmethod
    def _number(cls, value: object) -> object:
        if isinstance(value, str):
            return None if value.strip() == "" else _figure(value)
        return value

    @model_validator(mode="after")
    def _has_figure(self) -> Value:
        if self.value is None and not self.word:
            raise ValueError(
                "value is empty; write the figure, or words such as `not available` "
                f"({', '.join(WORD_VALUES)}), or leave the row out"
            )
        return self

    @property
    def is_comparator(self) -> bool:
        return self.area != "local"


def _figure(text: str) -> float:
    """A figure as typed: `1,234` is a thousand and more, `39,8` a decimal comma (refused)."""
    text = text.strip()
    if re.fullmatch(r"-?\d+,\d{1,2}", text) or re.fullmatch(r"-?\d+,\d{4,}", text):
        raise ValueError(
            f"value `{text}` has a decimal comma; write a decimal point: {text.replace(',', '.')}"
        )
    if re.fullmatch(r"-?\d{1,3}(,\d{3})+(\.\d+)?", text):
        text = text.replace(",", "")
    try:
        number = float(text)
    except ValueError:
        number = math.nan
    if not math.isfinite(number) or "," in text:  # `NaN` and `inf` are words here, not figures
        raise ValueError(
            f"value `{text}` is not a number; write digits only, e.g. 27.4 "
            "(no %, £ or words); when there is no figure, write one of: "
            f"{', '.join(WORD_VALUES)}, or leave the row out"
        )
    return number


def theme_ids(indicators: Iterable[Indicator]) -> list[str]:
    """Each theme's id on the catalogue, in the order the themes first appear: its own even
    when two themes differ only in case (`Child protection`, `Child Protection`: advice)."""
    used: set[str] = set()
    themes = dict.fromkeys(indicator.theme for indicator in indicators)
    return [unused(slug(theme) or "theme", used) for theme in themes]


class Population(Model):
    """One row of indicator_population.csv: the children in one group of a breakdown."""

    area: str = "local"
    period: str
    dimension: str = Field(
        "",
        description="As in indicator_values.csv: ethnicity, age band, sex; empty for all children",
    )
    category: str = Field(
        description="The group, as in indicator_values.csv; `All children` for the whole area"
    )
    population: float

    @field_validator("population", mode="before")
    @classmethod
    def _number(cls, value: object) -> object:
        return _figure(value) if isinstance(value, str) else value

    @field_validator("area", mode="before")
    @classmethod
    def _area(cls, area: object) -> object:
        if isinstance(area, str):
            written = " ".join(area.split())
            return AREA_NAMES.get(written.lower(), written) or "local"
        return area
