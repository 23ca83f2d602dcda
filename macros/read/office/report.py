"""The import's report in words: what was read, the columns chosen, statuses, every cell not
placed, and on a re-import what changed. The facts come from mapper.Outcome and changes.Changes."""

from __future__ import annotations

from macros.read.office.changes import Changes
from macros.read.office.fidelity import CHANGED, LEFT_OUT, PLACED, Fidelity
from macros.read.office.mapper import Outcome
from macros.read.office.words import MESSAGES, WHY

PREVIEW = 70  # characters of a cell's text shown in the report


def _preview(text: str) -> str:
    return text if len(text) <= PREVIEW else text[: PREVIEW - 1] + "…"


def report_lines(outcome: Outcome, file: str, changes: Changes | None) -> list[str]:
    say = MESSAGES
    lines = [
        say["read"].format(tables=outcome.tables, rows=outcome.rows, file=file),
        say["found"].format(
            priorities=outcome.count("priorities"),
            issues=outcome.count("issues"),
            actions=outcome.count("actions"),
            updates=outcome.count("updates"),
        ),
        say["mapping_head"],
    ]
    if outcome.paragraphs:
        lines.insert(2, say["paragraphs"].format(count=outcome.paragraphs))
    for table, mapping in outcome.mapping:
        columns = "; ".join(f"{heading!r} -> {name}" for heading, name in mapping.items())
        lines.append(say["mapping"].format(table=table, columns=columns))
    for name in outcome.skipped_sheets:
        lines.append(say["skipped_sheet"].format(name=name))
    if rated := outcome.count("impact"):
        lines.append(say["impact"].format(count=rated))
    lines.append(say["statuses_head"])
    keyed = []
    for entry in outcome.statuses.entries:
        lines.append(
            say["status"].format(
                label=entry.label, key=entry.key, words=entry.by_word, colours=entry.by_colour
            )
        )
        if entry.from_key:
            keyed.append(entry.label)
    if keyed:
        lines.append(say["status_key"].format(labels=", ".join(keyed)))
    if outcome.unplaced:
        lines.append(say["unplaced_head"].format(count=len(outcome.unplaced)))
        for cell in outcome.unplaced:
            lines.append(
                say["unplaced"].format(
                    file=file,
                    table=cell.table,
                    row=cell.row,
                    column=cell.column,
                    heading=repr(cell.heading) if cell.heading else "no heading",
                    why=WHY[cell.why],
                    text=_preview(cell.text),
                )
            )
    else:
        lines.append(say["all_placed"])
    if changes is not None:
        lines.append(say["changes_head"])
        if changes.added:
            lines.append(say["added"].format(refs=", ".join(changes.added)))
        if changes.removed:
            lines.append(say["removed"].format(refs=", ".join(changes.removed)))
        for ref, before, after in changes.statuses:
            lines.append(say["status_change"].format(ref=ref, before=before, after=after))
        if changes.new_updates:
            refs = ", ".join(f"{ref} ({n})" for ref, n in changes.new_updates)
            total = sum(n for _, n in changes.new_updates)
            lines.append(say["new_updates"].format(count=total, refs=refs))
        if not changes:
            lines.append(say["no_changes"])
    return lines


def fidelity_lines(fidelity: Fidelity) -> list[str]:
    """The cell-by-cell proof: each changed cell with both texts, each cell left out that the
    list of cells not placed does not already name, and the count of each."""
    say = MESSAGES
    lines = [say["fidelity_head"]]
    for finding in fidelity.findings:
        if finding.verdict == CHANGED:
            lines.append(
                say["fidelity_changed"].format(
                    where=finding.where,
                    text=_preview(finding.text),
                    plan=_preview(finding.plan_text),
                )
            )
        elif finding.verdict == LEFT_OUT and finding.why == WHY["ignored"]:
            lines.append(
                say["fidelity_left_out"].format(
                    where=finding.where, why=finding.why, text=_preview(finding.text)
                )
            )
    lines.append(
        say["fidelity_summary"].format(
            cells=len(fidelity.findings),
            placed=fidelity.count(PLACED),
            changed=fidelity.count(CHANGED),
            left_out=fidelity.count(LEFT_OUT),
        )
    )
    return lines
