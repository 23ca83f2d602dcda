"""Status vocabularies are data: each plan says what its words mean and which count as done.

A plan lists its own statuses or names a preset (macros/model/status_presets.py). An action may
give its status as the key, the label or another word the status lists (`aliases`), written as
the document has it: "Not yet completed but on-track", "On Target" and "G" all match, whatever
their case and spacing.
"""

from __future__ import annotations

import re

from pydantic import Field, field_validator, model_validator

from macros.model.base import Model, as_list

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def match_word(text: str) -> str:
    """What two spellings of a status must share to match: letters and digits, any case."""
    return "".join(c for c in text.casefold() if c.isalnum())


def slug(text: str) -> str:
    """Safe in a web address, an id or a class: "Not yet started" -> "not-yet-started"."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


class Status(Model):
    key: str = Field(
        description="The word used in `status:` fields, e.g. amber (the label when left out)"
    )
    label: str = Field(description="The word shown to readers, e.g. On target")
    colour: str = Field(description='Colour as #rrggbb, e.g. "#ffdd00"')
    meaning: str = Field("", description="What this status means in this plan")
    done: bool = Field(False, description="Whether an action with this status counts as done")
    closed: bool = Field(
        False,
        description="Neither done nor outstanding (cancelled, superseded, merged): never late",
    )
    aliases: list[str] = Field(
        default_factory=list, description='Other words documents use for it, e.g. ["G", "Green"]'
    )

    @model_validator(mode="before")
    @classmethod
    def _key_from_label(cls, data: object) -> object:
        if isinstance(data, dict):
            if "key" not in data and isinstance(data.get("label"), str):
                data = {**data, "key": data["label"]}
            if "aliases" in data:
                data = {**data, "aliases": as_list(data["aliases"])}
        return data

    @field_validator("key")
    @classmethod
    def _key_has_a_word(cls, value: str) -> str:
        if not slug(value):
            raise ValueError(
                f"status key `{value}` needs at least one letter or digit, e.g. on-track"
            )
        return value

    @field_validator("colour")
    @classmethod
    def _colour_is_hex(cls, value: str) -> str:
        if not HEX_COLOUR.match(value):
            raise ValueError(f'colour `{value}` must be written as #rrggbb, e.g. "#ffdd00"')
        return value.lower()

    @model_validator(mode="after")
    def _one_kind(self) -> Status:
        if self.done and self.closed:
            raise ValueError(
                f"status `{self.key}` cannot be both `done` and `closed`; keep one of them"
            )
        return self

    @property
    def slug(self) -> str:
        """The key as used in web addresses and filters: safe whatever the key's spelling."""
        return slug(self.key)

    @property
    def outstanding(self) -> bool:
        """Still to do: neither done nor closed."""
        return not (self.done or self.closed)

    @property
    def words(self) -> list[str]:
        """Every spelling an action may use for this status."""
        return [self.key, self.label, *self.aliases]


class Vocabulary:
    """A plan's statuses, best first (that order judges whether a status got worse)."""

    def __init__(self, statuses: list[Status]) -> None:
        self.statuses = statuses
        self._by_word: dict[str, Status] = {}
        for status in statuses:
            for word in status.words:
                self._by_word.setdefault(match_word(word), status)
        self._rank = {id(s): i for i, s in enumerate(statuses)}

    def find(self, word: str) -> Status | None:
        """The status `word` names: its key, label or an alias, in any case and spacing."""
        return self._by_word.get(match_word(word))

    def keys(self) -> list[str]:
        return [s.key for s in self.statuses]

    @property
    def worst(self) -> Status | None:
        """The last outstanding status: an action in it is "stuck"."""
        outstanding = [s for s in self.statuses if s.outstanding]
        return outstanding[-1] if outstanding else None

    def worse(self, before: str, after: str) -> bool:
        """Whether moving from `before` to `after` is a step back; closing an action never is."""
        first, second = self.find(before), self.find(after)
        if first is None or second is None or second.closed or first.closed:
            return False
        return self._rank[id(second)] > self._rank[id(first)]

    def clashes(self) -> list[tuple[Status, str, Status]]:
        """(status, word, earlier status): a word two statuses share, so `find` is ambiguous."""
        seen: dict[str, Status] = {}
        found = []
        for status in self.statuses:
            for word in dict.fromkeys(match_word(w) for w in status.words):
                other = seen.get(word)
                if other is not None and other is not status:
                    found.append((status, word, other))
                seen.setdefault(word, status)
            slugged = "slug:" + status.slug
            if slugged in seen and seen[slugged] is not status:
                found.append((status, status.slug, seen[slugged]))
            seen.setdefault(slugged, status)
        return found
