"""Plansite's build time against a static baseline: `make bench` (see docs/maintainers/performance.md).

For N actions: write a synthetic board, build it with Plansite, write the same pages with their
macros expanded as static Markdown, build those with MkDocs alone, and compare. The last line is
`ratio <Plansite time / baseline time> at <N> actions`.

    .venv/bin/python scripts/bench.py --actions 12000 --repeat 3 --scaling
"""

from __future__ import annotations

import argparse
import calendar
import multiprocessing
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the project, for `macros`

from bench.baseline import ROOT, expand, write_baseline
from bench.measure import Build, best, mkdocs_build
from bench.synthetic import AS_AT, generate

SMALL = 1200  # --scaling compares N with this


def main() -> None:
    options = _arguments()
    work = Path(options.work) if options.work else Path(tempfile.mkdtemp(prefix="plansite-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    sizes = [SMALL, options.actions] if options.scaling and options.actions != SMALL else []
    results: dict[int, tuple[Build, Build]] = {}
    for actions in sizes or [options.actions]:
        results[actions] = run(actions, options.repeat, work / f"n{actions}")
        _table(actions, *results[actions])
    if sizes:
        _scaling(results[SMALL], results[options.actions], options.actions)
    plansite, baseline = results[options.actions]
    print(f"ratio {plansite.seconds / baseline.seconds:.2f} at {options.actions} actions")


def run(actions: int, repeat: int, folder: Path) -> tuple[Build, Build]:
    """Generate, expand and build N actions both ways; the best of `repeat` runs of each."""
    data, baseline_config = folder / "data", folder / "baseline" / "mkdocs.yml"
    # In a fresh process: a child started from a big parent would report the parent's memory
    # as its own peak (Linux counts the memory it had before exec).
    preparing = multiprocessing.get_context("spawn").Process(target=prepare, args=(actions, folder))
    preparing.start()
    preparing.join()
    if preparing.exitcode != 0:
        raise SystemExit(f"could not prepare the synthetic board of {actions} actions")
    print(f"{actions} actions: synthetic board in {data}", file=sys.stderr)
    env = {
        **os.environ,
        "PLANSITE_DATA": str(data),
        "NO_MKDOCS_2_WARNING": "1",
        # both sites date their sitemap from the plan, not from this machine's clock
        "SOURCE_DATE_EPOCH": str(calendar.timegm(date.fromisoformat(AS_AT).timetuple())),
    }
    plansite_runs, baseline_runs = [], []
    for attempt in range(1, repeat + 1):  # alternate, so a busy moment hits both alike
        print(f"  run {attempt}/{repeat}", file=sys.stderr)
        plansite_runs.append(mkdocs_build(ROOT / "mkdocs.yml", folder / "plansite-site", env))
        baseline_runs.append(mkdocs_build(baseline_config, folder / "baseline-site", env))
    return best(plansite_runs), best(baseline_runs)


def prepare(actions: int, folder: Path) -> None:
    """Write the synthetic board, then the static baseline made from one Plansite build."""
    data = generate(folder / "data", actions)
    write_baseline(expand(data, folder / "expand-site"), folder / "baseline")


def _table(actions: int, plansite: Build, baseline: Build) -> None:
    rows = [
        ("build time, best (s)", f"{plansite.seconds:.2f}", f"{baseline.seconds:.2f}"),
        ("peak memory (MB)", _mb(plansite.peak_bytes), _mb(baseline.peak_bytes)),
        ("search index (MB)", _mb(plansite.search_index_bytes), _mb(baseline.search_index_bytes)),
        ("site (MB)", _mb(plansite.site_bytes), _mb(baseline.site_bytes)),
        ("HTML pages", str(plansite.pages), str(baseline.pages)),
    ]
    print(f"\n{actions} actions{'':14}{'Plansite':>12}{'baseline':>12}")
    for name, ours, theirs in rows:
        print(f"{name:<28}{ours:>12}{theirs:>12}")
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
    parser.add_argument("--work", help="keep the data, docs and sites in this folder")
    options = parser.parse_args()
    if options.actions < 1 or options.repeat < 1:
        parser.error("--actions and --repeat must be at least 1")
    return options


if __name__ == "__main__":
    main()
