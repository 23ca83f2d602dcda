"""The board's glossary (data/glossary.yml, optional): the abbreviations and words its plans
use, each with what it means in plain words. Subgroups' acronyms (subgroups.yml) are added."""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import Field, field_validator

from plansite.model.base import Model
from plansite.model.slugs import slug
from plansite.read.yamlfile import package_yaml

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


# The default glossary of national safeguarding words, one file per language beside the words
NATIONAL_FOLDER = Path(__file__).resolve().parents[1] / "words"


def national_glossary(language: str) -> dict[str, str]:
    """The national terms in `language` (glossary-<language>.yml), or none for a language
    that has no such file yet."""
    path = NATIONAL_FOLDER / f"glossary-{language}.yml"
    if not path.is_file():
        return {}
    terms: dict[str, str] = package_yaml(path)["terms"]
    return {str(t): str(m) for t, m in terms.items()}


def stands_for(meaning: str) -> str:
    """What an abbreviation's letters stand for: its meaning up to the first comma."""
    return meaning.split(",")[0].strip()


def clashes(term: str, meaning: str, national: dict[str, str]) -> str:
    """What a national abbreviation stands for, when a board gives it another meaning."""
    if term not in national or not is_abbreviation(term):
        return ""
    usual = stands_for(national[term])
    return "" if usual.lower() in meaning.lower() else usual
