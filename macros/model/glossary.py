"""The board's glossary (data/glossary.yml, optional): the abbreviations and words its plans
use, each with what it means in plain words. Subgroups' acronyms (subgroups.yml) are added."""

from __future__ import annotations

import re

from pydantic import Field, field_validator

from macros.model.base import Model
from macros.model.slugs import slug

# An abbreviation, as opposed to a phrase: one word with at least two capitals ("PPPG", "MARAC")
ABBREVIATION = re.compile(r"[A-Z0-9&]*[A-Z][A-Z0-9&]*[A-Z][A-Za-z0-9&]*")


class GlossaryFile(Model):
    terms: dict[str, str] = Field(
        default_factory=dict,
        description='Each abbreviation or word and what it means, e.g. LADO: "Local Authority '
        'Designated Officer, who looks into concerns about adults who work with children"',
    )

    @field_validator("terms")
    @classmethod
    def _meanings_given(cls, terms: dict[str, str]) -> dict[str, str]:
        seen: dict[str, str] = {}
        for term, meaning in terms.items():
            if not meaning.strip():
                raise ValueError(f"`{term}` has no meaning; write what it means after the colon")
            name = slug(term)
            if name in seen:  # one entry address (#term-lado) for both: one would be lost
                raise ValueError(
                    f"`{term}` and `{seen[name]}` are the same term but for case or punctuation; "
                    "keep one of them"
                )
            seen[name] = term
        return {t.strip(): m.strip() for t, m in terms.items()}


def is_abbreviation(term: str) -> bool:
    return ABBREVIATION.fullmatch(term) is not None
