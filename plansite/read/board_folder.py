"""The board's data folder, named once: `data_dir` under `plugins: - plansite:` in mkdocs.yml,
written `data_dir: !ENV [PLANSITE_DATA, <folder>]` (PLANSITE_DATA names another for one command;
a plain `data_dir: <folder>` is read too).

`python3 -m plansite.read.board_folder` prints it (the Makefile's default DATA); `plansite
new-board --data <folder>` names a new folder there (name_folder). Standard library only: the
Makefile runs it before the project's environment exists.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

CONFIG = Path("mkdocs.yml")  # the site's settings, in the folder a command runs in
DATA_DIR = re.compile(
    r"(?m)^(?P<lead>[ \t]+data_dir:[ \t]*(?:!ENV[ \t]*\[[ \t]*PLANSITE_DATA[ \t]*,[ \t]*)?)"
    r"(?P<folder>\"[^\"]*\"|[^\s#\]]+)(?P<rest>.*)$"
)


def named_folder(config: Path = CONFIG) -> str:
    """The folder mkdocs.yml names; "data" (the example board) when it names none."""
    found = DATA_DIR.search(config.read_text(encoding="utf-8")) if config.is_file() else None
    if found is None:
        return "data"
    folder = found.group("folder")
    return json.loads(folder) if folder.startswith('"') else folder


def name_folder(folder: str, config: Path = CONFIG) -> bool:
    """Name `folder` in mkdocs.yml, keeping the line's comment; False when there is no line."""
    text = config.read_text(encoding="utf-8")
    found = DATA_DIR.search(text)
    if found is None:
        return False
    written = folder if re.fullmatch(r"[\w./-]+", folder) else json.dumps(folder)
    line = f"{found.group('lead')}{written}{found.group('rest')}"
    config.write_text(text[: found.start()] + line + text[found.end() :], encoding="utf-8")
    return True


if __name__ == "__main__":
    print(named_folder())
    sys.exit(0)
