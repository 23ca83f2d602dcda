"""A build's state lives in its SiteBuild (plansite/engine/build.py), never in the package's
modules: no `global` statement, no write to `os.environ`, and no module-level list, dict or set
that a function changes (or that another module patches). Such state would carry one build's
settings into the next build in the same process (`mkdocs serve`, the tests, two boards).

Read from the source (the AST), as tests/test_layers.py reads the imports; the checks are shown
to find a planted offender of each kind."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "plansite"

# what changes a list, dict or set in place
MUTATING = frozenset({
    "append", "extend", "insert", "pop", "popitem", "clear", "update", "setdefault", "add",
    "discard", "remove", "sort", "reverse", "__setitem__", "__delitem__", "__iadd__", "__ior__",
})  # fmt: skip
# what writes to the process's environment
ENV_WRITES = frozenset({"setdefault", "update", "pop", "popitem", "clear", "__setitem__"})
CONTAINER_CALLS = frozenset(
    {"list", "dict", "set", "defaultdict", "OrderedDict", "Counter", "deque", "bytearray"}
)


def module_name(path: Path, root: Path) -> str:
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def sources(root: Path) -> Iterator[tuple[Path, str, ast.Module]]:
    for path in sorted((root / PACKAGE).rglob("*.py")):
        yield path, module_name(path, root), ast.parse(path.read_text("utf-8"), str(path))


def _is_container(value: ast.expr | None) -> bool:
    if isinstance(value, ast.List | ast.Dict | ast.Set | ast.ListComp | ast.DictComp | ast.SetComp):
        return True
    if isinstance(value, ast.Call):
        func = value.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        return name in CONTAINER_CALLS
    return False


def module_containers(tree: ast.Module) -> set[str]:
    """Names a module binds, at its top level, to a mutable container."""
    found = set()
    for node in tree.body:
        if isinstance(node, ast.Assign | ast.AnnAssign) and _is_container(node.value):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            found.update(t.id for t in targets if isinstance(t, ast.Name))
    return found


def module_aliases(tree: ast.Module, here: str) -> dict[str, str]:
    """The package's modules this one imports as a name (`from plansite.model import x`,
    `import plansite.model.x as x`): the name, the module."""
    aliases = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from the package this module is in
                package = here.split(".")[: -node.level]
                base = ".".join([*package, *([base] if base else [])])
            for alias in node.names:
                aliases[alias.asname or alias.name] = f"{base}.{alias.name}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    aliases[alias.asname] = alias.name
    return {name: module for name, module in aliases.items() if module.startswith(PACKAGE)}


def _changed(node: ast.AST) -> Iterator[ast.expr]:
    """The objects `node` changes in place: `x[k] = v`, `x[k] += v`, `del x[k]`, `x.append()`."""
    targets: list[ast.expr] = []
    if isinstance(node, ast.Assign):
        targets = node.targets
    elif isinstance(node, ast.AugAssign | ast.AnnAssign):
        targets = [node.target]
    elif isinstance(node, ast.Delete):
        targets = node.targets
    for target in targets:
        if isinstance(target, ast.Subscript):
            yield target.value
    if isinstance(node, ast.AugAssign) and not isinstance(node.target, ast.Subscript):
        yield node.target
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        yield from [node.func.value] if node.func.attr in MUTATING else []


def _local_names(function: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
    arguments = function.args
    every = [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]
    every += [a for a in (arguments.vararg, arguments.kwarg) if a is not None]
    names = {a.arg for a in every}
    for node in ast.walk(function):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
    return names


def _functions(tree: ast.Module) -> Iterator[ast.FunctionDef | ast.AsyncFunctionDef]:
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield node


def _is_environ(node: ast.expr) -> bool:
    """`os.environ` (or `environ`, imported from os)."""
    if isinstance(node, ast.Attribute):
        return node.attr == "environ" and getattr(node.value, "id", "") == "os"
    return isinstance(node, ast.Name) and node.id == "environ"


def environment_writes(tree: ast.Module) -> Iterator[int]:
    for node in ast.walk(tree):
        if any(_is_environ(changed) for changed in _changed(node)):
            yield node.lineno
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            func = node.func
            os_call = getattr(func.value, "id", "") == "os" and func.attr in {"putenv", "unsetenv"}
            if os_call or (func.attr in ENV_WRITES and _is_environ(func.value)):
                yield node.lineno


def offenders(root: Path = ROOT) -> list[str]:
    """Every offence in the package under `root`, as file:line and what it is."""
    parsed = list(sources(root))
    containers = {name: module_containers(tree) for _, name, tree in parsed}
    found = []
    for path, name, tree in parsed:
        where = path.relative_to(root)
        for node in ast.walk(tree):
            if isinstance(node, ast.Global):
                found.append(f"{where}:{node.lineno}: `global {', '.join(node.names)}`")
        for line in environment_writes(tree):
            found.append(f"{where}:{line}: writes to os.environ")
        # a function of the module that changes one of its module-level containers
        for function in _functions(tree):
            local = _local_names(function)
            for node in ast.walk(function):
                for changed in _changed(node):
                    if (
                        isinstance(changed, ast.Name)
                        and changed.id in containers[name]
                        and changed.id not in local
                    ):
                        found.append(
                            f"{where}:{node.lineno}: changes the module-level `{changed.id}`"
                        )
        # anywhere (import time too): a change to another module's module-level container
        aliases = module_aliases(tree, name)
        for node in ast.walk(tree):
            for changed in _changed(node):
                if isinstance(changed, ast.Attribute) and isinstance(changed.value, ast.Name):
                    module = aliases.get(changed.value.id)
                    if module is not None and changed.attr in containers.get(module, set()):
                        found.append(
                            f"{where}:{node.lineno}: changes {module}'s module-level "
                            f"`{changed.attr}`"
                        )
    return sorted(set(found))


def test_no_module_holds_a_builds_state() -> None:
    assert offenders() == []


def test_the_check_finds_each_kind_of_offender(tmp_path: Path) -> None:
    package = tmp_path / PACKAGE
    (package / "model").mkdir(parents=True)
    (package / "words").mkdir()
    (package / "model" / "presets.py").write_text(
        "WORDS = [None]\n"  # changed from another module at import time (below)
        "TABLE = {}\n"
        "for key in 'ab':\n"
        "    TABLE[key] = 1\n"  # built once at import: a constant
    )
    (package / "words" / "state.py").write_text(
        "import os\n"
        "from contextvars import ContextVar\n"
        "from plansite.model import presets\n"
        "_language = ['en']\n"
        "_seen: dict[str, int] = {}\n"
        "_var: ContextVar[str] = ContextVar('v')\n"
        "def use(language):\n"
        "    _language[0] = language\n"  # line 8
        "def remember(key):\n"
        "    _seen.setdefault(key, 1)\n"  # line 10
        "def shadowed(_seen):\n"
        "    _seen['x'] = 1\n"  # its own argument: fine
        "def counter():\n"
        "    global COUNT\n"  # line 14
        "def pinned():\n"
        "    os.environ['SOURCE_DATE_EPOCH'] = '0'\n"  # line 16
        "    os.environ.setdefault('A', 'b')\n"  # line 17
        "    os.putenv('A', 'b')\n"  # line 18
        "    _var.set('cy')\n"  # a context variable: fine
        "    return os.environ.get('A')\n"  # reading: fine
        "presets.WORDS[0] = len\n"  # line 21
    )
    assert offenders(tmp_path) == [
        "plansite/words/state.py:10: changes the module-level `_seen`",
        "plansite/words/state.py:14: `global COUNT`",
        "plansite/words/state.py:16: writes to os.environ",
        "plansite/words/state.py:17: writes to os.environ",
        "plansite/words/state.py:18: writes to os.environ",
        "plansite/words/state.py:21: changes plansite.model.presets's module-level `WORDS`",
        "plansite/words/state.py:8: changes the module-level `_language`",
    ]
