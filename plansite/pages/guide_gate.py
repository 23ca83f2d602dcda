"""The reading-age gate at `plansite check` time: the build gates each young people's guide page
on its HTML, and a strict build stops on a page above the target grade, so `plansite check`
renders the same pages from the same data and fails on them first, with the same message. The
target is the plugin's `reading_grade` option, read from the site's settings by the command."""

from __future__ import annotations

from pathlib import Path

from plansite.model.board_data import BoardData
from plansite.pages.reading_gate import DEFAULT_GRADE, gate_message, is_guide_page, reading_grade
from plansite.pages.registry import generated_pages, render_page
from plansite.read.site_config import site_config


def guide_gate(site: BoardData, target: float = DEFAULT_GRADE) -> list[str]:
    """The build's reading-gate warnings, one per guide page above the target grade."""
    found = []
    for page in generated_pages(site):
        if is_guide_page(page.path):
            html = render_page(site, page.path, page.page_type.name, *page.args)
            if message := gate_message(site, page.path, html, target):
                found.append(message)
    return found


def configured_grade(settings: Path) -> float | str:
    """The `plansite` plugin's `reading_grade` in the site's settings file (mkdocs.yml), checked
    by the engine's own rule, or the problem with it; the default without a file or option."""
    if not settings.is_file():
        return DEFAULT_GRADE
    for entry in site_config(settings).get("plugins") or []:
        if isinstance(entry, dict) and isinstance(entry.get("plansite"), dict):
            try:
                return reading_grade(entry["plansite"].get("reading_grade", DEFAULT_GRADE))
            except ValueError as error:
                return f"{settings.name}: plansite: reading_grade: {error}"
    return DEFAULT_GRADE
