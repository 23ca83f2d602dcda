"""Status vocabularies are data: each plan says what its words mean and which count as done."""

from __future__ import annotations

import re

from pydantic import Field, field_validator

from macros.model.base import Model

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


class Status(Model):
    key: str = Field(description="The word used in `status:` fields, e.g. amber")
    label: str = Field(description="The word shown to readers, e.g. On target")
    colour: str = Field(description='Colour as #rrggbb, e.g. "#ffdd00"')
    meaning: str = Field("", description="What this status means in this plan")
    done: bool = Field(False, description="Whether an action with this status counts as done")

    @field_validator("key")
    @classmethod
    def _key_is_a_word(cls, value: str) -> str:
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_\-]*", value):
            raise ValueError(
                f"status key `{value}` must be one word of letters, digits or hyphens, "
                "e.g. on-track"
            )
        return value

    @field_validator("colour")
    @classmethod
    def _colour_is_hex(cls, value: str) -> str:
        if not HEX_COLOUR.match(value):
            raise ValueError(f'colour `{value}` must be written as #rrggbb, e.g. "#ffdd00"')
        return value.lower()


class Vocabulary:
    """A plan's statuses, best first (that order judges whether a status got worse)."""

    def __init__(self, statuses: list[Status]) -> None:
        self.statuses = statuses
        self._by_key = {s.key.lower(): s for s in statuses}
        self._rank = {s.key.lower(): i for i, s in enumerate(statuses)}

    def find(self, key: str) -> Status | None:
        return self._by_key.get(key.strip().lower())

    def keys(self) -> list[str]:
        return [s.key for s in self.statuses]

    def worse(self, before: str, after: str) -> bool:
        return self._rank[after.lower()] > self._rank[before.lower()]
