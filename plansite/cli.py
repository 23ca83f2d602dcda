"""`plansite`: every command a board needs, installed with the package (`pip install .`).

    plansite new-board [--data <folder>] [--name ...] [--area ...] [--url ...]
    plansite check [<folder>]
    plansite import <plan.docx|plan.xlsx|plan.csv> <plan id> [--force] [--map map.yml] [--sheet name]
    plansite export <plan id>
    plansite build
    plansite serve

Each runs in the site's folder (the one holding mkdocs.yml; --config names another settings
file). The board's folder is the one mkdocs.yml names (`data_dir`), PLANSITE_DATA or --data
another. `check`, `import` and `export` call Plansite's own modules and load no site engine;
`build` and `serve` run ProperDocs, in a process of its own, on the site's settings file. The
Makefile's targets are thin wrappers over these commands.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path
from typing import NoReturn

from plansite.read.board_folder import named_folder

DATA_ENV = "PLANSITE_DATA"
SETTINGS = "mkdocs.yml"
STOP_SECONDS = 10  # how long the engine has to stop after Ctrl+C before it is told to
# how each command is written, named in the one-line message a wrong argument gets
USAGE = {
    "new-board": "plansite new-board [--data <folder>] [--name <name>] [--area <area>] "
    "[--url https://...]",
    "check": "plansite check [<board folder>]",
    "import": "plansite import <plan.docx|plan.xlsx|plan.csv> <plan id> [--force] "
    "[--map map.yml] [--sheet <name>]",
    "export": "plansite export <plan id>",
    "build": "plansite build [--config mkdocs.yml]",
    "serve": "plansite serve [--config mkdocs.yml] [--dev-addr 127.0.0.1:8000]",
}


class Parser(argparse.ArgumentParser):
    """A wrong argument is one line that says how to write the command, never a traceback or
    argparse's usage dump alone."""

    example = "plansite <command>; the commands: " + ", ".join(USAGE)

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message}. Write it as: {self.example}\n")


def parsers() -> tuple[Parser, dict[str, Parser]]:
    """The command line's parser and each command's own."""
    top = Parser(prog="plansite", description=__doc__.split("\n")[0])
    commands = top.add_subparsers(dest="command", metavar="<command>", parser_class=Parser)
    helps = {
        "new-board": "start a new board: a starter site (in a folder without one) and data folder",
        "check": "check the board's folder and list every problem with its file and line",
        "import": "write <board folder>/plans/<id>.yml from a Word, Excel or CSV plan",
        "export": "write site/downloads/<id>.docx, the plan as a Word document",
        "build": "build the site into site/ (strict: any problem stops it)",
        "serve": "preview the site at http://127.0.0.1:8000 as you edit",
    }
    made: dict[str, Parser] = {name: commands.add_parser(name, help=helps[name]) for name in USAGE}
    for name, command in made.items():
        command.example = USAGE[name]
        command.add_argument("--config", type=Path, default=Path(SETTINGS),
                             help="the site's settings file (default: mkdocs.yml here)")  # fmt: skip
    for name in ("new-board", "import", "export", "build", "serve"):
        made[name].add_argument(
            "--data", type=Path, help="the board's folder (default: mkdocs.yml's)"
        )
    made["check"].add_argument("folder", type=Path, nargs="?", help="the board's folder")
    board = made["new-board"]
    for option in ("--name", "--area", "--url"):
        board.add_argument(option, default="")
    plan = made["import"]
    plan.add_argument("file", type=Path)
    plan.add_argument("plan")
    plan.add_argument("--force", action="store_true", help="replace the plan (a re-import)")
    plan.add_argument("--map", type=Path, help="a mapping file naming the columns")
    plan.add_argument("--sheet", help="the workbook's sheet to read")
    made["export"].add_argument("plan")
    made["serve"].add_argument("--dev-addr", help="the address to serve at")
    return top, made


def main(argv: list[str] | None = None) -> int:
    top, commands = parsers()
    args, extra = top.parse_known_args(_plan_after_options(sys.argv[1:] if argv is None else argv))
    if args.command is None:
        print(f"plansite: name a command. Write it as: {Parser.example}", file=sys.stderr)
        return 2
    if extra:  # said by the command's own parser, with its own way of writing it
        commands[args.command].error(f"unrecognized arguments: {' '.join(extra)}")
    board = args.data if getattr(args, "data", None) else None
    if args.command in ("build", "serve"):
        return engine(args.command, args.config, board, getattr(args, "dev_addr", None))
    folder = board or getattr(args, "folder", None) or board_folder(args.config)
    # each command imports only its own modules: `plansite check` starts quickly
    if args.command == "check":
        from plansite.check.__main__ import check_board

        return check_board(folder, args.config)
    if args.command == "import":
        from plansite.office.__main__ import run_import

        return run_import(args.file, args.plan, folder, args.force, args.map, args.sheet)
    if args.command == "export":
        from plansite.publish.__main__ import export_plan

        return export_plan(args.plan, folder)
    from plansite.new_board import new_board

    return new_board(folder, args.name, args.area, args.url, args.config)


def board_folder(config: Path) -> Path:
    """The board's folder: PLANSITE_DATA when set, else the one the settings file names (beside
    it), else `data`."""
    if named := os.environ.get(DATA_ENV):
        return Path(named)
    folder = Path(named_folder(config))
    return folder if folder.is_absolute() else config.parent / folder


def engine(command: str, config: Path, board: Path | None, address: str | None) -> int:
    """ProperDocs' own command, in a process of its own, on the site's settings file (named by
    its full path: the engine derives the kept templates' keys from it)."""
    if not config.is_file():
        print(f"plansite {command}: there is no {config} here: run it in the site's folder (the "
              "one holding mkdocs.yml), name the file with --config <file>, or start a site "
              "with `plansite new-board`.", file=sys.stderr)  # fmt: skip
        return 2
    options = ["--strict"] if command == "build" else ["--dirty"]
    if address:
        options += ["--dev-addr", address]
    run = [sys.executable, "-m", "properdocs", command, *options, "-f", str(config.resolve())]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if board is not None:
        env[DATA_ENV] = str(board)
    engine = subprocess.Popen(run, env=env)
    try:
        return engine.wait()
    except KeyboardInterrupt:  # Ctrl+C ends `plansite serve`: the engine, told too, stops
        try:
            return engine.wait(timeout=STOP_SECONDS)
        except subprocess.TimeoutExpired:  # only this process was told: tell the engine
            engine.terminate()
            engine.wait()
            return 0  # stopped as asked


IMPORT_OPTIONS = ("-h", "--help", "--data", "--force", "--map", "--sheet", "--config")


def _plan_after_options(argv: list[str]) -> list[str]:
    """`plansite import <file> <id>`: the file and the plan id are read as they are (after
    "--"), so a plan id such as "-x" gets the plan id's message, not an unknown option's."""
    if argv[:1] != ["import"]:
        return argv
    rest = argv[1:]
    if len(rest) >= 2 and not any(a.split("=")[0] in IMPORT_OPTIONS for a in rest[:2]):
        return ["import", *rest[2:], "--", *rest[:2]]
    return argv
