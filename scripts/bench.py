"""Plansite's build time: `make bench` runs `--table` (scripts/bench/table.py), the figures of
issue 26; the other options compare with a static baseline (see docs/maintainers/performance.md).

For N actions: write a synthetic board, build it with Plansite, write the same pages with their
macros expanded as static Markdown, build those with MkDocs alone, and compare. Also write the
board's hand-written equivalent (scripts/bench/handwritten.py: a Markdown page per priority) and
print `vs hand-written <Plansite time / hand-written time> at <N> actions`: the median of the
paired runs (each Plansite build against the hand-written build that followed it; the first pair
is left out when Plansite's first build had nothing kept). The three builds alternate. The last line is `ratio <Plansite time / baseline time> at <N> actions`.

    .venv/bin/python scripts/bench.py --actions 12000 --repeat 3 --scaling
"""

from __future__ import annotations

import argparse
import calendar
import multiprocessing
import os
import shutil
import statistics
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the project, for `macros`

from bench.baseline import ROOT, expand, write_baseline
from bench.handwritten import write_handwritten
from bench.measure import Build, best, mkdocs_build
from bench.serve import report, serve_latency
from bench.synthetic import AS_AT, INDICATORS, UNITS, generate
from bench.table import WARM_RUNS, table

SMALL = 1200  # --scaling compares N with this
ACTION_COUNT = "actions.txt"


