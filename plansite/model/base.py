"""What every model shares: unknown keys are errors, and each object knows where it was written."""

from __future__ import annotations

from typing import Any, Self, TypeVar

from pydantic import BaseModel, ConfigDict, PrivateAttr, model_validator


class Model(BaseModel):
    # allow_inf_nan: `.nan` or `inf` typed as a figure is a mistake, never a figure to publish
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, allow_inf_nan=False)

    # Where this object was written: set by the loader from the YAML node marks or CSV rows.
    # Its keys' lines are one tuple, (keys, offset of each from `_line`...): a dictionary a model
    # with its own line numbers was most of the loaded data's size at 12,000 actions (issue 26),
    # and the keys' tuple is shared by every object written with the same keys.
    _file: str = PrivateAttr(default="")
    _line: int = PrivateAttr(default=1)
    _key_lines: tuple[Any, ...] = PrivateAttr(default=())

    @model_validator(mode="before")
    @classmethod
    def _empty_means_default(cls, data: Any) -> Any:
        """`description:` left empty is as if not written; an empty required field stays None,
        and is reported as empty."""
        if isinstance(data, dict) and None in data.values():
            fields = cls.model_fields
            return {
                k: v
                for k, v in data.items()
                if v is not None or k not in fields or fields[k].is_required()
            }
        return data

    def located(self, file: str, line: int, key_lines: tuple[Any, ...] = ()) -> None:
        """`key_lines`: from `key_lines()`, or none (a CSV row: its fields are on its line)."""
        self._file, self._line, self._key_lines = file, line, key_lines

    def share_fields_set(self, shared: dict[frozenset[str], frozenset[str]]) -> None:
        """The names of the fields written, as one frozen set shared by every object written with
        the same fields (`shared` remembers them): pydantic keeps a set per object, 20 MB at
        12,000 actions (issue 26). A field set later gets the object a set of its own again."""
        written = frozenset(self.__pydantic_fields_set__)
        object.__setattr__(self, "__pydantic_fields_set__", shared.setdefault(written, written))

    def __setattr__(self, name: str, value: Any) -> None:
        written: Any = self.__pydantic_fields_set__
        if isinstance(written, frozenset) and name in type(self).model_fields:
            object.__setattr__(self, "__pydantic_fields_set__", set(written))
        super().__setattr__(name, value)

    def __copy__(self) -> Self:
        """A copy (`model_copy`, which then adds the names it updates) has a set of its own."""
        return _own_fields_set(super().__copy__())

    def __deepcopy__(self, memo: dict[int, Any] | None = None) -> Self:
        return _own_fields_set(super().__deepcopy__(memo))

    @property
    def source_file(self) -> str:
        return self._file

    def line_of(self, field: str | None = None) -> int:
        """The line of `field` if it was written, else the line of this object."""
        if field is None or not self._key_lines:
            return self._line
        keys = self._key_lines[0]
        if field not in keys:
            return self._line
        offset: int = self._key_lines[1 + keys.index(field)]
        return self._line + offset


def key_lines(
    line: int, lines: dict[str, int], keys: dict[tuple[str, ...], tuple[str, ...]]
) -> tuple[Any, ...]:
    """`lines` (each key's line) as `Model.located` keeps them: the keys' tuple, one for every
    object written with the same keys (`keys` remembers them), then each key's line less `line`
    (small numbers: Python shares one object for each)."""
    if not lines:
        return ()
    names = tuple(lines)
    names = keys.setdefault(names, names)
    return (names, *(found - line for found in lines.values()))


def as_list(value: Any) -> Any:
    """Editors write one item without a list (`lead: PPPG`); the model always holds a list."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return value


Copied = TypeVar("Copied", bound=BaseModel)


def _own_fields_set(copy: Copied) -> Copied:
    written: Any = copy.__pydantic_fields_set__
    if isinstance(written, frozenset):
        object.__setattr__(copy, "__pydantic_fields_set__", set(written))
    return copy
