"""The engine adapter (plansite/engine/) uses the site engines' public interfaces: no private
attribute of another object is read or set, and no engine method is replaced on an object,
except watchdog's `_timeout`, the watcher's interval, which neither engine offers
(docs/maintainers/engines.md, "The preview under both engines")."""

from __future__ import annotations

import ast

from tests.conftest import ROOT

ENGINE_ADAPTER = ROOT / "plansite" / "engine"
# (module, attribute): the private attributes the adapter may use, and why (engines.md)
ALLOWED = {("preview.py", "_timeout")}
# engine methods an adapter might be tempted to replace on an object (a dirty build asks it)
METHODS = {"is_modified"}


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def private_uses(source: str, module: str) -> list[str]:
    """Each use of another object's private attribute (`x._a`, `getattr(x, "_a")`), and each
    engine method assigned on an object, as `module:line: what`."""
    found: list[str] = []
    for node in ast.walk(ast.parse(source)):
        name = None
        if isinstance(node, ast.Attribute) and _private(node.attr):
            own = isinstance(node.value, ast.Name) and node.value.id in {"self", "cls"}
            name = None if own else node.attr
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in {"getattr", "setattr", "hasattr"}
            and len(node.args) > 1
            and isinstance(node.args[1], ast.Constant)
            and isinstance(node.args[1].value, str)
            and _private(node.args[1].value)
        ):
            name = node.args[1].value
        if name is not None and (module, name) not in ALLOWED:
            found.append(f"{module}:{node.lineno}: private `{name}`")
        if isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Attribute) and target.attr in METHODS:
                    found.append(f"{module}:{node.lineno}: replaces `{target.attr}`")
    return found


def test_the_engine_adapter_uses_only_public_interfaces_but_the_watchers_interval() -> None:
    found = [
        use
        for module in sorted(ENGINE_ADAPTER.glob("*.py"))
        for use in private_uses(module.read_text(encoding="utf-8"), module.name)
    ]
    assert found == []


def test_the_check_finds_a_private_attribute_and_a_replaced_method() -> None:
    """What the preview did before: it shadowed `File.is_modified` per page and set watchdog's
    `_timeout` in the plugin module; an object's own private attributes are its own."""
    planted = (
        "def start(files, server):\n"
        "    for file in files:\n"
        "        file.is_modified = lambda: True\n"
        "    server.observer._timeout = 0.1\n"
        "    if hasattr(server, '_watched_paths'):\n"
        "        pass\n"
        "    self._quiet = None\n"
    )
    assert private_uses(planted, "plugin.py") == [
        "plugin.py:3: replaces `is_modified`",
        "plugin.py:4: private `_timeout`",
        "plugin.py:5: private `_watched_paths`",
    ]
    assert private_uses("server.observer._timeout = 0.1\n", "preview.py") == []
