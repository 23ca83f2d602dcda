"""The plans uploaded into the board folder's inbox/, imported as `make import FORCE=1` would.
Nobody reads the import's report before the workflow publishes, so a cell of a plan table the
import would leave out stops the run; cells outside the plan's tables are advice."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from plansite.office.__main__ import Stop, current_elsewhere, import_plan
from plansite.office.fidelity import CHANGED
from plansite.office.words import MESSAGES, WHY
from scripts.ci_findings import ERROR, NOTICE
from scripts.ci_run import INBOX, Run

INBOX_MAP = "plans.yml"  # which plan an upload updates, when its name does not say
NOT_UPLOADS = {INBOX_MAP, "readme.md", ".gitkeep"}
# cells the import leaves out that are no part of the plan's tables: advice, not a stop
OUTSIDE_PLAN = {"not_a_plan_table", "before_header"}
UPLOAD_AGAIN = (
    "Fix the document and upload it again with the same name (it replaces this one), or "
    "delete it from {inbox}."
)

# a column the import did not take: the mapping file names it (or says to leave it out)
COLUMN_WHY = {"no_column", "duplicate_column"}
COLUMN_FIX = (
    "Give the column a heading the import knows, or name it in a mapping file (`map:` in the "
    "inbox's plans.yml, as {readme} shows; `ignore` leaves it out), and upload the document again."
)


def inbox_map(run: Run, inbox: Path) -> dict[str, dict[str, str]]:
    """inbox/plans.yml: `"<file name>": <plan id>`, or `plan:`, `sheet:` and `map:` (a mapping
    file in the inbox, as PLAN_MAP= names one) under the file's name."""
    path = inbox / INBOX_MAP
    if not path.is_file():
        return {}
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        line = getattr(getattr(error, "problem_mark", None), "line", 0) + 1
        run.add(ERROR, f"this file cannot be read as YAML ({error}); check its quotes and "
                "indentation.", path, line)  # fmt: skip
        return {}
    entries: dict[str, dict[str, str]] = {}
    for name, value in data.items() if isinstance(data, dict) else []:
        if isinstance(value, str):
            entries[name] = {"plan": value}
        elif isinstance(value, dict) and all(isinstance(v, str) for v in value.values()):
            entries[name] = value
        else:
            run.add(ERROR, f"`{name}`: write the plan's id after the file's name "
                    f'("{name}": business-plan-2025-28), or plan:, sheet: and map: under it.',
                    path)  # fmt: skip
    return entries


def plan_id_for(upload: Path, data: Path) -> str:
    """The plan an upload updates: the plan whose id its name starts with (business-plan-2025-28
    Q3.docx updates business-plan-2025-28), else a new plan named after the file."""
    slug = re.sub(r"[^a-z0-9]+", "-", upload.stem.lower()).strip("-")
    known = sorted((p.stem for p in (data / "plans").glob("*.yml")), key=len, reverse=True)
    return next((k for k in known if slug == k or slug.startswith(k + "-")), slug)


def import_uploads(run: Run) -> None:
    inbox = run.data / INBOX
    if not inbox.is_dir():
        return
    entries = inbox_map(run, inbox)
    again = UPLOAD_AGAIN.format(inbox=run.rel(inbox) + "/")
    readme = run.rel(inbox / "README.md")
    for upload in sorted(inbox.iterdir()):
        if upload.is_dir() or upload.name.lower() in NOT_UPLOADS or upload.name[:1] in ".~":
            continue
        entry = entries.get(upload.name, {})
        plan_id = entry.get("plan") or plan_id_for(upload, run.data)
        target = run.data / "plans" / f"{plan_id}.yml"
        run.uploads.append(upload)
        if first := run.written.get(target.resolve()):
            run.add(ERROR, f"{first.name} and {upload.name} both update {run.rel(target)}: "
                    f"delete the one that is not the latest from {run.rel(inbox)}/.", upload)  # fmt: skip
            continue
        if target not in run.originals:
            run.originals[target] = target.read_bytes() if target.is_file() else None
        plan_map = inbox / entry["map"] if entry.get("map") else None
        try:
            done = import_plan(upload, plan_id, run.data, True, plan_map, entry.get("sheet"))
        except Stop as stop:
            # the runner's folders mean nothing to the manager: paths as the repository has them
            message = str(stop).removeprefix(f"{upload}: ").replace(f"{run.repo}/", "")
            run.add(ERROR, f"{message} {again}", upload)
            continue
        except Exception as error:  # a shape nobody foresaw: said in words, never a traceback
            words = MESSAGES["unexpected"].format(
                file=upload.name, error=f"{type(error).__name__}: {error}"
            )
            run.add(ERROR, words, upload)
            continue
        outcome, target = done.outcome, done.target
        if not done.written:  # a cell changed on the way: the import's fault, nothing written
            changed = done.fidelity.count(CHANGED)
            run.add(ERROR, MESSAGES["fidelity_failed"].format(count=changed, file=upload.name),
                    upload)  # fmt: skip
            continue
        run.written[target.resolve()] = upload
        for cell in outcome.unplaced:
            heading = f"'{cell.heading}'" if cell.heading else "no heading"
            place = f"{upload.name}, {cell.table}, row {cell.row}, column {cell.column} ({heading})"
            text = cell.text if len(cell.text) <= 70 else cell.text[:69] + "…"
            if cell.why in OUTSIDE_PLAN:
                run.add(NOTICE, f"not in the plan: {WHY[cell.why]}: {text}", upload, 0, place)
            else:
                fix = COLUMN_FIX.format(readme=readme) if cell.why in COLUMN_WHY else again
                run.add(ERROR, f"this cell would be left out of the plan: {WHY[cell.why]}: "
                        f"{text}. {fix}", upload, 0, place)  # fmt: skip
        if done.starter is not None:  # the starter's example plan gave way to the board's own
            run.add(NOTICE, MESSAGES["starter_replaced"].format(
                starter=run.rel(done.starter), target=run.rel(target)), upload)  # fmt: skip
        if shown := current_elsewhere(target):  # a new plan the site does not show first
            run.add(NOTICE, MESSAGES["not_current"].format(
                current=run.rel(shown), target=run.rel(target)), upload)  # fmt: skip
        actions = outcome.count("actions")
        noun = "action" if actions == 1 else "actions"
        run.summary.imported.append(
            f"Imported {upload.name} into {run.rel(target)} ({actions} {noun})"
        )
