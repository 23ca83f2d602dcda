"""scripts/bench.py: the synthetic board is valid data, and the bench runs end to end.

No timings are asserted here (the machine is shared); the figures live in
docs/maintainers/performance.md. What is checked is that the bench measures what it says: a
board of the size asked for, and a baseline that really is the same site without the macros.
"""

from __future__ import annotations

import json
import os
import re
import statistics
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from plansite.load import load_board_data
from plansite.read.site_config import site_config
from tests.without_pdfs import with_stand_in_pdfs

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "plansite" / "starter_site" / "docs"  # the narrative pages
sys.path.insert(0, str(ROOT / "scripts"))

from bench.synthetic import generate  # noqa: E402
from compare_sites import compare  # noqa: E402

TOC_ONLY = "'On this page' only"
TOC_AND_GAPS = "'On this page' + whitespace between block elements"

ACTIONS = 60
# The bench's runs here: 4 indicators (one of each unit) instead of 30. Their charts were most of
# the first build's time, and what is checked (the ratio printed, the hand-written and baseline
# sites the same pages) does not depend on how many indicator pages there are.
INDICATORS = 4


def test_synthetic_board_is_valid_data_of_the_size_asked(tmp_path: Path) -> None:
    site = load_board_data(generate(tmp_path / "data", ACTIONS))

    actions = [a for plan in site.plans for a in plan.actions]
    assert len(actions) == ACTIONS
    assert len(site.indicators) == 30  # the bench's own board: a large partnership's
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


def test_a_board_of_fewer_indicators_has_one_of_each_unit(tmp_path: Path) -> None:
    site = load_board_data(generate(tmp_path / "data", ACTIONS, indicators=INDICATORS))
    assert len(site.indicators) == INDICATORS
    assert len({i.unit for i in site.indicators}) == INDICATORS  # rate, percent, count, days
    assert len([a for plan in site.plans for a in plan.actions]) == ACTIONS
    with pytest.raises(ValueError, match="at least 4 indicators"):
        generate(tmp_path / "fewer", ACTIONS, indicators=3)


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
    # --keep-cache: the timed build reads the PDFs and charts the baseline's expanding build
    # made, instead of making them again (most of this run's time). Nothing here is timed or
    # reads the cache; the pages and search index compared below are made by every build. (That
    # a PDF made again is the same bytes is tests/test_pdf.py's and the determinism gate's.)
    result = subprocess.run(
        [sys.executable, "scripts/bench.py", "--actions", str(ACTIONS), "--repeat", "1",
         "--keep-cache", "--indicators", str(INDICATORS), "--work", str(work)],
        cwd=ROOT, capture_output=True, text=True, timeout=600, env=with_stand_in_pdfs(os.environ),
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
    hand = re.findall(r"^vs hand-written (\d+\.\d\d) at (\d+) actions$", output, re.M)
    assert len(hand) == 1 and int(hand[0][1]) == ACTIONS and float(hand[0][0]) > 0
    memory = re.findall(
        r"^warm peak memory vs hand-written (\d+\.\d\d) at (\d+) actions$", output, re.M
    )
    assert len(memory) == 1 and int(memory[0][1]) == ACTIONS and float(memory[0][0]) > 0
    # the hand-written ratio is the median of the paired runs, which are printed too
    (paired,) = re.findall(r"^paired runs, Plansite / hand-written: (.+)$", output, re.M)
    pairs = [float(r) for r in paired.split(", ")]
    assert len(pairs) == 1 and f"{statistics.median(pairs):.2f}" == hand[0][0]


def test_hand_written_site_has_a_page_per_priority_with_every_action_and_update(
    bench_run: tuple[str, Path],
) -> None:
    _, folder = bench_run
    site = load_board_data(folder / "data")
    built = folder / "handwritten-site"
    priorities = [(plan, p) for plan in site.plans for p in plan.priorities]
    pages = sorted(built.glob("*/priority-*/index.html"))
    assert len(pages) == len(priorities)
    for plan, priority in priorities:
        html = (built / plan.id / f"priority-{priority.slug}" / "index.html").read_text()
        assert html.count("<tr>") == len(priority.all_actions) + 1  # a row each, and the head
        updates = sum(len(a.updates) for a in priority.all_actions)
        assert html.count("<li><strong>") == updates
    config = yaml.safe_load((folder / "handwritten" / "mkdocs.yml").read_text())
    assert config["theme"] == {
        "name": "material",
        "language": "en",
        "font": False,
        "features": site_config(ROOT / "mkdocs.yml")["theme"]["features"],
    }


def test_baseline_is_the_same_site_without_macros(bench_run: tuple[str, Path]) -> None:
    """The baseline is MkDocs alone on Plansite's output: the same files, every page with the
    same content. What differs is what Plansite adds to its generated pages on purpose (issue
    18): "On this page" from their headings, no newline that Python-Markdown put between two
    block elements, and search entries for the generated pages made from the data."""
    _, folder = bench_run
    plansite, baseline = folder / "plansite-site", folder / "baseline-site"
    ours = sorted(p.relative_to(plansite) for p in plansite.rglob("*") if p.is_file())
    theirs = sorted(p.relative_to(baseline) for p in baseline.rglob("*") if p.is_file())
    assert ours == theirs
    pages = [p for p in ours if p.suffix == ".html"]
    assert any(p.parts[0] == "plans" and p.parts[2].startswith("priority-") for p in pages)
    kinds = compare(baseline, plansite, show=0)
    assert set(kinds) <= {TOC_ONLY, TOC_AND_GAPS, "other file differs"}, kinds.keys()
    assert kinds["other file differs"] == ["search/search_index.json"]  # PDFs, data: the same
    assert any(
        p.startswith("plans/") for p in kinds.get(TOC_AND_GAPS, []) + kinds.get(TOC_ONLY, [])
    )
    # the search index: the same places and titles; generated pages' entries are made from the
    # data (issue 18), so only the narrative pages of docs/ keep the search plugin's own text
    indexes = [
        json.loads(index.read_text())["docs"]
        for index in (plansite / "search/search_index.json", baseline / "search/search_index.json")
    ]
    places = [
        sorted((d["location"], d["title"]) for d in docs if "/priority-" not in d["location"])
        for docs in indexes
    ]
    assert places[0] == places[1]
    narrative = {_url(page.relative_to(DOCS)) for page in DOCS.rglob("*.md")}
    texts = [  # the newlines Markdown put between blocks reached the text of some entries
        sorted(
            re.sub(r">\s+<", "><", json.dumps(d, sort_keys=True))
            for d in docs
            if d["location"].split("#")[0] in narrative
        )
        for docs in indexes
    ]
    assert texts[0] and texts[0] == texts[1]
    actions = [
        {
            d["location"]
            for d in docs
            if "/priority-" in d["location"] and "#action-" in d["location"]
        }
        for docs in indexes
    ]
    assert len(actions[0]) == ACTIONS and actions[0] == actions[1]
    # and the baseline ran without the data machinery
    config = yaml.safe_load((folder / "baseline" / "mkdocs.yml").read_text())
    plugins = [next(iter(p)) if isinstance(p, dict) else p for p in config["plugins"]]
    assert plugins == ["search"]


def _url(source: Path) -> str:
    """The address MkDocs gives a page of docs/: about.md and about/index.md are "about/"."""
    parts = [*source.parent.parts, *([] if source.stem == "index" else [source.stem])]
    return "".join(f"{part}/" for part in parts)
