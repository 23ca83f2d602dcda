"""Everything one board publishes, loaded and checked: what the renderers work from."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from plansite.model.annual_tables import Budget, Course
from plansite.model.board import Board, Member, Subgroup
from plansite.model.disclosure import Disclosure, decide
from plansite.model.glossary import is_abbreviation
from plansite.model.indicators import Indicator, Population, Thresholds, Value
from plansite.model.plan import Action, Plan
from plansite.model.planner import Planner
from plansite.model.slugs import slug
from plansite.model.yearly_report import Report
from plansite.read.problems import Problem


@dataclass
class BoardData:
    board: Board
    subgroups: list[Subgroup]
    members: list[Member]
    plans: list[Plan]
    indicators: list[Indicator]
    values: list[Value]
    thresholds: Thresholds
    planner: Planner | None
    budget: Budget | None
    training: list[Course] = field(default_factory=list)
    # data/indicator_population.csv, optional: the children in each group, for rates by group
    population: list[Population] = field(default_factory=list)
    glossary: dict[str, str] = field(default_factory=dict)  # data/glossary.yml, optional
    # the default glossary of national terms (plansite/words/glossary-<language>.yml)
    national_glossary: dict[str, str] = field(default_factory=dict)
    reports: list[Report] = field(default_factory=list)  # data/reports/<year>.yml, oldest first
    # The board's own prose from data/pages/<name>.md (home, about...): Markdown, by name
    pages: dict[str, str] = field(default_factory=dict)
    data_dir: Path = Path("data")
    # Things that stop a strict build, e.g. a planner item whose wording cannot be placed on
    # months: logged as build warnings, and `make check` fails on them first.
    warnings: list[Problem] = field(default_factory=list)
    # Worth telling an editor, never a reason to stop: a priority the young people's guide
    # leaves out, a plan named from its kind and period, a field under its old name.
    # `make check` lists them as warnings; the build logs them as information.
    advice: list[Problem] = field(default_factory=list)
    # The site's address (site_url), given when loaded: PDFs link to their pages.
    url: str = ""
    pdfs: bool = True  # make the PDFs (not while previewing with `mkdocs serve`)

    @property
    def current_plan(self) -> Plan:
        return next(p for p in self.plans if p.current)

    @cached_property
    def plans_in_order(self) -> list[Plan]:
        """The current plan first, then the others, most recent first (ties by id)."""
        return sorted(self.plans, key=lambda p: (not p.current, -p.as_at_date.toordinal(), p.id))

    @property
    def latest_report(self) -> Report | None:
        return self.reports[-1] if self.reports else None

    def report_plans(self, report: Report) -> list[Plan]:
        """The plans a report covers: those it names, or the current plan."""
        named = [self.plan_by_id[i] for i in report.plans if i in self.plan_by_id]
        return named or [self.current_plan]

    def report_before(self, report: Report) -> Report | None:
        earlier = [r for r in self.reports if r.end_date < report.end_date]
        return earlier[-1] if earlier else None

    @cached_property
    def glossary_terms(self) -> dict[str, str]:
        """Every term and its meaning, in alphabetical order: the national terms, the subgroups'
        acronyms (each means its subgroup's name), then the glossary, which has the last word."""
        acronyms = [
            (s.acronym, s.name) for s in self.subgroups if s.acronym and s.acronym != s.name
        ]
        terms: dict[str, str] = {}
        written: dict[str, str] = {}  # each entry's anchor (#term-lado) and the term that has it
        for term, meaning in [*self.national_glossary.items(), *acronyms, *self.glossary.items()]:
            # `Lado` in the board's glossary replaces the national `LADO`: one entry, one id
            terms.pop(written.get(slug(term), term), None)
            written[slug(term)] = term
            terms[term] = meaning
        return dict(sorted(terms.items(), key=lambda item: item[0].lower()))

    @cached_property
    def abbreviations(self) -> dict[str, str]:
        """The glossary terms that are abbreviations, expanded on every page."""
        return {t: m for t, m in self.glossary_terms.items() if is_abbreviation(t)}

    @cached_property
    def plan_by_id(self) -> dict[str, Plan]:
        return {p.id: p for p in self.plans}

    @cached_property
    def indicator_by_ref(self) -> dict[str, Indicator]:
        return {i.key: i for i in self.indicators}

    @cached_property
    def _subgroup_by_name(self) -> dict[str, Subgroup]:
        return {name.lower(): s for s in self.subgroups for name in s.names}

    def subgroup_for(self, text: str) -> Subgroup | None:
        """The subgroup a lead or owner names, or None for free text (a person, an agency)."""
        return self._subgroup_by_name.get(text.strip().lower())

    def find_action(
        self, reference: str, plan: Plan | None = None, near: Action | None = None
    ) -> Action | None:
        """The one action `reference` names (see find_actions), or None."""
        found = self.find_actions(reference, plan, near)
        return found[0] if len(found) == 1 else None

    def find_actions(
        self, reference: str, plan: Plan | None = None, near: Action | None = None
    ) -> list[Action]:
        """The actions "ref" could name (in `plan`, first under the same priority as `near`),
        or "plan-id:ref" (in any plan; the ref as pages show it, e.g. "2c")."""
        if ":" in reference:
            plan_id, ref = reference.split(":", 1)
            found = self.plan_by_id.get(plan_id.strip())
            return found.find_actions(ref) if found else []
        if plan is None:
            plan = self.current_plan
        return plan.find_actions(reference, near)

    @cached_property
    def disclosure(self) -> Disclosure:
        """What may be published of the indicator values: counts 1 to 5 never are."""
        return decide(self.indicators, self.values, self.thresholds.suppress_below)

    def actions_naming(self, ref: str) -> list[tuple[Plan, Action]]:
        """The actions, in plan order, that name indicator `ref` among their measures."""
        return self._actions_by_indicator.get(ref, [])

    @cached_property
    def _actions_by_indicator(self) -> dict[str, list[tuple[Plan, Action]]]:
        found: dict[str, list[tuple[Plan, Action]]] = {}
        for plan in self.plans:
            for action in plan.actions:
                for ref in dict.fromkeys(action.indicators):
                    found.setdefault(ref, []).append((plan, action))
        return found

    def values_for(self, ref: str) -> list[Value]:
        return self._values_by_indicator.get(ref, [])

    @cached_property
    def _values_by_indicator(self) -> dict[str, list[Value]]:
        grouped: dict[str, list[Value]] = {}
        for value in self.values:
            grouped.setdefault(value.indicator, []).append(value)
        return grouped
