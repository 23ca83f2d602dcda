"""What a published run's summary says changed, as the What changed page does: status changes
and new dated updates, plan by plan, since the commit the push started from; and the site's
address."""

from __future__ import annotations

import os
from typing import Any

import yaml

from plansite.office.changes import compare
from scripts.ci_run import Run, git


def base_commit(run: Run, before: str) -> str:
    """The commit this push started from: what changed is counted from it."""
    if before and set(before) != {"0"}:
        return before
    return git(run, "rev-parse", "--verify", "--quiet", "HEAD~1").stdout.strip()


def what_changed(run: Run, base: str) -> list[str]:
    """Status changes and new updates, plan by plan, since `base` (as the What changed page
    words them: an action's ref, its status before and after)."""
    lines: list[str] = []
    for path in sorted((run.data / "plans").glob("*.yml")):
        after = _plan(path.read_text(encoding="utf-8"))
        title = str(after.get("title") or path.stem)
        shown = git(run, "show", f"{base}:{run.rel(path)}") if base else None
        if shown is None or shown.returncode:
            lines.append(f"New plan: {title}")
            continue
        changes = compare(_plan(shown.stdout), after)
        was, now = changes.labels  # each plan's own words: the status list may have changed
        lines += [f"{title}: {_action(ref)} added" for ref in changes.added]
        lines += [f"{title}: {_action(ref)} removed" for ref in changes.removed]
        lines += [
            f"{title}: {_action(ref)} changed from {was.get(old, old)} to {now.get(new, new)}"
            for ref, old, new in changes.statuses
        ]
        lines += [
            f"{title}: {_action(ref)} has {n} new update{'s' if n > 1 else ''}"
            for ref, n in changes.new_updates
        ]
    return lines


def _action(name: str) -> str:
    """compare() names an action `<priority ref>: <action ref>`: "action 1.2", or "priority 2,
    action 3" where the action's ref does not carry its priority's."""
    priority, _, action = name.partition(": ")
    if not action or action.startswith(priority):
        return f"action {action or name}"
    return f"priority {priority}, action {action}"


def _plan(text: str) -> dict[str, Any]:
    try:
        found = yaml.load(text, Loader=yaml.BaseLoader)
    except yaml.YAMLError:
        return {}
    return found if isinstance(found, dict) else {}


def pages_address() -> str:
    """The GitHub Pages address of the repository this runs in."""
    owner, _, name = os.environ.get("GITHUB_REPOSITORY", "").lower().partition("/")
    if not name:
        return ""
    return (
        f"https://{owner}.github.io/"
        if name == f"{owner}.github.io"
        else (f"https://{owner}.github.io/{name}/")
    )


def site_address(run: Run) -> str:
    board = _plan((run.data / "board.yml").read_text(encoding="utf-8"))
    return str(board.get("site_url") or pages_address())
