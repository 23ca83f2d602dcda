"""Indicators: definitions (YAML) and values per period and area (tidy CSV)."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import Literal

from pydantic import Field, PrivateAttr, field_validator

from macros.model.base import Model
from macros.model.slugs import slug, unused

Unit = Literal["rate_per_10000", "percent", "count", "money", "ratio", "days"]
Polarity = Literal["higher_is_better", "lower_is_better", "none"]
PeriodType = Literal["financial_year", "academic_year", "calendar_year", "quarter", "as_at"]
AREAS = ("local", "england", "neighbours", "region")

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

    _address: str = PrivateAttr(default="")

    @property
    def slug(self) -> str:
        """Its page and file name: the ref made simple ("N16 (2)" -> "n16-2"), its own among
        the indicators (see IndicatorsFile)."""
        return self._address or slug(self.ref)


class Thresholds(Model):
    suppress_below: int = Field(6, ge=1, description="Counts from 1 up to this minus 1 are hidden")


class IndicatorsFile(Model):
    thresholds: Thresholds = Field(default_factory=Thresholds)
    indicators: list[Indicator]

    def model_post_init(self, context: object) -> None:
        # "N16 (2)" and "N16-2" are two indicators: each keeps a page and a file of its own
        used = {"index"}  # the list of all of them
        for indicator in self.indicators:
            indicator._address = unused(slug(indicator.ref) or "indicator", used)


class Value(Model):
    """One row of indicator_values.csv."""

    indicator: str
    period: str
    area: Literal["local", "england", "neighbours", "region"]
    category: str = ""
    value: float

    @field_validator("value", mode="before")
    @classmethod
    def _number(cls, value: object) -> object:
        if isinstance(value, str):
            return _figure(value)
        return value


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
            "(no %, £ or words; leave the row out when there is no figure)"
        )
    return number


def theme_ids(indicators: Iterable[Indicator]) -> list[str]:
    """Each theme's id on the catalogue, in the order the themes first appear: its own even
    when two themes differ only in case (`Child protection`, `Child Protection`: advice)."""
    used: set[str] = set()
    themes = dict.fromkeys(indicator.theme for indicator in indicators)
    return [unused(slug(theme) or "theme", used) for theme in themes]
