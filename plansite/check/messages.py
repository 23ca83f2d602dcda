"""Plain-words messages for the errors pydantic reports."""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

TYPE_WORDS = {
    "string_type": "text",
    "int_parsing": "a whole number",
    "int_type": "a whole number",
    "int_from_float": "a whole number",
    "float_parsing": "a number",
    "float_type": "a number",
    "finite_number": "a number",
    "bool_parsing": "yes or no (true or false)",
    "bool_type": "yes or no (true or false)",
    "list_type": "a list (items on lines starting with `- `, or [a, b])",
    "dict_type": "a block of `key: value` lines",
    "model_type": "a block of `key: value` lines",
    "model_attributes_type": "a block of `key: value` lines",
}


def field_name(loc: tuple[Any, ...]) -> str:
    names = [str(p) for p in loc if isinstance(p, str)]
    return names[-1] if names else "value"


def explain(error: ErrorDetails, model: type[BaseModel]) -> str:
    """One error, said plainly with its fix."""
    loc = tuple(error["loc"])
    kind = error["type"]
    name = field_name(loc)
    given = error.get("input")
    if kind == "extra_forbidden":
        allowed = _allowed_keys(model, loc[:-1])
        close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
        hint = f"did you mean `{close[0]}`?" if close else "allowed keys: " + ", ".join(allowed)
        return f"unknown key `{name}`; {hint}"
    if kind == "missing":
        return f"`{name}` is missing; add `{name}:` here"
    if kind in ("value_error", "assertion_error"):
        message = str(error["msg"])
        for prefix in ("Value error, ", "Assertion failed, "):
            message = message.removeprefix(prefix)
        return message
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        return f"`{name}` cannot be `{given}`; use one of {expected}"
    if kind == "too_short":
        return f"`{name}` needs at least one item"
    if kind in ("greater_than_equal", "greater_than"):
        limit = error.get("ctx", {}).get("ge", error.get("ctx", {}).get("gt", ""))
        shown_limit = f"{limit:g}" if isinstance(limit, float) else limit
        return f"`{name}` must be at least {shown_limit}, not {given}"
    if given is None and kind in TYPE_WORDS:
        return f"`{name}` is empty; write it after `{name}:`"
    if kind in TYPE_WORDS:
        shown = (
            "a block of `key: value` lines"
            if isinstance(given, dict)
            else "a list"
            if isinstance(given, list)
            else f"`{given}`"
        )
        return f"`{name}` must be {TYPE_WORDS[kind]}, not {shown}"
    return f"`{name}`: {error['msg']}"


def _allowed_keys(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The field names of the model found at `loc` inside `model`."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        field = getattr(current, "model_fields", {}).get(part)
        if field is None:
            return []
        current = _inner_model(field.annotation)
    return sorted(getattr(current, "model_fields", {}))


def _inner_model(annotation: Any) -> Any:
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None
