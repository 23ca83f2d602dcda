"""Plan page type: the plans index, one home page per plan and one page per priority."""

from __future__ import annotations

from macros.model.site import Site
from macros.pages import GeneratedPage, Renderer
from macros.render import links
from macros.render import plans as render


def pages(site: Site) -> list[GeneratedPage]:
    index = links.plans_index()
    result = [GeneratedPage(index, "Plans", "plans_index", nav_section=index)]
    ordered = sorted(site.plans, key=lambda p: (not p.current, p.id))
    for plan in ordered:
        result.append(
            GeneratedPage(
                links.plan_home(plan.id), plan.title, "plan_home", (plan.id,), index, plan.title
            )
        )
        for priority in plan.priorities:
            result.append(
                GeneratedPage(
                    links.priority(plan.id, priority.slug),
                    f"{priority.ref}. {priority.title}",
                    "priority",
                    (plan.id, priority.ref),
                    index,
                    plan.title,
                )
            )
    return result


def _plans_index(site: Site, here: str) -> str:
    return render.plans_index(site, here)


def _plan_home(site: Site, here: str, plan_id: str) -> str:
    return render.plan_home(site, site.plan_by_id[plan_id], here)


def _priority(site: Site, here: str, plan_id: str, ref: str) -> str:
    plan = site.plan_by_id[plan_id]
    priority = next(p for p in plan.priorities if p.ref == ref)
    return render.priority_page(site, plan, priority, here)


RENDERERS: dict[str, Renderer] = {
    "plans_index": _plans_index,
    "plan_home": _plan_home,
    "priority": _priority,
}
