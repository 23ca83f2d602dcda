"""No two things of a kind may share a page: each object's page or file name, made by the one
slug function, must be its own. Otherwise the second page silently replaces the first. (Things
of different kinds, and the site's own pages: plansite/check/addresses.py.)"""

from __future__ import annotations

from collections.abc import Iterable

from plansite.model.base import Model
from plansite.model.board_data import BoardData
from plansite.model.indicators import Indicator
from plansite.model.slugs import slug
from plansite.read.problems import Problems


def check_pages(site: BoardData, problems: Problems) -> None:
    # priorities and indicators are given page names of their own (Plan._priority_addresses,
    # IndicatorsFile): their refs are written as documents write them, alike or not
    _indicator_addresses(site, problems)
    _theme_names(site, problems)
    _distinct(site.subgroups, "id", "subgroup id", "page name", problems)


def _indicator_addresses(site: BoardData, problems: Problems) -> None:
    """Advice when two refs make one address (`N19` and `n19`): both are published, the second
    at an address of its own, but they may be one indicator written twice."""
    first: dict[str, Indicator] = {}
    for indicator in site.indicators:
        name = slug(indicator.ref)
        earlier = first.setdefault(name, indicator)
        if earlier is not indicator and earlier.ref != indicator.ref:  # the same ref: an error
            problems.advise(indicator.source_file, indicator.line_of("ref"), f"indicator ref "
                f"`{indicator.ref}` differs from `{earlier.ref}` (line {earlier.line_of('ref')}) "
                "only in case or punctuation; both are published, the second at "
                f"`indicators/{indicator.slug}/`; if they are one indicator, keep one of the two")  # fmt: skip


def _theme_names(site: BoardData, problems: Problems) -> None:
    """Advice when two themes differ only in case or punctuation: each is its own table on the
    catalogue (with an id of its own), but they are more likely one theme written twice."""
    first: dict[str, Indicator] = {}  # by the theme's id
    said = set()  # each theme is advised once, at its first indicator
    for indicator in site.indicators:
        earlier = first.setdefault(slug(indicator.theme), indicator)
        if earlier.theme != indicator.theme and indicator.theme not in said:
            said.add(indicator.theme)
            problems.advise(indicator.source_file, indicator.line_of("theme"), f"theme "
                f"`{indicator.theme}` differs from `{earlier.theme}` (line "
                f"{earlier.line_of('theme')}) only in case or punctuation; both are published, "
                "each as a table of its own; if they are one theme, write it the same way")  # fmt: skip


def _distinct(items: Iterable[Model], field: str, what: str, made: str, problems: Problems) -> None:
    seen: dict[str, Model] = {}
    for item in items:
        written = str(getattr(item, field))
        name = slug(written)
        line = item.line_of(field)
        if not name:
            problems.add(item.source_file, line, f"{what} `{written}` has no letter or digit, "
                         f"so it cannot make a {made}; write it with letters or digits")  # fmt: skip
        elif name in seen:
            first = seen[name]
            first_written = str(getattr(first, field))
            if first_written != written:  # the same ref twice is reported as a duplicate
                problems.add(
                    item.source_file,
                    line,
                    f"{what} `{written}` makes the same {made} (`{name}`) as `{first_written}` "
                    f"on line {first.line_of(field)}, so one would replace the other; "
                    "make them differ by more than case or punctuation",
                )
        else:
            seen[name] = item
