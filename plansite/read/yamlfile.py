"""A YAML reader that keeps every value as the text the editor typed and remembers its line.

PyYAML's safe loader follows YAML 1.1: `NO` becomes False, `1.10` becomes 1.1 and `2016-03-31`
becomes a date. Here every scalar stays a string; the models decide what each field means.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from plansite.read.problems import Problems, display_path
from plansite.read.text import (
    MAX_LINE,
    UNUSUAL,
    pasted_warning,
    plain_name,
    read_text,
    typed_text,
    unusual_space,
)

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


MAX_DEPTH = 40  # a plan is about 8 levels deep; 5,000 nested `[` would exhaust Python's stack
ALIAS_MESSAGE = (
    "aliases, anchors and `<<:` merge keys (`&name`, `*name`) are not allowed in data files; "
    "write the value out in full"
)


def read_yaml(
    path: Path, problems: Problems, names: frozenset[str] = frozenset()
) -> YamlDoc | None:
    """The file's data; values under a key in `names` (refs, ids, leads) are read as plain names,
    without the non-breaking or invisible spaces that pasting brings (with a warning)."""
    text = read_text(path, problems)
    if text is None:
        return None
    name = display_path(path)
    if yaml.__with_libyaml__:
        # the usual file, read from libyaml's events: never held as a tree of nodes (a plan of
        # 7,000 actions took 144 MB more, and seconds, as one, issue 26)
        doc = YamlDoc(name, None)
        found = (len(problems.items), len(problems.warnings), len(problems.advice))
        try:
            doc.data = _streamed(text, _Converter(doc, problems, names, text))
            return doc if len(problems) == found[0] else None
        except (_NotPlain, yaml.YAMLError):  # composed as a tree, which says what is wrong
            del problems.items[found[0] :], problems.warnings[found[1] :]
            del problems.advice[found[2] :]
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as error:
        # an unclosed quote is found at the end of the file: point at where it was opened
        opened = "quoted scalar" in (error.context or "")
        mark = (error.context_mark if opened else None) or error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        unclosed = None if opened else _unclosed_quote_before(text, line)
        if unclosed:  # the quote ran on over the next lines, which YAML then could not read
            problems.add(name, unclosed, UNCLOSED_QUOTE)
        else:
            problems.add(name, line, _syntax_hint(error))
        return None
    except RecursionError:
        problems.add(name, 1, _too_deep())
        return None
    doc = YamlDoc(name, None)
    if node is None:
        problems.add(name, 1, "file has no data, only comments; add its content")
        return None
    if isinstance(node, yaml.ScalarNode) and not node.style and node.value in NULLS:
        problems.add(name, 1, "file has no data after `---`; add its content")
        return None
    before = len(problems)
    reader = _Converter(doc, problems, names, text)
    doc.data = reader.value(node, (), 0, False)
    if reader.aliased:
        reader.report_aliases()
    # what the models would say about a file read wrongly would only repeat its cause
    return doc if len(problems) == before else None


def package_yaml(path: Path) -> Any:
    """One of Plansite's own YAML files (the words, the national glossary), as PyYAML's safe
    loader reads it: by libyaml when PyYAML has it (the words file took a tenth of a second
    with the pure-Python parser, read more than once a build)."""
    text = path.read_text("utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _too_deep() -> str:
    return (
        f"lists or blocks are nested more than {MAX_DEPTH} deep; a plan needs far fewer: "
        "check the brackets `[` `{` and the indentation"
    )


class _LibyamlComposer(yaml.CSafeLoader):
    """libyaml's parser, without guessing types: every value stays the text typed (see above)."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.yaml_implicit_resolvers = {}

    # libyaml asks this for every node of the file: answer at once, with the plain tag
    def resolve(self, kind: type[yaml.Node], value: Any, implicit: Any) -> str:
        return PLAIN_TAGS[kind]


COLLECTION_STARTS = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
COLLECTION_ENDS = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


class _NotPlain(Exception):
    """The file is not one plain document (an anchor, an alias, a complex key, too deep, more
    than one document, or none): it is composed as a tree instead."""


def _streamed(text: str, reader: _Converter) -> Any:
    """The value of `text`, one plain document whose top is a block or a list, read from
    libyaml's events; raises _NotPlain (or libyaml's error) for any other file."""
    events = yaml.parse(text, Loader=_LibyamlComposer)
    for event in events:
        if isinstance(event, COLLECTION_STARTS):
            break
        if isinstance(event, yaml.NodeEvent):  # the whole file one value
            raise _NotPlain
    else:
        raise _NotPlain  # no document
    data = reader.from_events(events, event, (), 0, False)
    for event in events:
        if isinstance(event, yaml.DocumentStartEvent):
            raise _NotPlain
    return data


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


