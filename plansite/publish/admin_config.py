"""The forms of the `/admin/` page: the CMS's configuration (`admin/config.yml`; Sveltia CMS and
Decap CMS read the same), made at build time from the plan model's JSON Schema (what `make
schemas` writes) and the board's own plans.

Each plan is one file the forms edit. Only what a quarterly update changes has a form: an
action's status (a select list of the plan's own status words), due date, leads and dated
updates. Everything else in the file is not shown, and a save leaves it as it was
(plansite/theme/admin/plansite-yaml.js).
"""

from __future__ import annotations

import functools
from typing import Any

import yaml
from pydantic import BaseModel

from plansite.model.board_data import BoardData
from plansite.model.dates import MONTHS
from plansite.model.plan import Action, Plan, Update

# the local git repository's proxy (`npx decap-server`), used only when the page is opened on
# localhost or 127.0.0.1 (`make serve`): a published site signs in to GitHub instead
DEFAULT_PROXY_PORT = 8081
FORMAT = "plansite-yaml"
TOKEN_SIGN_IN = "token"
# an update's date as the data format takes it: 2025-12, 2025-12-14, Dec 25, December 2025
# (the month names the model reads; written out in each case, as a JavaScript pattern has none)
_MONTHS = "|".join(
    form
    for name in sorted(MONTHS, key=len, reverse=True)
    for form in (name, name.title(), name.upper())
)
UPDATE_DATE = rf"^(\d{{4}}-\d{{1,2}}(-\d{{1,2}})?|({_MONTHS})\.? ?(\d{{2}}|\d{{4}}))$"
UPDATE_DATE_HINT = "Write the month or the day: 2026-03, 2026-03-14, Mar 26 or March 2026."


@functools.cache  # the same few models, asked for each plan's fields
def _schema(model: type[BaseModel]) -> dict[str, Any]:
    properties: dict[str, Any] = model.model_json_schema()["properties"]
    return properties


def _field(model: type[BaseModel], name: str, **widget: Any) -> dict[str, Any]:
    """A form field named, labelled and explained as the model's JSON Schema does."""
    schema = _schema(model)[name]
    field: dict[str, Any] = {"name": name, "label": schema.get("title", name)}
    if schema.get("description"):
        field["hint"] = schema["description"]
    field.update(widget)
    return field


def status_options(plan: Plan) -> list[dict[str, str]]:
    """The plan's status words, best first: the label shown, the key written."""
    return [{"label": s.label, "value": s.key} for s in plan.statuses]


def _status(model: type[BaseModel], plan: Plan) -> dict[str, Any]:
    field = _field(model, "status", widget="select", options=status_options(plan), required=False)
    # the schema's hint is for people typing the word; the form offers the plan's own words
    return {**field, "hint": "One of this plan's statuses (the form writes its key)."}


def action_fields(plan: Plan) -> list[dict[str, Any]]:
    update_fields = [
        {
            **_field(Update, "date", widget="string", pattern=[UPDATE_DATE, UPDATE_DATE_HINT]),
            "hint": UPDATE_DATE_HINT,
        },
        _status(Update, plan),
        _field(Update, "text", widget="text"),
    ]
    # one box per lead, open: a lead may hold a comma ("Head of Service, Early Help"). An action
    # written with `lead: PPPG` shows it here too, and keeps `lead:` while it has one
    # (plansite/theme/admin/plansite-yaml.js)
    leads = {"name": "lead", "label": "Lead", "widget": "string"}
    return [
        _status(Action, plan),
        # due dates are written as people say them ("End of Nov 25"): free text, not a picker
        _field(Action, "due", widget="string", required=False),
        _field(
            Action,
            "leads",
            widget="list",
            field=leads,
            collapsed=False,
            summary="{{fields.lead}}",
            required=False,
        ),
        _field(
            Action,
            "updates",
            widget="list",
            fields=update_fields,
            required=False,
            summary="{{fields.date}}: {{fields.text}}",
            label_singular="update",
        ),
    ]


def _list(name: str, label: str, fields: list[dict[str, Any]], summary: str) -> dict[str, Any]:
    """A list the forms go through but never add to, remove from or reorder."""
    return {
        "name": name,
        "label": label,
        "widget": "list",
        "collapsed": True,
        "allow_add": False,
        "allow_remove": False,
        "allow_reorder": False,
        "required": False,
        "summary": summary,
        "fields": fields,
    }


def _has(plan: Plan, part: str) -> bool:
    return any(getattr(p, part) for p in plan.priorities)


def priority_fields(plan: Plan) -> list[dict[str, Any]]:
    actions = _list("actions", "Actions", action_fields(plan), "{{fields.ref}} {{fields.title}}")
    fields = []
    if _has(plan, "issues"):
        fields.append(_list("issues", "Issues", [actions], "{{fields.ref}} {{fields.title}}"))
    if _has(plan, "actions"):
        fields.append(actions)
    return fields


def plan_file(plan: Plan, data_path: str) -> dict[str, Any]:
    priorities = _list(
        "priorities",
        _schema(Plan)["priorities"].get("title", "Priorities"),
        priority_fields(plan),
        "{{fields.ref}}. {{fields.title}}",
    )
    return {
        "name": plan.id,
        "label": plan.title,
        "file": f"{data_path}/plans/{plan.id}.yml",
        "fields": [priorities],
    }


def config(
    site: BoardData,
    data_path: str,
    *,
    repo: str,
    branch: str = "main",
    proxy_port: int = DEFAULT_PROXY_PORT,
    auth_url: str | None = None,
) -> dict[str, Any]:
    """The CMS's configuration: `data_path` is the board folder inside the repository."""
    backend: dict[str, Any] = {"name": "github", "repo": repo, "branch": branch}
    if auth_url:
        backend["base_url"] = auth_url
    else:
        # no OAuth client: Sveltia's "Sign In with GitHub" could only fail, so it offers its
        # token sign-in alone (Decap ignores the key)
        backend["auth_methods"] = [TOKEN_SIGN_IN]
    return {
        "backend": backend,
        "local_backend": {"url": f"http://localhost:{proxy_port}/api/v1"},
        "publish_mode": "simple",
        "media_folder": f"{data_path}/files",  # required by Decap; the forms upload nothing
        "site_url": site.board.site_url or None,
        "collections": [
            {
                "name": "plans",
                "label": "Plans",
                "label_singular": "plan",
                "editor": {"preview": False},
                # plansite/theme/admin/plansite-yaml.js: a save changes only what the form changed
                "format": FORMAT,
                "files": [plan_file(p, data_path) for p in site.plans_in_order],
            }
        ],
    }


def config_text(site: BoardData, data_path: str, **options: Any) -> str:
    made = config(site, data_path, **options)
    made = {k: v for k, v in made.items() if v is not None}
    header = (
        "# Made by Plansite at build time from the data's JSON Schemas and the board's plans\n"
        "# (plansite/publish/admin_config.py): do not edit, rebuild.\n"
    )
    text = yaml.dump(made, Dumper=_Plain, sort_keys=False, allow_unicode=True, width=100)
    return header + text


class _Plain(yaml.SafeDumper):
    """Every plan's forms written out in full: no `&id001` anchors for the repeated ones."""

    def ignore_aliases(self, data: Any) -> bool:
        return True
