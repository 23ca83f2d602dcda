"""The page `mkdocs serve` shows while the data has problems."""

from __future__ import annotations

from plansite.render.templates import render


def problems_page(report: str) -> str:
    *problems, summary = report.strip().splitlines()
    body = render("shared/problems.html", problems=problems, summary=summary)
    # render_macros: false, so text quoted from the data is never read as a template
    return f"---\ntitle: Problems in the data\nrender_macros: false\nsearch:\n  exclude: true\n---\n\n{body}"