class _Converter:
    """Node tree to plain values, remembering lines; refuses aliases instead of expanding them
    (a 1 KB "alias bomb" expands to gigabytes)."""

    def __init__(self, doc: YamlDoc, problems: Problems, names: frozenset[str], text: str) -> None:
        self.doc, self.problems, self.names, self.text = doc, problems, names, text
        self.lines = text.split("\n")
        self.hash_lines = {i for i, line in enumerate(self.lines) if "#" in line}
        # most files have no entity and no pasted space: then a name is read as written
        self.as_written = "&" not in text and UNUSUAL.search(text) is None
        self.seen: set[int] = set()
        self.aliased = False
        self.merge_lines: set[int] = set()
        self.too_deep = False

    def value(self, node: yaml.Node, path: Path_, depth: int, is_name: bool) -> Any:
        doc = self.doc
        doc.lines.setdefault(path, node.start_mark.line + 1)
        if id(node) in self.seen:  # the same node again: it was reached through an alias
            self.aliased = True
            return None
        self.seen.add(id(node))
        if depth > MAX_DEPTH:
            if not self.too_deep:
                self.problems.add(doc.file, node.start_mark.line + 1, _too_deep())
            self.too_deep = True
            return None
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node, is_name)
        if isinstance(node, yaml.SequenceNode):
            return [
                self.value(child, (*path, index), depth + 1, is_name)
                for index, child in enumerate(node.value)
            ]
        assert isinstance(node, yaml.MappingNode)
        return self._mapping(node, path, depth)

    def _mapping(self, node: yaml.MappingNode, path: Path_, depth: int) -> dict[str, Any]:
        doc, problems = self.doc, self.problems
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                problems.add(doc.file, line, "a key must be a plain word")
                continue
            if key_node.value == "<<" and not key_node.style:
                problems.add(doc.file, line, ALIAS_MESSAGE)
                self.merge_lines.add(line)
                continue
            key = self._name(key_node)
            if key in result:
                first = doc.lines[(*path, key)]
                problems.add(doc.file, line, _twice(key, first))
                continue
            doc.lines[(*path, key)] = line
            doc.key_lines.setdefault(path, {})[key] = line
            result[key] = self.value(value_node, (*path, key), depth + 1, key in self.names)
            doc.lines[(*path, key)] = line  # the key's line, not the value's
        return result

    def from_events(
        self,
        events: Iterator[yaml.Event],
        event: yaml.Event,
        path: Path_,
        depth: int,
        is_name: bool,
    ) -> Any:
        """`value`, from libyaml's events (`event`, then the rest of its node's in `events`):
        the same values, lines and problems; raises _NotPlain where `value` would have to see
        the node tree (an anchor or alias, a complex key, too deep)."""
        if depth > MAX_DEPTH or getattr(event, "anchor", None) is not None:
            raise _NotPlain
        self.doc.lines.setdefault(path, event.start_mark.line + 1)  # type: ignore[union-attr]
        if isinstance(event, yaml.ScalarEvent):
            return self._scalar(event, is_name)  # type: ignore[arg-type]
        if not isinstance(event, COLLECTION_STARTS):  # an alias
            raise _NotPlain
        if isinstance(event, yaml.SequenceStartEvent):
            items: list[Any] = []
            for child in events:
                if isinstance(child, yaml.SequenceEndEvent):
                    break
                items.append(
                    self.from_events(events, child, (*path, len(items)), depth + 1, is_name)
                )
            return items
        doc, problems = self.doc, self.problems
        result: dict[str, Any] = {}
        for key_event in events:
            if isinstance(key_event, yaml.MappingEndEvent):
                break
            if not isinstance(key_event, yaml.ScalarEvent) or key_event.anchor is not None:
                raise _NotPlain
            line = key_event.start_mark.line + 1  # type: ignore[union-attr]
            if key_event.value == "<<" and not key_event.style:
                problems.add(doc.file, line, ALIAS_MESSAGE)
                self.merge_lines.add(line)
                _skip(events)
                continue
            key = self._name(key_event)  # type: ignore[arg-type]
            if key in result:
                first = doc.lines[(*path, key)]
                problems.add(doc.file, line, _twice(key, first))
                _skip(events)
                continue
            doc.lines[(*path, key)] = line
            doc.key_lines.setdefault(path, {})[key] = line
            value = next(events)
            result[key] = self.from_events(
                events, value, (*path, key), depth + 1, key in self.names
            )
            doc.lines[(*path, key)] = line  # the key's line, not the value's
        return result

    def _scalar(self, node: yaml.ScalarNode, is_name: bool) -> Any:
        """A scalar node's value (or a scalar event's: they have the same fields)."""
        if len(node.value) > MAX_LINE:  # a block of many lines can be as long as one line
            self.problems.add(self.doc.file, node.start_mark.line + 1, f"this value is "
                              f"{len(node.value):,} characters long, more than the "
                              f"{MAX_LINE:,} a value may hold; shorten it or remove what "
                              "is not plan data")  # fmt: skip
            return None
        if not node.style:  # plain: libyaml says "", PyYAML None
            if node.value in NULLS:
                return None
            self._comment_after(node)
        return self._name(node) if is_name else typed_text(node.value)

    def _name(self, node: yaml.ScalarNode) -> str:
        if self.as_written:
            return str(node.value)
        value = typed_text(str(node.value))
        found = unusual_space(value)
        if found is None:
            return value
        self.problems.advise(self.doc.file, node.start_mark.line + 1, pasted_warning(value, found))
        return plain_name(value)

    def _comment_after(self, node: yaml.ScalarNode) -> None:
        """`text: sent #2 to partners` publishes "sent": YAML reads ` #2 ...` as a comment."""
        end = node.end_mark
        if end.line not in self.hash_lines or end.line != node.start_mark.line:
            return
        rest = self.lines[end.line][end.column :]
        found = re.match(r"([ \t]+)#(.?)", rest)
        if found is None:
            return
        # `lead: CSE Group  # who leads it` is a comment on purpose (two spaces, then "# ");
        # `sent #2 to partners` and `Train staff # and carers` read as words cut short
        cut_word = found.group(2) and not found.group(2).isspace()
        if cut_word or (found.group(1) == " " and " " in node.value):
            self.problems.warn(
                self.doc.file,
                end.line + 1,
                f"only `{node.value}` is read here: YAML takes ` #` and the rest of the line as "
                "a comment, which is not published; put the whole value in quotes to keep it",
            )

    def report_aliases(self) -> None:
        loader = _LibyamlComposer if yaml.__with_libyaml__ else yaml.SafeLoader
        for event in yaml.parse(self.text, Loader=loader):
            if isinstance(event, yaml.AliasEvent) and event.start_mark is not None:
                line = event.start_mark.line + 1
                if line not in self.merge_lines:
                    self.problems.add(self.doc.file, line, ALIAS_MESSAGE)


