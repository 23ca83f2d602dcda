"""The import's report in words: what was read, the columns chosen, statuses, every cell not
placed, and on a re-import what changed. The facts come from mapper.Outcome and changes.Changes."""

from __future__ import annotations

from typing import Any

from plansite.office.changes import Changes
from plansite.office.document import place
from plansite.office.fidelity import CHANGED, LEFT_OUT, PLACED, Fidelity
from plansite.office.mapper import Outcome
from plansite.office.words import MESSAGES, WHY

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
    if outcome.advice:
        lines.append(say["advice_head"].format(count=len(outcome.advice)))
        lines.extend(say[key].format(file=file, **words) for key, words in outcome.advice)
    if outcome.hidden:
        lines.append(say["hidden_head"].format(count=len(outcome.hidden)))
        lines.extend(
            say["hidden"].format(file=file, where=where, text=_preview(text))
            for where, text in outcome.hidden
        )
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
    lines.extend(_structure_lines(outcome, file))
    if changes is not None:
        lines.append(say["changes_head"])
        if changes.added:
            added = [f"{r} ({_where(outcome, changes.actions[r], '')})" for r in changes.added]
            lines.append(say["added"].format(refs=", ".join(added)))
        if changes.removed:
            lines.append(say["removed"].format(refs=", ".join(changes.removed)))
        for ref, before, after in changes.statuses:
            was, now = changes.labels[0].get(before, before), changes.labels[1].get(after, after)
            where = _where(outcome, changes.actions[ref], "status")
            lines.append(say["status_change"].format(where=where, ref=ref, before=was, after=now))
        for ref, name, before, after in changes.fields:
            if name == "impact":
                before = changes.labels[0].get(before, before)
                after = changes.labels[1].get(after, after)
            lines.append(
                say["field_change"].format(
                    where=_where(outcome, changes.actions[ref], name),
                    ref=ref,
                    before=repr(_preview(before)) if before else say["empty"],
                    after=repr(_preview(after)) if after else say["empty"],
                )
            )
        if changes.new_updates:
            refs = ", ".join(
                f"{ref} ({n}, {_where(outcome, changes.actions[ref], 'progress')})"
                for ref, n in changes.new_updates
            )
            total = sum(n for _, n in changes.new_updates)
            lines.append(say["new_updates"].format(count=total, refs=refs))
        if not changes:
            lines.append(say["no_changes"])
    return lines


def _structure_lines(outcome: Outcome, file: str) -> list[str]:
    """What went outside the actions (evidence, notes, the planner), and lead cells split."""
    say = MESSAGES
    lines = []
    labelled = outcome.labelled
    if labelled:
        lines.append(
            say["labelled"].format(
                evidence=labelled.get("evidence", 0), children=labelled.get("children_will_say", 0)
            )
        )
    if outcome.plan.get("notes"):
        lines.append(say["notes"].format(count=len(outcome.plan["notes"])))
    if outcome.planner_written:
        lines.append(outcome.planner_written)
    for text in outcome.planner_text:
        lines.append(say["planner_text"].format(text=_preview(text)))
    if outcome.split_leads:
        lines.append(say["leads_split_head"])
    for table, row, column, text, leads in outcome.split_leads:
        shown = ", ".join(leads)
        lines.append(
            say["leads_split"].format(
                file=file, table=table, row=row, column=column, text=_preview(text), leads=shown
            )
        )
    return lines


def _where(outcome: Outcome, action: dict[str, Any], name: str) -> str:
    """Where in the document an action's field came from: the row that gave the action, and
    the (last) column of that field, named as the document names it."""
    for source in outcome.sources:
        if source.target is action:
            columns = [c for c, f in sorted(source.header.fields.items()) if f == name]
            if not columns:
                return place(source.table, source.row, 0, "")
            heading = source.header.headings.get(columns[-1], "")
            return place(source.table, source.row, columns[-1], heading)
    return MESSAGES["no_place"]


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
            listed=" (listed above)" if fidelity.count(LEFT_OUT) else "",
        )
    )
    return lines
