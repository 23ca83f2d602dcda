"""What every model shares: unknown keys are errors, and each object knows where it was written."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, PrivateAttr, model_validator


class Model(BaseModel):
    # allow_inf_nan: `.nan` or `inf` typed as a figure is a mistake, never a figure to publish
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, allow_inf_nan=False)

    # Where this object was written: set by the loader from the YAML node marks or CSV rows.
    _file: str = PrivateAttr(default="")
    _line: int = PrivateAttr(default=1)
    _field_lines: dict[str, int] = PrivateAttr(default_factory=dict)

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
