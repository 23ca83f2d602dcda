"""Narrative pages in docs/ and the optional parts they need: a page whose front matter says
`needs: [budget]` is left out of the site (and so of the menu, the sitemap and search) when the
board has no budget.yml; one that says `needs_indicators: [N12a]` is left out unless the board
publishes those indicators. The menu keeps only the pages the site has."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.utils.meta import get_data

from plansite.model.sections import SECTION_KEYS


class NeedsError(ValueError):
    """A page in docs/ names a part of the site that does not exist."""


@dataclass(frozen=True)
class Needs:
    parts: frozenset[str]  # optional parts of the site (plansite.model.sections)
    indicators: tuple[str, ...] = ()  # indicator refs whose figures the page prints


def page_needs(docs_dir: Path) -> dict[str, Needs]:
    """Each Markdown page in docs/ (by its path inside docs/) and what it needs."""
    found: dict[str, Needs] = {}
    for path in sorted(docs_dir.rglob("*.md")):
        _, meta = get_data(path.read_text(encoding="utf-8"))
        needs = meta.get("needs") or []
        needs = [needs] if isinstance(needs, str) else needs
        relative = path.relative_to(docs_dir).as_posix()
        unknown = [n for n in needs if n not in SECTION_KEYS]
        if unknown:
            raise NeedsError(
                f"docs/{relative}: `needs: {unknown[0]}` is not a part of the site; "
                f"use {', '.join(sorted(SECTION_KEYS))}"
            )
        indicators = meta.get("needs_indicators") or []
        found[relative] = Needs(frozenset(needs), tuple(str(ref) for ref in indicators))
    return found


def left_out(
    needs: dict[str, Needs], on: frozenset[str], publishes: Callable[[str], bool]
) -> frozenset[str]:
    """The pages in docs/ whose data the board does not have."""
    return frozenset(
        path
        for path, need in needs.items()
        if not need.parts <= on or not all(publishes(ref) for ref in need.indicators)
    )


def prune_nav(nav: list[Any], kept: Callable[[str], bool]) -> list[Any]:
    """The `nav:` of mkdocs.yml with only the pages the site has: a section with none left goes."""
    result: list[Any] = []
    for item in nav:
        if isinstance(item, dict):
            ((title, value),) = item.items()
            if isinstance(value, list):
                inner = prune_nav(value, kept)
                if inner:
                    result.append({title: inner})
            elif not isinstance(value, str) or kept(value) or "://" in value:
                result.append(item)
        elif not isinstance(item, str) or kept(item) or "://" in item:
            result.append(item)
    return result
