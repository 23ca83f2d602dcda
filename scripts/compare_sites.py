"""Compare two built sites page by page, and say how each HTML page differs: in its content (the
<article>), only in whitespace between block elements, or only in "On this page" (the table of
contents: the sidebar, its copy in the menu for small screens, and the "Skip to content" link,
which points at the first heading).

    python scripts/compare_sites.py BEFORE_DIR AFTER_DIR [--show N]

Issue 18 compares the site built before generated pages skipped Python-Markdown with the site
built after (docs/maintainers/performance.md).
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from collections import Counter
from pathlib import Path

ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
SKIP_LINK = re.compile(r'<a href="#[^"]*" class="md-skip">.*?</a>', re.S)
TOC_LABEL = re.compile(
    r'<label class="md-nav__link md-nav__link--active" for="__toc">.*?</label>', re.S
)
TOC_START = '<nav class="md-nav md-nav--secondary"'
NAV_TAG = re.compile(r"<nav\b|</nav>")
GAP = re.compile(r"(</?\w+)[^<>]*>(\s*)(?=<(/?\w+))")
BLOCKS = {"div", "p", "h1", "h2", "h3", "h4", "h5", "h6", "section", "table", "figure", "ul", "ol"}


def _without_toc(html: str) -> str:
    """The page around its article with "On this page" (nested <nav>s) taken out."""
    html = TOC_LABEL.sub("", SKIP_LINK.sub("", html))
    while (start := html.find(TOC_START)) >= 0:
        depth = 0
        for tag in NAV_TAG.finditer(html, start):
            depth += 1 if tag.group() != "</nav>" else -1
            if depth == 0:
                html = html[:start] + html[tag.end() :]
                break
    return re.sub(r">\s*<", "><", html)  # the theme's whitespace around what was taken out


def _block_gaps_only(old: str, new: str) -> Counter[tuple[str, str]] | None:
    """The pairs of block tags between which only whitespace differs, or None when anything
    else differs (whitespace between inline elements shows as a space, so it counts)."""
    if re.sub(r">\s*<", "><", old) != re.sub(r">\s*<", "><", new):
        return None
    pairs: Counter[tuple[str, str]] = Counter()
    for a, b in zip(GAP.finditer(old), GAP.finditer(new), strict=True):
        if a.group(2) != b.group(2):
            left, right = a.group(1).lstrip("</"), a.group(3).lstrip("/")
            if left not in BLOCKS or right not in BLOCKS:
                return None
            pairs[(a.group(1) + ">", "<" + a.group(3))] += 1
    return pairs


def compare(before: Path, after: Path, show: int) -> dict[str, list[str]]:
    old_files = {p.relative_to(before) for p in before.rglob("*") if p.is_file()}
    new_files = {p.relative_to(after) for p in after.rglob("*") if p.is_file()}
    kinds: dict[str, list[str]] = {}
    for path in sorted(old_files - new_files):
        kinds.setdefault("only before", []).append(str(path))
    for path in sorted(new_files - old_files):
        kinds.setdefault("only after", []).append(str(path))
    gaps: Counter[tuple[str, str]] = Counter()
    shown = 0
    for path in sorted(old_files & new_files):
        old, new = (before / path).read_bytes(), (after / path).read_bytes()
        if old == new:
            continue
        if path.suffix != ".html":
            kinds.setdefault("other file differs", []).append(str(path))
            continue
        old_html, new_html = old.decode(), new.decode()
        old_match, new_match = ARTICLE.search(old_html), ARTICLE.search(new_html)
        old_article = old_match.group(1).strip() if old_match else ""
        new_article = new_match.group(1).strip() if new_match else ""
        around_same = _without_toc(ARTICLE.sub("", old_html)) == _without_toc(
            ARTICLE.sub("", new_html)
        )
        found = _block_gaps_only(old_article, new_article)
        if not around_same or found is None:
            kind = "CONTENT DIFFERS"
            if shown < show:
                shown += 1
                lines = difflib.unified_diff(
                    re.sub(r">\s*<", ">\n<", old_html).splitlines(),
                    re.sub(r">\s*<", ">\n<", new_html).splitlines(),
                    f"before/{path}",
                    f"after/{path}",
                    n=1,
                    lineterm="",
                )
                print("\n".join(list(lines)[:80]))
        elif found:
            kind = "'On this page' + whitespace between block elements"
            gaps.update(found)
        else:
            kind = "'On this page' only"
        kinds.setdefault(kind, []).append(str(path))
    for kind, paths in kinds.items():
        more = " …" if len(paths) > 3 else ""
        print(f"{len(paths):5}  {kind}: {', '.join(paths[:3])}{more}")
    if gaps:
        print(
            "whitespace changed between: "
            + ", ".join(f"{a}{b} ×{n}" for (a, b), n in gaps.most_common())
        )
    return kinds


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--show", type=int, default=2, help="content diffs to print")
    args = parser.parse_args()
    kinds = compare(args.before, args.after, args.show)
    return 1 if "CONTENT DIFFERS" in kinds or "only before" in kinds or "only after" in kinds else 0


if __name__ == "__main__":
    sys.exit(main())
