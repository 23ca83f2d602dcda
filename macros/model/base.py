"""What every model shares: unknown keys are errors, and each object knows where it was written."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, PrivateAttr


class Model(BaseModel):
    # allow_inf_nan: `.nan` or `inf` typed as a figure is a mistake, never a figure to publish
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, allow_inf_nan=False)

    # Where this object was written: set by the loader from the YAML node marks or CSV rows.
    _file: str = PrivateAttr(default="")
    _line: int = PrivateAttr(default=1)
    _field_lines: dict[str, int] = PrivateAttr(default_factory=dict)

    def located(self, file: str, line: int, field_lines: dict[str, int]) -> None:
        self._file, self._line, self._field_lines = file, line, field_lines

    @property
    def source_file(self) -> str:
        return self._file

    def line_of(self, field: str | None = None) -> int:
        """The line of `field` if it was written, else the line of this object."""
        if field is None:
            return self._line
        return self._field_lines.get(field, self._line)


def as_list(value: Any) -> Any:
    """Editors write one item without a list (`lead: PPPG`); the model always holds a list."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return value
