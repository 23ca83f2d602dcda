"""macros/plugin.py: Plansite is the `plansite` MkDocs plugin, its options checked by MkDocs."""

from __future__ import annotations

import os
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest

from macros.plugin import PlansitePlugin


def test_mkdocs_finds_the_plugin_by_its_entry_point() -> None:
    (found,) = entry_points(group="mkdocs.plugins", name="plansite")
    assert found.load() is PlansitePlugin


@pytest.mark.parametrize(
    ("option", "error"),
    [
        (
            "reading_grade: five",
            "Config value 'plugins': Plugin 'plansite' option 'reading_grade': "
            "`five` is not a number; write a number, e.g. 5",
        ),
        (
            'worker: "yes"',
            "Config value 'plugins': Plugin 'plansite' option 'worker': "
            "Expected type: <class 'bool'> but received: <class 'str'>",
        ),
        (
            "data_folder: data",  # a misspelt option: a warning, which --strict counts
            "Config value 'plugins': Plugin 'plansite' option 'data_folder': "
            "Unrecognised configuration name: data_folder",
        ),
    ],
)
def test_a_wrong_option_fails_the_build_with_mkdocs_own_error(
    tmp_path: Path, option: str, error: str
) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: Options\nplugins:\n  - plansite:\n      {option}\n", encoding="utf-8"
    )
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=tmp_path,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert error in result.stderr
    assert "Aborted with" in result.stderr  # at the configuration, before any data is read
    assert not (tmp_path / "site").exists()  # stopped before anything was built
