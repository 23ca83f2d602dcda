"""The code's layers: imports run one way, from the plugin down to reading the files
(docs/maintainers/quality-gates.md, "The code's layers"). A module that imports from a layer
above its own fails here, naming the file, the line and both layers."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "plansite"

# lowest first; a module may import from its own layer and the layers before it
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    ("read", ("plansite.read",)),
    ("model", ("plansite.model",)),
    ("office import", ("plansite.office",)),  # Word and Excel plans read into data files
    ("load and check", ("plansite.load", "plansite.check")),
    ("words", ("plansite.words",)),
    ("render", ("plansite.render",)),
    ("search", ("plansite.search",)),
    ("documents", ("plansite.documents",)),
    ("pages", ("plansite.pages",)),
    ("publish", ("plansite.publish",)),
    ("engine", ("plansite.engine",)),
    (
        "commands",
        (
            *("plansite.schemas", "plansite.starter"),
            *("plansite.check.__main__", "plansite.office.__main__", "plansite.publish.__main__"),
            "plansite",  # and above: the command lines
        ),
    ),
]


def layer_of(module: str) -> int:
    """The layer of a module, by the longest prefix that names it."""
    found = [
        (len(prefix), index)
        for index, (_, prefixes) in enumerate(LAYERS)
        for prefix in prefixes
        if module == prefix or module.startswith(prefix + ".")
    ]
    assert found, f"{module} is in no layer: add it to LAYERS and to the maintainers' page"
    return max(found)[1]


def module_name(path: Path, root: Path = ROOT) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports(path: Path, root: Path = ROOT) -> list[tuple[int, str]]:
    """Every `plansite` module `path` imports, with the line, inside functions too."""
    package = module_name(path if path.name == "__init__.py" else path.parent, root)
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from the package the module is in
                parts = package.split(".")
                base = ".".join([*parts[: len(parts) - node.level + 1], *([base] if base else [])])
            found += [(node.lineno, f"{base}.{alias.name}") for alias in node.names]
    return [(line, name) for line, name in found if name.split(".")[0] == "plansite"]


def upward_imports(root: Path = ROOT) -> list[str]:
    problems = []
    for path in sorted((root / "plansite").rglob("*.py")):
        here = module_name(path, root)
        for line, imported in imports(path, root):
            if layer_of(imported) > layer_of(here):
                problems.append(
                    f"{path.relative_to(root)}:{line}: {LAYERS[layer_of(here)][0]} imports "
                    f"{imported} from {LAYERS[layer_of(imported)][0]}, a higher layer"
                )
    return problems


def test_no_module_imports_from_a_higher_layer() -> None:
    assert upward_imports() == []


def test_the_check_finds_an_upward_import(tmp_path: Path) -> None:
    model, render = tmp_path / "plansite" / "model", tmp_path / "plansite" / "render"
    model.mkdir(parents=True)
    render.mkdir()
    (model / "plan.py").write_text("import json\n\nfrom plansite.render import links\n")
    (model / "dates.py").write_text("def f():\n    from ..read import text\n")  # down: fine
    (render / "links.py").write_text("from ..model.plan import Plan\n")  # down: fine
    (render / "charts.py").write_text("def f():\n    from ..publish import opendata\n")
    assert upward_imports(tmp_path) == [
        "plansite/model/plan.py:3: model imports plansite.render.links from render, a higher layer",
        "plansite/render/charts.py:2: render imports plansite.publish.opendata from publish, a "
        "higher layer",
    ]
