"""`plansite export <id>` (`make export PLAN=<id>`): write site/downloads/<id>.docx, the plan as a Word document."""

from __future__ import annotations

import sys
from pathlib import Path

from plansite.load import load_board_data
from plansite.office.words import MESSAGES
from plansite.publish.plan_docx import path, plan_docx
from plansite.read.problems import DataError


def main(argv: list[str]) -> int:
    return export_plan(argv[0], Path(argv[1] if len(argv) > 1 else "data"))


def export_plan(plan_id: str, folder: Path) -> int:
    """site/downloads/<id>.docx from the board's plan `plan_id`."""
    try:
        site = load_board_data(folder)
    except DataError as error:
        print(error.problems.report(), file=sys.stderr)
        return 1
    plan = next((p for p in site.plans if p.id == plan_id), None)
    if plan is None:
        names = ", ".join(p.id for p in site.plans)
        print(MESSAGES["no_plan"].format(plan=plan_id, folder=folder, plans=names), file=sys.stderr)
        return 1
    target = Path("site") / path(plan)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(plan_docx(plan, site.board.name))
    print(MESSAGES["exported"].format(target=target))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
