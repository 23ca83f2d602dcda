"""The hand-written equivalent of a board: what the same plans would be as pages typed by hand.

One Markdown page per priority: a table of its actions (ref, action, lead, due, status), then
each action's dated updates as a list; a home page listing the plans and their priorities. Built
with stock Material (no custom templates, no extra stylesheets), search and the theme features
the project's mkdocs.yml turns on. Issue 18 compares Plansite's build with this one.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from bench.baseline import ROOT
from plansite.read.site_config import site_config


def write_handwritten(data: Path, folder: Path) -> Path:
    """Write the pages and mkdocs.yml for the board in `data`; returns the config file."""
    from plansite.load import load_board_data
    from plansite.model.progress import status_of

    site = load_board_data(data)
    docs = folder / "docs"
    shutil.rmtree(docs, ignore_errors=True)
    home = [f"# {_cell(site.board.name)}", ""]
    nav: list[Any] = [{"Home": "index.md"}]
    for plan in site.plans_in_order:
        home += [f"## {_cell(plan.title)}", ""]
        pages: list[Any] = []
        for priority in plan.priorities:
            path = f"{plan.id}/priority-{priority.slug}.md"
            title = f"{priority.ref}. {_cell(priority.title)}"
            home.append(f"- [{title}]({path})")
            pages.append({title: path})
            lines = [
                f"# {title}",
                "",
                "| Ref | Action | Lead | Due | Status |",
                "|---|---|---|---|---|",
            ]
            for action in priority.all_actions:
                status = status_of(plan, action)
                cells = [
                    action.ref,
                    action.title,
                    "; ".join(action.leads),
                    action.due or "",
                    status.label if status else "",
                ]
                lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
            for action in priority.all_actions:
                lines += ["", f"## {action.ref} {_cell(action.title)}", ""]
                for update in sorted(action.updates, key=lambda u: u.date, reverse=True):
                    lines.append(f"- **{update.date}**: {_cell(update.text)}")
            target = docs / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text("\n".join(lines) + "\n", encoding="utf-8")
        home.append("")
        nav.append({plan.title: pages})
    (docs / "index.md").write_text("\n".join(home), encoding="utf-8")
    config_file = folder / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(_config(site.board.name, nav, docs)), encoding="utf-8")
    return config_file


def _cell(text: str) -> str:
    """One line of Markdown, safe in a table cell."""
    return " ".join(text.split()).replace("|", "\\|")


def _config(name: str, nav: list[Any], docs: Path) -> dict[str, Any]:
    """Stock Material with search and the project's theme features and Markdown extensions."""
    project: dict[str, Any] = site_config(ROOT / "mkdocs.yml")
    theme = project["theme"]
    return {
        "site_name": name,
        "docs_dir": str(docs),
        "use_directory_urls": True,
        "theme": {
            "name": "material",
            "language": theme.get("language", "en"),
            "font": False,
            "features": theme.get("features", []),
        },
        "markdown_extensions": project.get("markdown_extensions", []),
        "plugins": [{"search": {"lang": "en"}}],
        "nav": nav,
    }
