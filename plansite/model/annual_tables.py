"""Annual report tables: the budget statement and the training table."""

from __future__ import annotations

import re

from pydantic import Field, field_validator, model_validator

from plansite.model.base import Model


class BudgetLine(Model):
    line: str
    budget: float | None = None
    actual: float | None = None

    @model_validator(mode="after")
    def _negative_only_for_refunds(self) -> BudgetLine:
        # a minus typed by mistake would quietly lower the totals the board publishes
        for name in ("budget", "actual"):
            figure = getattr(self, name)
            if (
                figure is not None
                and figure < 0
                and not re.search(r"refund|adjust", self.line, re.I)
            ):
                raise ValueError(
                    f"`{name}` is negative ({figure:g}) on a line that is not a refund or an "
                    "adjustment; write the figure without the minus, or say in `line` that it "
                    "is a refund or adjustment"
                )
        return self


class Contribution(Model):
    partner: str
    amount: float = Field(ge=0, description="What the partner paid (the actual contribution)")
    budget: float | None = Field(None, ge=0, description="What the partner was asked to pay")
    group: str = Field("", description="What the contribution is for, e.g. Multi-agency trainer")


class StatedTotals(Model):
    """Totals as printed in the source document; each is checked against its lines."""

    expenditure_budget: float | None = None
    expenditure_actual: float | None = None
    income_budget: float | None = None
    income_actual: float | None = None
    contributions: float | None = None


class Budget(Model):
    year: str
    currency: str = Field("GBP", description="Three-letter currency code, e.g. GBP")

    @field_validator("currency")
    @classmethod
    def _currency_code(cls, value: str) -> str:
        if not re.fullmatch(r"[A-Z]{3}", value):
            raise ValueError(f"currency `{value}` must be a three-letter code such as GBP")
        return value

    expenditure: list[BudgetLine] = Field(default_factory=list)
    income: list[BudgetLine] = Field(default_factory=list)
    contributions: list[Contribution] = Field(default_factory=list)
    stated_totals: StatedTotals = Field(default_factory=StatedTotals)


class Course(Model):
    course: str
    length: str
    delegates: int = Field(ge=0)
