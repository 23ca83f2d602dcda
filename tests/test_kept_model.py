"""Issue 26: a build keeps the board's loaded data under the key of its inputs
(plansite/engine/kept_model.py), and a build with the same inputs unpickles it instead of
reading and checking the board again (tests/test_kept_pages.py shows it loads none, and that
every edit loads again). What it unpickles must judge as the loaded data does: a plan's
statuses are ranked by their identities, which pickling does not keep."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from plansite.documents.kept_files import keep_under_inputs
from plansite.engine import build as site_build
from plansite.engine import kept_model
from plansite.engine.build import Options, SiteBuild
from plansite.load import load_board_data
from plansite.model.board_data import BoardData
from plansite.model.progress import status_of
from tests.conftest import FIXTURES, ROOT

# every board the tests keep whose data loads (tests/fixtures), and the example board
BOARDS = [
    *(f.name for f in sorted(FIXTURES.iterdir()) if (f / "board.yml").is_file()),
    "data",
]


def _folder(name: str) -> Path:
    return ROOT / "data" if name == "data" else FIXTURES / name


def _judged(site: BoardData) -> dict[str, object]:
    """What a build reads off the loaded data that depends on which status is which."""
    judged: dict[str, object] = {
        "advice": [str(a) for a in site.advice],
        "warnings": [str(w) for w in site.warnings],
    }
    for plan in site.plans:
        keys = plan.vocabulary.keys()
        judged[plan.id] = (
            [[plan.vocabulary.worse(a, b) for b in keys] for a in keys],
            [getattr(status_of(plan, action), "key", None) for action in plan.actions],
            [s.key for s in plan.statuses_shown],
            plan.vocabulary.worst.key if plan.vocabulary.worst else None,
        )
    return judged


@pytest.mark.parametrize("board", BOARDS)
def test_the_kept_data_judges_as_the_loaded_data_does(board: str, tmp_path: Path) -> None:
    site = load_board_data(_folder(board), url="https://testshire.example.org/", own_url=True)
    key = kept_model.model_key("inputs", "how")
    keep_under_inputs(tmp_path, kept_model.MODEL, key, kept_model.keep_model(tmp_path, site))
    kept = kept_model.kept_model(tmp_path, key)
    assert kept is not None and kept is not site
    assert any(len(plan.vocabulary.keys()) > 1 for plan in kept.plans)
    assert _judged(kept) == _judged(site)


def test_a_build_with_the_same_inputs_loads_nothing_and_says_the_same_advice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The untidy board has advice (published as written, with a note): a warm build logs the
    same, read from the kept data."""
    loads: list[Path] = []

    def counted(folder: Path, *args: Any, **kwargs: Any) -> BoardData:
        loads.append(folder)
        return load_board_data(folder, *args, **kwargs)

    monkeypatch.setattr(site_build, "load_board_data", counted)
    advice = []
    for run in range(2):
        made = SiteBuild(FIXTURES / "untidy", Options(cache=tmp_path / "cache"))
        advice.append([str(a) for a in made.site.advice])
        made.start_files(tmp_path / f"site-{run}")
        made.finish_files(tmp_path / f"site-{run}")
    assert len(loads) == 1
    assert len(advice[0]) >= 5 and advice[1] == advice[0]
