"""Relevant agencies the law expects: the Children's Wellbeing and Schools Act 2026 (section 2)
has the arrangements include education and childcare settings. Information for `make check`
only, like a report section left out: nothing published changes."""

from __future__ import annotations

from plansite.model.board_data import BoardData
from plansite.read.problems import Problem


def settings_gap(site: BoardData) -> list[Problem]:
    """A board publishing its membership but naming no education or childcare settings."""
    if not site.members or site.board.education_and_childcare:
        return []
    return [
        Problem(
            site.board.source_file,
            site.board.line_of(),
            "the board names no education or childcare settings as relevant agencies, which the "
            "Children's Wellbeing and Schools Act 2026 (section 2) now expects; add "
            "`education_and_childcare:` with each school, college, early years or childcare "
            "setting, e.g. `- {name: Ashbridge Primary School, kind: school}`",
        )
    ]
