"""A plain YAML file is read from libyaml's events, never held as a tree of nodes (issue 26); any
other file is composed as a tree. Both ways must give the same values, lines and problems: each
file here is read both ways and compared."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from plansite.load import NAMES
from plansite.read import yamlfile
from plansite.read.problems import Problems

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = sorted((ROOT / "data").rglob("*.yml")) + sorted(
    (ROOT / "tests" / "fixtures").rglob("*.yml")
)
WRITTEN = {
    "mistakes": (
        "a: 1\nb:\n  - x\n  - y: 2\n    z: [1, 2, {q: r}]\na: 3\n<<: {m: 1}\n"
        "c: sent #2 to partners\nd: ~\ne: ''\nf:\n  g: {}\n  h: []\n"
        "id: 'CSE\u00a0Group'\nk: |\n  block\n  text\n"
    ),
    "long value": "a: " + "x" * 20_000 + "\n",
    "a list": "- a\n- b: c\n  d:\n    - 1\n",
    "flow": "{a: 1, b: [x, y], c: {d: e}}\n",
    "document end": "---\na: 1\n...\n",
    "anchor": "a: &anchor 1\nb: 2\n",
    "alias": "a: &x 1\nb: *x\n",
    "two documents": "a: 1\n---\nb: 2\n",
    "one value": "just words\n",
    "comments only": "# nothing\n",
    "complex key": "? [a]\n: b\n",
    "too deep": "a: " + "[" * 60 + "]" * 60 + "\n",
    "merged alias": "a: 1\n<<: *nowhere\n",
    "twice, an alias": "a: 1\na: *nowhere\n",
}


def _read(path: Path) -> tuple[Any, ...]:
    problems = Problems()
    doc = yamlfile.read_yaml(path, problems, NAMES)
    read = None if doc is None else (doc.data, doc.lines, doc.key_lines)
    return (
        read,
        [(p.file, p.line, p.message) for p in problems.items],
        [str(w) for w in problems.warnings],
        [str(a) for a in problems.advice],
    )


def _never_streamed(text: str, reader: Any) -> Any:
    raise yamlfile._NotPlain


def _both_ways(path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, Any]:
    streamed = _read(path)
    with monkeypatch.context() as patched:
        patched.setattr(yamlfile, "_streamed", _never_streamed)
        composed = _read(path)
    return streamed, composed


def _streams(text: str) -> bool:
    """Whether `text` is read from events (not composed as a tree)."""
    reader = yamlfile._Converter(yamlfile.YamlDoc("file.yml", None), Problems(), NAMES, text)
    try:
        yamlfile._streamed(text, reader)
    except (yamlfile._NotPlain, yaml.YAMLError):
        return False
    return True


@pytest.mark.parametrize("path", EXAMPLE, ids=lambda p: str(p.relative_to(ROOT)))
def test_a_board_file_reads_the_same_from_events(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    streamed, composed = _both_ways(path, monkeypatch)
    assert streamed == composed


@pytest.mark.parametrize("name", list(WRITTEN))
def test_a_written_file_reads_the_same_either_way(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "file.yml"
    path.write_text(WRITTEN[name], encoding="utf-8")
    streamed, composed = _both_ways(path, monkeypatch)
    assert streamed == composed


def test_plain_files_are_read_from_events() -> None:
    """The usual board file takes the streamed way; a file with an alias, two documents or
    nothing but one value is composed, and says what is wrong as before."""
    for path in EXAMPLE:
        assert _streams(path.read_text(encoding="utf-8")), path
    for name in ("mistakes", "a list", "flow", "document end"):
        assert _streams(WRITTEN[name]), name
    not_plain = ("alias", "anchor", "two documents", "one value", "comments only", "too deep")
    for name in (*not_plain, "complex key", "merged alias"):
        assert not _streams(WRITTEN[name]), name
