"""`make check [DATA=<folder>]`: load and check a data folder without building the site."""

from __future__ import annotations

import sys
from pathlib import Path

from macros.load import load_site
from macros.read.problems import DataError, warnings_report


def main(argv: list[str]) -> int:
    folder = Path(argv[0] if argv else "data")
    try:
        site = load_site(folder)
    except DataError as error:
        print(error.problems.report(), file=sys.stderr)
        return 1
    if site.warnings:  # the build warns about these too, and a strict build stops on them
        print(warnings_report(site.warnings), file=sys.stderr)
        return 1
    actions = sum(len(p.actions) for p in site.plans)
    print(
        f"{folder}: no problems found ({len(site.plans)} plans, {actions} actions, "
        f"{len(site.indicators)} indicators)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
