"""The reading-age gate at `make check` time: the build gates each young people's guide page
on its HTML, and a strict build stops on a page above the target grade, so `make check` renders
the same pages from the same data and fails on them first, with the same message."""

from __future__ import annotations

from pathlib import Path

from plansite.model.board_data import BoardData
from plansite.pages.reading_gate import DEFAULT_GRADE, gate_message, is_guide_page
from plansite.pages.registry import generated_pages, render_page
from plansite.read.site_config import site_config

MKDOCS_YML = Path(__file__).resolve().parents[2] / "mkdocs.yml"


def guide_gate(site: BoardData, mkdocs_yml: Path = MKDOCS_YML) -> list[str]:
    """The build's reading-gate warnings, one per guide page above the target grade."""
    target = _reading_grade(mkdocs_yml)
    if isinstance(target, str):
        return [target]
    found = []
    for page in generated_pages(site):
        if is_guide_page(page.path):
            html = render_page(site, page.path, page.page_type.name, *page.args)
            if message := gate_message(site, page.path, html, target):
                found.append(message)
    return found


def _reading_grade(mkdocs_yml: Path) -> float | str:
    """The `plansite` plugin's `reading_grade` in mkdocs.yml, or the problem with it."""
    if not mkdocs_yml.exists():
        return DEFAULT_GRADE
    plugins = site_config(mkdocs_yml).get("plugins")
    for entry in plugins or []:
        if isinstance(entry, dict) and isinstance(entry.get("plansite"), dict):
            value = entry["plansite"].get("reading_grade", DEFAULT_GRADE)
            if isinstance(value, bool) or not isinstance(value, int | float):
                return f"mkdocs.yml: plansite: reading_grade is `{value}`; write a number, e.g. 5"
            return float(value)
    return DEFAULT_GRADE
