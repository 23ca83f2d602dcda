"""Templates compiled once and kept: a build with a cache folder keeps the compiled fragments and
theme templates in `<cache>/templates`, and the next build loads them instead of compiling again
(compiling took most of a second of every build)."""

from __future__ import annotations

from pathlib import Path

from jinja2 import BytecodeCache, FileSystemBytecodeCache

from tests.conftest import FIXTURES, ROOT, run_build


def _file_of(name: str, source: Path) -> str:
    """The file Jinja keeps a template's code in (FileSystemBytecodeCache's naming)."""
    key = BytecodeCache.get_cache_key(FileSystemBytecodeCache(), name, str(source))
    return f"__jinja2_{key}.cache"


def _kept(folder: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}


def test_a_second_build_loads_the_templates_the_first_compiled(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = run_build(FIXTURES / "bare", tmp_path / "first", PLANSITE_CACHE=str(cache))
    assert first.returncode == 0, first.stderr
    kept = _kept(cache / "templates")
    # the theme's page frame and Plansite's fragments, each compiled once
    assert len(kept) >= 20, sorted(kept)
    assert _file_of("main.html", ROOT / "plansite" / "theme" / "main.html") in kept  # the theme's
    fragment = ROOT / "plansite" / "fragments" / "plans" / "priority.html"
    assert _file_of("plans/priority.html", fragment) in kept  # Plansite's own

    second = run_build(FIXTURES / "bare", tmp_path / "second", PLANSITE_CACHE=str(cache))
    assert second.returncode == 0, second.stderr
    # Jinja writes a template's code only when it compiled it: nothing new, nothing rewritten
    assert _kept(cache / "templates") == kept
    pages = sorted(p.relative_to(tmp_path / "first") for p in (tmp_path / "first").rglob("*.html"))
    for page in pages:
        assert (tmp_path / "first" / page).read_bytes() == (tmp_path / "second" / page).read_bytes()
