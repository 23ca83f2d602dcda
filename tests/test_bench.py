"""scripts/bench.py: the synthetic board is valid data, and the bench runs end to end.

No timings are asserted here (the machine is shared); the figures live in
docs/maintainers/performance.md. What is checked is that the bench measures what it says: a
board of the size asked for, and a baseline that really is the same site without the macros.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from macros.load import load_site

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from bench.synthetic import generate  # noqa: E402

ACTIONS = 60


def test_synthetic_board_is_valid_data_of_the_size_asked(tmp_path: Path) -> None:
    site = load_site(generate(tmp_path / "data", ACTIONS))

    actions = [a for plan in site.plans for a in plan.actions]
    assert len(actions) == ACTIONS
    assert len(site.plans) >= 2
    assert sum(len(plan.priorities) for plan in site.plans) >= 20
    assert sum(1 for plan in site.plans if plan.current) == 1
    for action in actions:
        assert len(action.updates) == 4
        assert len({u.date for u in action.updates}) == 4, action.ref
        for update in action.updates:
            assert 150 <= len(update.text) <= 400, (action.ref, len(update.text))
    assert site.indicators and site.values and site.planner and site.planner.items
    # some counts are small, so the build exercises suppression as a real board's does
    counts = {i.ref for i in site.indicators if i.unit == "count"}
    threshold = site.thresholds.suppress_below
    assert any(v.indicator in counts and 1 <= v.value < threshold for v in site.values)


def test_same_seed_gives_the_same_files(tmp_path: Path) -> None:
    first = generate(tmp_path / "a", ACTIONS)
    second = generate(tmp_path / "b", ACTIONS)
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    for name in files:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


@pytest.fixture(scope="module")
def bench_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    work = tmp_path_factory.mktemp("bench")
    result = subprocess.run(
        [sys.executable, "scripts/bench.py", "--actions", str(ACTIONS), "--repeat", "1",
         "--work", str(work)],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return result.stdout, work / f"n{ACTIONS}"


def test_bench_prints_the_ratio_last(bench_run: tuple[str, Path]) -> None:
    output, _ = bench_run
    last = output.rstrip("\n").splitlines()[-1]
    found = re.fullmatch(r"ratio (\d+\.\d\d) at (\d+) actions", last)
    assert found, last
    assert int(found.group(2)) == ACTIONS
    assert float(found.group(1)) > 0


def test_baseline_is_the_same_site_without_macros(bench_run: tuple[str, Path]) -> None:
    _, folder = bench_run
    plansite, baseline = folder / "plansite-site", folder / "baseline-site"
    ours = sorted(p.relative_to(plansite) for p in plansite.rglob("*") if p.is_file())
    theirs = sorted(p.relative_to(baseline) for p in baseline.rglob("*") if p.is_file())
    assert ours == theirs
    pages = [p for p in ours if p.suffix == ".html"]
    assert any(p.parts[0] == "plans" and p.parts[2].startswith("priority-") for p in pages)
    for page in pages:  # every page, byte for byte: the baseline renders what Plansite renders
        assert (plansite / page).read_bytes() == (baseline / page).read_bytes(), page
    for published in (p for p in ours if p.parts[0] == "data"):  # open data, copied as is
        assert (plansite / published).read_bytes() == (baseline / published).read_bytes()
    # the search index holds the same entries (MkDocs lists generated pages last)
    entries = [
        sorted(json.dumps(d, sort_keys=True) for d in json.loads(index.read_text())["docs"])
        for index in (plansite / "search/search_index.json", baseline / "search/search_index.json")
    ]
    assert entries[0] == entries[1]
    # and the baseline ran without the data machinery
    config = (folder / "baseline" / "mkdocs.yml").read_text()
    assert "macros" not in config
