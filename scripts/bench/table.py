"""`make bench`: the figures issue 26 sets targets for, each measured from an empty cache unless
it says warm, nothing seeded, every build bounded by its own timeout (a build that runs past it
is stopped and its row says "did not finish in N min"). Each row is printed as it is measured.

    .venv/bin/python scripts/bench.py --table [--small 1200] [--large 12000] [--timeout 15] [--memory 8] [--work DIR] [--example data] [--indicators 30] [--warm-runs 2]
"""

from __future__ import annotations

import calendar
import multiprocessing
import os
import re
import shutil
import statistics
import sys
import time
from datetime import date
from pathlib import Path

from bench.baseline import ROOT
from bench.handwritten import write_handwritten
from bench.measure import Build, Stopped, best, mkdocs_build
from bench.synthetic import AS_AT, INDICATORS, generate

LIMIT = [8_000_000_000]  # bytes a build may hold, with its workers (--memory)
WARM_RUNS = 2  # warm builds, each beside a hand-written build: the best counts
WIDTH = 52


def table(
    work: Path,
    small: int,
    large: int,
    timeout_minutes: float,
    memory_gb: float = 8,
    example_data: Path = ROOT / "data",
    indicators: int = INDICATORS,
    warm_runs: int = WARM_RUNS,
) -> None:
    started = time.perf_counter()
    timeout = timeout_minutes * 60
    LIMIT[0] = int(memory_gb * 1e9)
    print(f"{'figure':<{WIDTH}}measured", flush=True)

    example = work / "example"
    shutil.rmtree(example, ignore_errors=True)
    example.mkdir(parents=True)
    env = _env(example_data, example / "cache", dated=False)
    cold = _timed("example board: first build", example, env, timeout)
    if cold is not None:
        warm = [_build(example, env, timeout) for _ in range(warm_runs)]
        _row("example board: warm build", _best_of(warm))
    else:
        _row("example board: warm build", "not measured: the first build did not finish")

    folder = _board(work / f"n{small}", small, indicators)
    _timed(f"{small:,}-action plan: first build, PDFs included", folder, _env_for(folder), timeout)

    big = _board(work / f"n{large}", large, indicators)
    env = _env_for(big)
    what = f"{large:,}-action plan"
    memory = f"{what}: first build, peak memory"
    first = _timed(f"{what}: first build, PDFs included", big, env, timeout, memory)
    if first is None:
        _row(f"{what}: warm build", "not measured: the first build did not finish")
    else:
        _row(memory, _memory(first))
        _warm_against_hand(what, big, env, timeout, large, warm_runs)
        _edit_one_update(big / "data")
        _timed(f"{what}: warm build, one update edited", big, env, timeout)
    minutes = (time.perf_counter() - started) / 60
    _row("make bench: total time", f"{minutes:.1f} min")


def _warm_against_hand(
    what: str, folder: Path, env: dict[str, str], timeout: float, n: int, runs: int
) -> None:
    """Warm builds, each followed by the hand-written equivalent's build."""
    ours: list[Build] = []
    theirs: list[Build] = []
    hand_config = folder / "handwritten" / "mkdocs.yml"
    for _ in range(runs):
        ours.append(_build(folder, env, timeout))
        hand = mkdocs_build(hand_config, folder / "handwritten-site", env, timeout, LIMIT[0])
        theirs.append(hand)
    warm, hand = best(ours), best(theirs)
    _row(f"{what}: warm build", _best_of(ours))
    ratio = warm.tree_peak_bytes / hand.tree_peak_bytes
    _row(
        f"{what}: warm build, peak memory",
        f"{_memory(warm)}; {ratio:.2f}x the hand-written's {_mb(hand.tree_peak_bytes)}",
    )
    pairs = [a.seconds / b.seconds for a, b in zip(ours, theirs, strict=True)]
    print(f"vs hand-written {statistics.median(pairs):.2f} at {n} actions", flush=True)


# an update's words in the plans' YAML (scripts/bench/synthetic.py writes each update so)
UPDATE_TEXT = re.compile(r"(\n( +)status: [a-z]+\n\2text: )")


def _edit_one_update(data: Path) -> None:
    """The quarterly case after a warm build: one action's update reworded, in the largest
    plan (every other page's HTML stays the same)."""
    plan = max((data / "plans").glob("*.yml"), key=lambda path: path.stat().st_size)
    text = plan.read_text("utf-8")
    edited = UPDATE_TEXT.sub(r"\1Edited for the bench. ", text, count=1)
    if edited == text:
        raise SystemExit(f"no update's words to edit in {plan}")
    plan.write_text(edited, "utf-8")


def _timed(
    name: str, folder: Path, env: dict[str, str], timeout: float, memory_row: str = ""
) -> Build | None:
    """The build's row; with `memory_row`, a row of its peak memory too (until it was stopped)."""
    try:
        made = _build(folder, env, timeout)
    except Stopped as stopped:
        _row(name, str(stopped))
        if memory_row:
            _row(memory_row, f"{_mb(stopped.tree_peak_bytes)} when it was stopped")
        return None
    _row(name, f"{made.seconds:.1f} s (CPU {made.cpu_seconds:.1f} s)")
    return made


def _best_of(builds: list[Build]) -> str:
    """The fastest; its CPU time (user + system, its workers' included) says how much of the
    wall time was work, on a machine busy with something else."""
    fastest = best(builds)
    return f"{fastest.seconds:.1f} s (best of {len(builds)}; CPU {fastest.cpu_seconds:.1f} s)"


def _build(folder: Path, env: dict[str, str], timeout: float) -> Build:
    return mkdocs_build(ROOT / "mkdocs.yml", folder / "plansite-site", env, timeout, LIMIT[0])


def _board(folder: Path, actions: int, indicators: int) -> Path:
    """A synthetic board of `actions` and its hand-written equivalent, written in a fresh
    process (this one stays small: its children's memory is measured), and no cache."""
    shutil.rmtree(folder, ignore_errors=True)
    writing = multiprocessing.get_context("spawn").Process(
        target=_write, args=(folder, actions, indicators)
    )
    writing.start()
    writing.join()
    if writing.exitcode != 0:
        raise SystemExit(f"could not write the {actions}-action board in {folder}")
    print(f"  ({actions:,} actions: data, sites and logs in {folder})", file=sys.stderr)
    return folder


def _write(folder: Path, actions: int, indicators: int) -> None:
    data = generate(folder / "data", actions, indicators=indicators)
    write_handwritten(data, folder / "handwritten")


def _env_for(folder: Path) -> dict[str, str]:
    return _env(folder / "data", folder / "cache", dated=True)


def _env(data: Path, cache: Path, *, dated: bool) -> dict[str, str]:
    env = {**os.environ, "PLANSITE_DATA": str(data), "PLANSITE_CACHE": str(cache)}
    env["NO_MKDOCS_2_WARNING"] = "1"
    env.pop("SOURCE_DATE_EPOCH", None)  # the example board's plan dates its own build
    if dated:  # the synthetic board and its hand-written pages date their sitemaps alike
        env["SOURCE_DATE_EPOCH"] = str(calendar.timegm(date.fromisoformat(AS_AT).timetuple()))
    return env


def _row(name: str, measured: str) -> None:
    print(f"{name:<{WIDTH}}{measured}", flush=True)


def _memory(build: Build) -> str:
    """The build and its workers together; the largest single process in brackets."""
    return f"{_mb(build.tree_peak_bytes)} (largest process {_mb(build.peak_bytes)})"


def _mb(size: int) -> str:
    return f"{size / 1_000_000:,.0f} MB"
