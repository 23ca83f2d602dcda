"""Plan page type: the plans index (and archive), and for every plan its home page, one page per
priority, "All actions", "Needs attention" and "What changed" (and a page per earlier quarter
when that is published a quarter a page: plansite/model/changes_size.py)."""

from __future__ import annotations

from plansite.documents import pdf as documents
from plansite.model import links
from plansite.model.board_data import BoardData
from plansite.model.changes_size import quarter_pages
from plansite.model.plan import Plan
from plansite.model.print_size import PrintedPart, printed_parts, priority_parts
from plansite.pages import GeneratedPage, PageGroup, PageType
from plansite.render import plans as render
from plansite.render.all_actions import all_actions_page
from plansite.render.attention import attention_page
from plansite.render.changes import changes_page, quarter_page
from plansite.render.last_updated import plan_line
from plansite.words.wording import month_year, word


def pages(site: BoardData) -> list[GeneratedPage]:
    index = links.plans_index()
    every = (links.site_feed(), word("feeds", "every_plan"))
    result = [
        GeneratedPage(index, word("titles", "plans"), PLANS_INDEX, nav_section=index, feed=every)
    ]
    for plan in site.plans_in_order:
        earlier = render.is_earlier(site, plan)
        group = word("titles", "earlier_plan", plan=plan.title) if earlier else plan.title
        result.extend(_plan_pages(plan, index, group))
    return result


def _plan_pages(plan: Plan, index: str, group: str) -> list[GeneratedPage]:
    feed = (links.plan_feed(plan.id), word("feeds", "plan", plan=plan.title))
    result = [
        GeneratedPage(
            links.plan_home(plan.id), plan.title, PLAN_HOME, (plan.id,), index, group, feed=feed
        )
    ]
    for priority in plan.priorities:
        result.append(
            GeneratedPage(
                links.priority(plan.id, priority.slug),
                word("titles", "priority", ref=priority.ref, title=priority.title),
                PRIORITY,
                (plan.id, priority.slug),
                index,
                group,
                feed=feed,
            )
        )
    # Pages every plan has besides its priorities: (file name, title's key in titles:, type)
    for name, title, page_type in [
        ("all-actions", "all_actions", ALL_ACTIONS),
        ("needs-attention", "needs_attention", ATTENTION),
        ("what-changed", "what_changed", CHANGES),
    ]:
        path = links.plan_page(plan.id, name)
        result.append(
            GeneratedPage(
                path, word("titles", title), page_type, (plan.id,), index, group, feed=feed
            )
        )
    # in the menu after What changed, newest first, as the plan's other pages are listed
    for quarter in quarter_pages(plan):
        when = word(
            "plans_changes", "to", start=month_year(quarter.start), end=month_year(quarter.end)
        )
        result.append(
            GeneratedPage(
                quarter.path,
                word("titles", "what_changed_quarter", quarter=when),
                CHANGES_QUARTER,
                (plan.id, quarter.anchor),
                index,
                group,
                feed=feed,
            )
        )
    return result


def _plans_index(site: BoardData, here: str) -> str:
    return render.plans_index(site, here)


def _plan_home(site: BoardData, here: str, plan_id: str) -> str:
    plan = site.plan_by_id[plan_id]
    path = documents.plan_path(plan)
    pdf = (links.href(here, path), documents.size_note(site, path))
    return render.plan_home(site, plan, here, pdf) + plan_line(plan)


def _priority(site: BoardData, here: str, plan_id: str, ref: str) -> str:
    plan = site.plan_by_id[plan_id]
    priority = next(p for p in plan.priorities if p.slug == ref)
    pdfs = [
        _pdf_link(site, here, part.path, _part_label(part))
        for part in priority_parts(plan, priority)
    ]
    return render.priority_page(site, plan, priority, here, pdfs=pdfs) + plan_line(plan)


def printed_pdfs(site: BoardData, here: str) -> list[tuple[Plan, list[render.PdfLink]]]:
    """Each long plan's PDFs as the Downloads page lists them: its progress at a glance, then
    one per priority or part (plansite/model/print_size.py)."""
    result = []
    for plan in site.plans_in_order:
        parts = printed_parts(plan)
        if parts:
            glance = word("report_downloads", "glance_pdf")
            pdfs = [_pdf_link(site, here, documents.plan_path(plan), glance)]
            for part in parts:
                title = word("report_downloads", "priority_pdf", title=render.part_title(part))
                pdfs.append(_pdf_link(site, here, part.path, title))
            result.append((plan, pdfs))
    return result


def _part_label(part: PrintedPart) -> str:
    """A part's link on its priority's page ("part 1, actions 3.1 to 3.250"); a priority printed
    whole is linked in the page's own words."""
    if not part.number:
        return ""
    first, last = part.first, part.last
    return word("plans_priority", "pdf_part", part=str(part.number), first=first, last=last)


def _pdf_link(site: BoardData, here: str, path: str, label: str) -> render.PdfLink:
    return render.PdfLink(label, links.href(here, path), documents.size_note(site, path))


def _all_actions(site: BoardData, here: str, plan_id: str) -> str:
    plan = site.plan_by_id[plan_id]
    return all_actions_page(site, plan, here) + plan_line(plan)


def _attention(site: BoardData, here: str, plan_id: str) -> str:
    plan = site.plan_by_id[plan_id]
    return attention_page(site, plan, here) + plan_line(plan)


def _changes(site: BoardData, here: str, plan_id: str) -> str:
    plan = site.plan_by_id[plan_id]
    return changes_page(site, plan, here) + plan_line(plan)


def _changes_quarter(site: BoardData, here: str, plan_id: str, quarter: str) -> str:
    plan = site.plan_by_id[plan_id]
    return quarter_page(site, plan, here, quarter) + plan_line(plan)


PLANS_INDEX = PageType("plans_index", _plans_index)
PLAN_HOME = PageType("plan_home", _plan_home)
PRIORITY = PageType("priority", _priority, search_at="ps-action-title")
ALL_ACTIONS = PageType("plan_all_actions", _all_actions)
ATTENTION = PageType("plan_attention", _attention)
CHANGES = PageType("plan_changes", _changes)
CHANGES_QUARTER = PageType("plan_changes_quarter", _changes_quarter)
GROUP = PageGroup(
    (PLANS_INDEX, PLAN_HOME, PRIORITY, ALL_ACTIONS, ATTENTION, CHANGES, CHANGES_QUARTER), pages
)
