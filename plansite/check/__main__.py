"""`plansite check [<folder>]` (`make check [DATA=<folder>]`): load and check a board's folder
without building the site."""

from __future__ import annotations

import sys
from pathlib import Path

from plansite.check.relevant_agencies import settings_gap
from plansite.check.sections import sections_report
from plansite.check.yearly_reports import gaps
from plansite.load import load_board_data
from plansite.pages.guide_gate import configured_grade, guide_gate
from plansite.read.problems import DataError, strict_report

SETTINGS = Path("mkdocs.yml")  # the site's settings, in the folder the command runs in


def main(argv: list[str]) -> int:
    return check_board(Path(argv[0] if argv else "data"))


def check_board(folder: Path, settings: Path = SETTINGS) -> int:
    """Every problem in the board's folder, with its file and line; 0 when there is none. The
    reading gate's target is the `reading_grade` the site's settings give the plugin."""
    try:
        site = load_board_data(folder)
    except DataError as error:
        print(error.problems.report(), file=sys.stderr)
        return 1
    # the build warns about these and a strict build stops: so must the check (listed first:
    # advice, which never stops the build, comes after them)
    grade = configured_grade(settings)
    gate = [grade] if isinstance(grade, str) else guide_gate(site, grade)
    lines = [str(w) for w in site.warnings] + gate
    if lines:
        print(strict_report(lines, site.advice), file=sys.stderr)
        return 1
    for advice in site.advice:  # never a reason to stop: the build only notes these
        print(f"{advice} (advice)", file=sys.stderr)
    if report := sections_report(site):
        print(report)
    for gap in gaps(site) + settings_gap(site):  # information only: each part is optional
        print(f"{gap} (information)")
    actions = sum(len(p.actions) for p in site.plans)
    counts = ", ".join(
        _counted(count, noun)
        for count, noun in ((len(site.plans), "plan"), (actions, "action"),
                            (len(site.indicators), "indicator"))
    )  # fmt: skip
    print(f"{folder}: no problems found ({counts})")
    return 0


def _counted(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