def _twice(key: str, first: int) -> str:
    return (
        f"`{key}` appears twice in the same block (first on line {first}); "
        "keep one and delete the other"
    )


def _skip(events: Iterator[yaml.Event]) -> None:
    """The events of the next node, read and left (as the tree's node would be; what composing
    it would refuse is refused)."""
    depth = 0
    for event in events:
        if getattr(event, "anchor", None) is not None or depth > MAX_DEPTH:
            raise _NotPlain
        if isinstance(event, COLLECTION_STARTS):
            depth += 1
        elif isinstance(event, COLLECTION_ENDS):
            depth -= 1
        if depth == 0:
            return


QUOTE_OPENED = re.compile(r"""^\s*(?:- )?[^\s#"'][^#"']*:\s+(?:- )?(["'])|^\s*- (["'])""")
UNCLOSED_QUOTE = "a quote is opened but never closed; close it with the same kind of quote"


def _unclosed_quote_before(text: str, error_line: int) -> int | None:
    """The line of a value whose opening quote is closed only on the line of the error (or
    after), so that YAML read the lines between as part of the value: the real cause."""
    lines = text.split("\n")
    for number in range(min(error_line, len(lines)) - 1, max(error_line - 50, 0) - 1, -1):
        found = QUOTE_OPENED.match(lines[number])
        if not found:
            continue
        quote = found.group(1) or found.group(2)
        rest = lines[number][found.end() :]
        if quote in rest.replace(quote * 2, "") and quote == "'":
            continue
        if quote == '"' and re.search(r'(?<!\\)"', rest):
            continue
        following = "\n".join(lines[number + 1 :])
        close = following.find(quote)
        closed_on = number + 2 + following[: max(close, 0)].count("\n")
        return number + 1 if close < 0 or closed_on >= error_line - 1 else None
    return None


def _syntax_hint(error: yaml.MarkedYAMLError) -> str:
    problem = (error.problem or error.context or "").strip()
    if "'\\t'" in problem or "\\t" in problem:
        return "a tab is used for indenting; YAML needs spaces: replace the tab with spaces"
    if "found another document" in problem:
        return "a second `---` starts another document; a data file has one: delete the `---` line"
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
        return UNCLOSED_QUOTE
    return (
        f"this is not valid YAML ({problem}); check the indentation and put text that "
        'contains ": " or " #" in quotes'
    )
