"""Status vocabularies are data: each plan says what its words mean and which count as done.

A plan lists its own statuses or names a preset (plansite/model/status_presets.py). An action may
give its status as the key, the label or another word the status lists (`aliases`), written as
the document has it: "Not yet completed but on-track", "On Target" and "G" all match, whatever
their case and spacing.
"""

from __future__ import annotations

import functools
import re

from pydantic import Field, field_validator, model_validator

from plansite.model.base import Model, as_list
from plansite.model.slugs import slug  # safe in an address, id or class

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
COLOUR_LETTERS = {"blue": "b", "red": "r", "amber": "a", "green": "g"}  # RAG and BRAG letters


# a pure function of the text, asked for every status shown on every page
@functools.lru_cache(maxsize=4096)
def match_word(text: str) -> str:
    """What two spellings of a status must share to match: letters and digits, any case."""
    return "".join(c for c in text.casefold() if c.isalnum())


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
    unexplained: bool = Field(
        False,
        description="Set by the import for a word nothing in the document explained: neither "
        "done nor late until you give its meaning (and done: true if it means finished)",
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
        if self.unexplained and (self.done or self.closed):
            kind = "done" if self.done else "closed"
            raise ValueError(
                f"status `{self.key}` is marked `{kind}` and `unexplained`; once you have said "
                "what it means, remove `unexplained: true`"
            )
        return self

    @property
    def slug(self) -> str:
        """The key as used in web addresses and filters: safe whatever the key's spelling."""
        return slug(self.key)

    @property
    def outstanding(self) -> bool:
        """Still to do: neither done nor closed, nor a word the plan has not explained yet
        (which counts neither done nor late)."""
        return not (self.done or self.closed or self.unexplained)

    @property
    def words(self) -> list[str]:
        """Every spelling an action may use for this status."""
        return [self.key, self.label, *self.aliases]


class Vocabulary:
    """A plan's statuses, best first (that order judges whether a status got worse).

    A word names a status by its key first, then by its label or an alias. Two statuses may
    share a label or an alias (data valid before aliases existed stays valid); only a word
    that is not a key and names both is ambiguous, and a check reports it where it is used.
    """

    def __init__(self, statuses: list[Status]) -> None:
        self.statuses = statuses
        self._by_key: dict[str, Status] = {}
        self._by_other: dict[str, list[Status]] = {}
        for status in statuses:
            self._by_key.setdefault(match_word(status.key), status)
            for word in (status.label, *status.aliases):
                found = self._by_other.setdefault(match_word(word), [])
                if status not in found:
                    found.append(status)
        for status in statuses:  # a colour-word key also answers to its letter: G for green
            letter = COLOUR_LETTERS.get(match_word(status.key))
            if letter and letter not in self._by_key and letter not in self._by_other:
                self._by_other[letter] = [status]
        self._rank = {id(s): i for i, s in enumerate(statuses)}

    def __reduce__(self) -> tuple[type[Vocabulary], tuple[list[Status]]]:
        """Made again from its statuses when unpickled (plansite/engine/kept_model.py): its
        ranks are by the statuses' identities."""
        return Vocabulary, (self.statuses,)

    def meanings(self, word: str) -> list[Status]:
        """Every status `word` can name: one, none, or several when it is ambiguous."""
        key = self._by_key.get(match_word(word))
        return [key] if key is not None else self._by_other.get(match_word(word), [])

    def find(self, word: str) -> Status | None:
        """The status `word` names: its key, label or an alias, in any case and spacing."""
        found = self.meanings(word)
        return found[0] if len(found) == 1 else None

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

    def clashes(self) -> list[tuple[Status, Status]]:
        """(status, earlier status) whose keys are the same but for case, spaces or hyphens:
        the web address of one would be the other's."""
        seen: dict[str, Status] = {}
        found = []
        for status in self.statuses:
            for word in (match_word(status.key), "slug:" + status.slug):
                other = seen.setdefault(word, status)
                if other is not status:
                    found.append((status, other))
                    break
        return found