def main() -> None:
    options = _arguments()
    work = Path(options.work) if options.work else Path(tempfile.mkdtemp(prefix="plansite-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    if options.table:  # `make bench`
        example = Path(options.example).resolve()
        table(
            work, options.small, options.large, options.timeout, options.memory, example,
            options.indicators, options.warm_runs,
        )  # fmt: skip
        return
    if options.data:  # a real board, e.g. the example board in data/
        source = Path(options.data).resolve()
        plansite, baseline, hand, actions = run(options, work / source.name, source)
        _table(f"{source.name} ({actions} actions)", plansite, baseline, hand)
        if options.serve:
            print(report(serve_latency(ROOT, source, work)) + "\n")
        print(f"ratio {plansite.seconds / baseline.seconds:.2f} at {actions} actions")
        return
    sizes = [SMALL, options.actions] if options.scaling and options.actions != SMALL else []
    results: dict[int, tuple[Build, Build]] = {}
    for size in sizes or [options.actions]:
        plansite, baseline, hand, _ = run(options, work / f"n{size}", None, size)
        results[size] = plansite, baseline
        _table(f"{size} actions", plansite, baseline, hand)
    if sizes:
        _scaling(results[SMALL], results[options.actions], options.actions)
    plansite, baseline = results[options.actions]
    print(f"ratio {plansite.seconds / baseline.seconds:.2f} at {options.actions} actions")


def run(
    options: argparse.Namespace, folder: Path, source: Path | None, actions: int = 0
) -> tuple[Build, Build, Build, int]:
    """Prepare, then build three ways (Plansite, its static baseline, the hand-written
    equivalent): the best of `--repeat` runs of each, and the action count."""
    repeat = options.repeat
    # The bench's own chart cache, not the project's: every build here inherits it, and it is
    # emptied after preparing, so the first timed build draws every chart.
    os.environ["PLANSITE_CACHE"] = str(folder / "cache")
    # In a fresh process: a child started from a big parent would report the parent's memory
    # as its own peak (Linux counts the memory it had before exec).
    preparing = multiprocessing.get_context("spawn").Process(
        target=prepare, args=(folder, source, actions, options.indicators)
    )
    preparing.start()
    preparing.join()
    if preparing.exitcode != 0:
        raise SystemExit(f"could not prepare {source or 'the synthetic board'} in {folder}")
    data = source or folder / "data"
    print(f"data: {data}; sites and logs: {folder}", file=sys.stderr)
    env = {
        **os.environ,
        "PLANSITE_DATA": str(data),
        "NO_MKDOCS_2_WARNING": "1",
        # both sites date their sitemap from the same day, not from this machine's clock
        "SOURCE_DATE_EPOCH": str(calendar.timegm(date.fromisoformat(AS_AT).timetuple())),
    }
    if not options.keep_cache:
        shutil.rmtree(folder / "cache", ignore_errors=True)
    baseline_config = folder / "baseline" / "mkdocs.yml"
    hand_config = folder / "handwritten" / "mkdocs.yml"
    plansite_runs, baseline_runs, hand_runs = [], [], []
    for attempt in range(1, repeat + 1):  # alternate, so a busy moment hits all alike
        print(f"  run {attempt}/{repeat}", file=sys.stderr)
        plansite_runs.append(mkdocs_build(ROOT / "mkdocs.yml", folder / "plansite-site", env))
        baseline_runs.append(mkdocs_build(baseline_config, folder / "baseline-site", env))
        hand_runs.append(mkdocs_build(hand_config, folder / "handwritten-site", env))
    counted = int((folder / ACTION_COUNT).read_text())
    fastest = best(plansite_runs)
    fastest.cold_seconds = plansite_runs[0].seconds
    # the first build draws every chart and prints every PDF: its peak is not a warm build's
    fastest.warm_peak_bytes = max(b.peak_bytes for b in plansite_runs[1:] or plansite_runs)
    fastest.actions = counted
    warm = 0 if options.keep_cache or repeat == 1 else 1  # a cold first build is not a fair pair
    pairs = [
        ours.seconds / theirs.seconds for ours, theirs in zip(plansite_runs, hand_runs, strict=True)
    ]
    fastest.hand_ratios = pairs[warm:]
    return fastest, best(baseline_runs), best(hand_runs), counted


def prepare(folder: Path, source: Path | None, actions: int, indicators: int) -> None:
    """Write the synthetic board (unless given one), then the static baseline from one build."""
    from plansite.load import load_board_data

    folder.mkdir(parents=True, exist_ok=True)
    data = source or generate(folder / "data", actions, indicators=indicators)
    site = load_board_data(data)
    (folder / ACTION_COUNT).write_text(str(sum(len(p.actions) for p in site.plans)))
    write_baseline(expand(data, folder / "expand-site"), folder / "baseline")
    write_handwritten(data, folder / "handwritten")


def _table(what: str, plansite: Build, baseline: Build, hand: Build) -> None:
    builds = (plansite, baseline, hand)
    rows = [
        ("build time, best (s)", *(f"{b.seconds:.2f}" for b in builds)),
        ("CPU time, user+sys (s)", *(f"{b.cpu_seconds:.2f}" for b in builds)),
        ("first build, no charts kept", f"{plansite.cold_seconds:.2f}", "", ""),
        ("peak memory (MB)", *(_mb(b.peak_bytes) for b in builds)),
        ("peak memory, warm (MB)", _mb(plansite.warm_peak_bytes), "", ""),
        ("search index (MB)", *(_mb(b.search_index_bytes) for b in builds)),
        ("site (MB)", *(_mb(b.site_bytes) for b in builds)),
        ("HTML pages", *(str(b.pages) for b in builds)),
        ("Plansite adds (s)", f"{plansite.seconds - baseline.seconds:.2f}", "", ""),
    ]
    print(f"\n{what:<28}{'Plansite':>12}{'baseline':>12}{'by hand':>12}")
    for name, ours, theirs, typed in rows:
        print(f"{name:<28}{ours:>12}{theirs:>12}{typed:>12}")
    cpu = plansite.cpu_seconds / hand.cpu_seconds
    print(f"(CPU time vs hand-written {cpu:.2f}; wall time counts a busy machine's waits too)")
    memory = plansite.warm_peak_bytes / hand.peak_bytes
    print(f"warm peak memory vs hand-written {memory:.2f} at {plansite.actions} actions")
    shown = ", ".join(f"{r:.2f}" for r in plansite.hand_ratios)
    print(f"paired runs, Plansite / hand-written: {shown}")
    median = statistics.median(plansite.hand_ratios)
    print(f"vs hand-written {median:.2f} at {plansite.actions} actions")
    print()


def _scaling(small: tuple[Build, Build], large: tuple[Build, Build], actions: int) -> None:
    factor = actions / SMALL
    time_growth = large[0].seconds / small[0].seconds
    bytes_growth = large[0].site_bytes / small[0].site_bytes
    # bytes per extra action: constant when the site grows linearly
    per_action = (large[0].site_bytes - small[0].site_bytes) / (actions - SMALL)
    print(f"scaling {SMALL} -> {actions} actions ({factor:.1f}x the actions)")
    print(
        f"  Plansite build time grows {time_growth:.2f}x (baseline {large[1].seconds / small[1].seconds:.2f}x)"
    )
    print(f"  site bytes grow {bytes_growth:.2f}x; {per_action / 1024:.1f} KB per extra action")
    print()


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f}"


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=12000, help="actions in the synthetic board")
    parser.add_argument(
        "--repeat", type=int, default=3, help="builds of each kind; the best counts"
    )
    parser.add_argument(
        "--scaling", action="store_true", help=f"also run {SMALL} actions and compare"
    )
    parser.add_argument("--data", help="measure this data folder (e.g. data) instead")
    parser.add_argument("--serve", action="store_true", help="with --data: time `mkdocs serve`")
    parser.add_argument("--work", help="keep the data, docs and sites in this folder")
    parser.add_argument(
        "--keep-cache",
        action="store_true",
        help="keep the charts and PDFs made while preparing: every timed build is warm "
        "(for 12,000 actions, whose first PDF takes most of an hour)",
    )
    parser.add_argument(
        "--table",
        action="store_true",
        help="the figures of issue 26, from an empty cache (make bench): the example board, "
        "--small and --large actions",
    )
    parser.add_argument(
        "--example",
        default=str(ROOT / "data"),
        help="with --table: the board of the example board's rows (the tests give a small one)",
    )
    parser.add_argument(
        "--indicators",
        type=int,
        default=INDICATORS,
        help=f"indicators in the synthetic board (at least {len(UNITS)}; the tests' fewer draw "
        "fewer charts)",
    )
    parser.add_argument(
        "--warm-runs",
        type=int,
        default=WARM_RUNS,
        help="with --table: warm builds of each board, the best counts (the tests' 1 is enough "
        "to see every row printed)",
    )
    parser.add_argument("--small", type=int, default=SMALL, help="with --table: the smaller plan")
    parser.add_argument("--large", type=int, default=12000, help="with --table: the larger plan")
    parser.add_argument(
        "--timeout", type=float, default=15, help="with --table: minutes each build may take"
    )
    parser.add_argument(
        "--memory",
        type=float,
        default=8,
        help="with --table: GB a build may hold with its workers before it is stopped",
    )
    options = parser.parse_args()
    if options.actions < 1 or options.repeat < 1 or options.warm_runs < 1:
        parser.error("--actions, --repeat and --warm-runs must be at least 1")
    if options.indicators < len(UNITS):
        parser.error(f"--indicators must be at least {len(UNITS)}: one of each unit")
    return options


if __name__ == "__main__":
    main()
