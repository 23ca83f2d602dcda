"""The menu: the `nav:` of mkdocs.yml, less the pages this board's site does not have, plus the
generated pages under their sections' index pages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from plansite.pages import GeneratedPage
from plansite.pages.narrative_pages import prune_nav
from plansite.render.text import title_text


def prune(config: MkDocsConfig, pages: list[GeneratedPage], left_out_pages: frozenset[str]) -> None:
    """The menu lists only pages the site has: no section for a part whose data is absent."""
    if not config.nav:
        return
    docs = Path(config.docs_dir)
    generated = {p.path for p in pages}

    def kept(path: str) -> bool:
        if path in left_out_pages:
            return False
        return path in generated or (docs / path).is_file()

    config.nav = prune_nav(config.nav, kept)


def extend(config: MkDocsConfig, pages: list[GeneratedPage]) -> None:
    """Put generated pages under their section's index page in the `nav:` of mkdocs.yml."""
    if not config.nav:
        return
    by_section: dict[str, list[GeneratedPage]] = {}
    for page in pages:
        if page.nav_section and page.path != page.nav_section:
            by_section.setdefault(page.nav_section, []).append(page)

    def expand(items: list[Any]) -> list[Any]:
        result: list[Any] = []
        for item in items:
            if isinstance(item, dict):
                ((title, value),) = item.items()
                if isinstance(value, list):
                    result.append({title: expand(value)})
                elif value in by_section:
                    result.append({title: [value, *_grouped(by_section[value])]})
                else:
                    result.append(item)
            else:
                result.append(item)
        return result

    config.nav = expand(config.nav)


def _grouped(pages: list[GeneratedPage]) -> list[Any]:
    entries: list[Any] = []
    groups: dict[str, list[Any]] = {}
    for page in pages:
        if page.nav_group:
            if page.nav_group not in groups:
                groups[page.nav_group] = []
                entries.append({title_text(page.nav_group): groups[page.nav_group]})
            groups[page.nav_group].append({page.nav_title: page.path})
        else:
            entries.append({page.nav_title: page.path})
    return entries
