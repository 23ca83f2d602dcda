"""A YAML reader that keeps every value as the text the editor typed and remembers its line.

PyYAML's safe loader follows YAML 1.1: `NO` becomes False, `1.10` becomes 1.1 and `2016-03-31`
becomes a date. Here every scalar stays a string; the models decide what each field means.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from macros.read.problems import Problems, display_path
from macros.read.text import read_text

Path_ = tuple[str | int, ...]
NULLS = {"", "~", "null", "Null", "NULL"}
PLAIN_TAGS = {
    yaml.ScalarNode: yaml.resolver.BaseResolver.DEFAULT_SCALAR_TAG,
    yaml.SequenceNode: yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG,
    yaml.MappingNode: yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
}


@dataclass
class YamlDoc:
    """A parsed YAML file: its value, and the line of every key and list item by path."""

    file: str
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    key_lines: dict[Path_, dict[str, int]] = field(default_factory=dict)

    def line(self, path: Path_) -> int:
        """The line of `path`, or of its nearest parent that has one."""
        for end in range(len(path), -1, -1):
            found = self.lines.get(tuple(path[:end]))
            if found is not None:
                return found
        return 1


def read_yaml(path: Path, problems: Problems) -> YamlDoc | None:
    text = read_text(path, problems)
    if text is None:
        return None
    name = display_path(path)
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as error:
        # an unclosed quote is found at the end of the file: point at where it was opened
        opened = "quoted scalar" in (error.context or "")
        mark = (error.context_mark if opened else None) or error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        problems.add(name, line, _syntax_hint(error))
        return None
    doc = YamlDoc(name, None)
    if node is None:
        problems.add(name, 1, "file has no data, only comments; add its content")
        return None
    doc.data = _to_python(node, (), doc, problems)
    return doc


class _LibyamlComposer(yaml.CSafeLoader):
    """libyaml's parser, without guessing types: every value stays the text typed (see above)."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.yaml_implicit_resolvers = {}

    # libyaml asks this for every node of the file: answer at once, with the plain tag
    def resolve(self, kind: type[yaml.Node], value: Any, implicit: Any) -> str:
        return PLAIN_TAGS[kind]


def _compose(text: str) -> yaml.Node | None:
    """The node tree, built by libyaml when PyYAML has it (ten times faster on a big plan).

    A file libyaml rejects is parsed again by the pure-Python loader, so that the message and
    line an editor sees are the same whichever parser this machine has.
    """
    if yaml.__with_libyaml__:
        try:
            return yaml.compose(text, Loader=_LibyamlComposer)
        except yaml.MarkedYAMLError:
            pass
    return yaml.compose(text, Loader=yaml.SafeLoader)


def _to_python(node: yaml.Node, path: Path_, doc: YamlDoc, problems: Problems) -> Any:
    doc.lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.ScalarNode):
        if node.style is None and node.value in NULLS:
            return None
        return node.value
    if isinstance(node, yaml.SequenceNode):
        items = []
        for index, child in enumerate(node.value):
            items.append(_to_python(child, (*path, index), doc, problems))
        return items
    assert isinstance(node, yaml.MappingNode)
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            problems.add(doc.file, key_node.start_mark.line + 1, "a key must be a plain word")
            continue
        key = key_node.value
        line = key_node.start_mark.line + 1
        if key in result:
            first = doc.lines[(*path, key)]
            problems.add(
                doc.file,
                line,
                f"`{key}` appears twice in the same block (first on line {first}); "
                "keep one and delete the other",
            )
            continue
        doc.lines[(*path, key)] = line
        doc.key_lines.setdefault(path, {})[key] = line
        result[key] = _to_python(value_node, (*path, key), doc, problems)
        doc.lines[(*path, key)] = line  # the key's line, not the value's
    return result


def _syntax_hint(error: yaml.MarkedYAMLError) -> str:
    problem = (error.problem or error.context or "").strip()
    if "'\\t'" in problem or "\\t" in problem:
        return "a tab is used for indenting; YAML needs spaces: replace the tab with spaces"
    if "mapping values are not allowed" in problem:
        return (
            'a value contains ": " (a colon and a space); put the whole value in quotes, '
            'e.g. text: "Update: report received"'
        )
    if (
        "could not find expected ':'" in problem
        or "simple key" in problem
        or "expected <block end>" in problem
    ):
        return (
            "a line has no `key:` or its indentation does not line up with the lines above; "
            "check the indentation and put long text in quotes"
        )
    if "found undefined alias" in problem or "expected alias" in problem:
        return "a value starts with `*`; put the value in quotes"
    if "found character '@'" in problem or "'`'" in problem or "'%'" in problem:
        return "a value starts with a character YAML reserves (@, ` or %); put the value in quotes"
    if (
        "while scanning a quoted scalar" in (error.context or "")
        or "found unexpected end" in problem
    ):
        return "a quote is opened but never closed; close it with the same kind of quote"
    return (
        f"this is not valid YAML ({problem}); check the indentation and put text that "
        'contains ": " or " #" in quotes'
    )
