"""The board's own prose: Markdown files in data/pages/ that narrative pages show (the home
page's welcome, the about text...). Each is optional; a page shows nothing of a missing one."""

from __future__ import annotations

from pathlib import Path

from plansite.read.problems import Problems, display_path
from plansite.read.text import read_text

PAGES_FOLDER = "pages"
# name: where it is shown
BOARD_PAGES = {
    "home": "the home page, below the vision",
    "about": "the about page, above the board's objectives",
    "membership": "the membership page, above the list of members",
}


def read_board_pages(folder: Path, problems: Problems) -> dict[str, str]:
    if not folder.is_dir():
        return {}
    pages: dict[str, str] = {}
    for path in sorted(folder.iterdir()):
        if path.suffix == ".md" and path.stem in BOARD_PAGES:
            text = read_text(path, problems)
            if text is not None:
                pages[path.stem] = text
        elif not path.name.startswith("."):
            known = ", ".join(f"{name}.md ({where})" for name, where in BOARD_PAGES.items())
            problems.add(
                display_path(path), 1, f"unknown page `{path.name}`; the pages are: {known}"
            )
    return pages
