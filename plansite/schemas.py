"""JSON Schema files for the data files, made from the models (`make schemas`).

Each YAML file in data/ names its schema on its first line, so editors such as VS Code
autocomplete field names and flag mistakes while people type.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pydantic import BaseModel

from plansite.model.annual_tables import Budget
from plansite.model.board import Board, SubgroupsFile
from plansite.model.glossary import GlossaryFile
from plansite.model.indicators import IndicatorsFile
from plansite.model.plan import Plan
from plansite.model.planner import Planner
from plansite.model.yearly_report import Report

SCHEMAS: dict[str, type[BaseModel]] = {
    "board": Board,
    "subgroups": SubgroupsFile,
    "plan": Plan,
    "indicators": IndicatorsFile,
    "planner": Planner,
    "budget": Budget,
    "glossary": GlossaryFile,
    "report": Report,
}


def schema_text(model: type[BaseModel]) -> str:
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, indent=2, sort_keys=True) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in SCHEMAS.items():
        path = folder / f"{name}.schema.json"
        path.write_text(schema_text(model), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for path in write_schemas(Path(sys.argv[1] if len(sys.argv) > 1 else "data/schemas")):
        print(path)
