"""Search entries of the annual reports (plansite/search/entries.py says why and how): the
reports index, and each yearly report, section by section as its page shows them, with the
board's chapters and the words and figures of its tables (the same tables, made once by
plansite/render/yearly_report.py, after disclosure control).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from plansite.model.board_data import BoardData
from plansite.model.yearly_report import Report, Section
from plansite.render import yearly_report as made
from plansite.render.annual_tables import setting_groups
from plansite.render.indicator_groups import largest_findings
from plansite.render.text import plain
from plansite.search.entries import Entry, IndexedPage, entry, inline, md, said, table_words
from plansite.words.wording import month_year, t


def reports_index(site: BoardData, page: IndexedPage, url: str) -> list[Entry]:
    reports = list(reversed(site.reports))
    if not reports:
        return [entry(url, plain(page.title), [])]
    area = site.board.area or "our area"
    top = entry(
        url,
        plain(page.title),
        [said(t("report_index.every_year_the_safeguarding_partners", area=area))],
    )
    latest = reports[0]
    words = [latest.heading, _dates(latest, "report_index.to_published")]
    result = [top, entry(f"{url}#latest", said(t("report_index.the_latest_report")), words)]
    if len(reports) > 1:
        earlier = [r.heading + _published(r) for r in reports[1:]]
        result.append(entry(f"{url}#earlier", said(t("report_index.earlier_reports")), earlier))
    return result


def yearly_report(site: BoardData, page: IndexedPage, url: str) -> list[Entry]:
    report = next(r for r in site.reports if r.year == page.args[0])
    s = report.sections
    title = plain(page.title)
    result = [entry(url, title, [_dates(report, "report_yearly.reporting_year_to_published")])]

    def add(anchor: str, key: str, words: Iterable[str], title: str = "") -> None:
        result.append(entry(f"{url}#{anchor}", title or said(t(f"report_yearly.{key}")), words))

    def chapter(section: Section | None) -> str:
        return md(report.chapter(section))

    if s.foreword:
        add(
            "foreword",
            "foreword_from_the_safeguarding_partners",
            [chapter(s.foreword), *s.foreword.by],
        )
    if s.scrutineer_view:
        add(
            "scrutineer",
            "the_independent_scrutineer_s_view",
            [chapter(s.scrutineer_view), *s.scrutineer_view.by],
        )
    if s.effectiveness:
        _effectiveness(site, report, url, add, chapter(s.effectiveness))
    if s.little_progress:
        stuck = made.stuck(made.plan_years(site, report, url), url)
        words = [chapter(s.little_progress)]
        for plan, rows in stuck:
            caption = t(
                "report_yearly.actions_off_target_or_not",
                end_date=made.long_date(report.end_date),
                plan=plan.title,
            )
            words.append(said(caption))
            for item in rows:
                row = item.row
                words += [
                    f"{row.action.ref} {inline(row.action.title)}".strip(),
                    _label(row.status),
                    _label(row.now),
                    inline(item.why),
                ]
        if not stuck:
            words.append(said(t("report_yearly.no_action_was_off_target")))
        add("little-progress", "where_there_was_little_or", words)
    if s.reviews:
        add("reviews", "child_safeguarding_practice_reviews", [chapter(s.reviews)])
        for number, view in enumerate(made.reviews(site, report, url), start=1):
            review = view.review
            words = (
                [said(t("report_yearly.themes", themes="; ".join(review.themes)))]
                if review.themes
                else []
            )
            if review.published:
                words.append(said(t("report_yearly.the_full_review_is_published")))
            words.append(md(review.learning))
            for text, actions in view.recommendations:
                words.append(inline(text))
                for action in actions:
                    words += [
                        f"{action.ref} {action.title}".strip(),
                        _label(action.status),
                        _label(action.now),
                    ]
            title = f"{review.name}: {view.kind}, {month_year(review.day)}"
            add(f"review-{number}", "", words, title=title)
    if s.training:
        table, evaluation, sentence = made.training(site, report)
        add(
            "training",
            "training_and_its_evaluation",
            [sentence, chapter(s.training), *table_words(table, evaluation)],
        )
    if s.voices:
        words = [chapter(s.voices)]
        for said_did in s.voices.you_said_we_did:
            words += [inline(said_did.you_said), inline(said_did.we_did)]
        add("voices", "what_children_and_families_told", words)
    if s.data_use:
        table = made.indicator_table(site, s.data_use.indicators, report.year)
        add("data", "how_we_used_data", [chapter(s.data_use), *table_words(table)])
    if groups := setting_groups(site):  # as the report lists them (its own heading)
        words = [said(t("report_settings.relevant_agencies"))]
        for heading, names in groups:
            words += [heading, *names]
        title = said(t("report_settings.education_and_childcare_settings"))
        add("education-and-childcare", "", words, title)
    if s.funding:
        tables, sentence = made.funding(site, report)
        add("funding", "funding", [sentence, chapter(s.funding), *table_words(*tables)])
    if s.scrutiny:
        add("scrutiny", "independent_scrutiny", [chapter(s.scrutiny)])
    following = made.next_plan(site, report)
    if s.next_year and following:
        words = [chapter(s.next_year), said(t("report_yearly.from_the")), following.title]
        for priority in following.priorities:
            led = said(t("report_yearly.led_by", owner=priority.owner)) if priority.owner else ""
            words.append(f"{plain(priority.title)} {led}")
        add("next-year", "our_priorities_for_next_year", words)
    return result


def _effectiveness(
    site: BoardData, report: Report, url: str, add: Callable[..., None], prose: str
) -> None:
    """What we did: the chapter, each plan's year, then the evidence of impact by priority."""
    years = made.plan_years(site, report, url)
    end = made.long_date(report.end_date)
    add("effectiveness", "what_we_did_and_how", [prose])
    for number, item in enumerate(years):
        words = [item.sentence, said(t("report_yearly.actions_in_each_status_at", end_date=end))]
        for row in item.at_end.priorities:
            words.append(row.priority.numbered(plain(row.priority.title)))
        words.append(item.since)
        if number == len(years) - 1 and (last := made.last_year_sentence(site, report)):
            words.append(last)
        title = f"{said(t('report_yearly.progress_on_the'))} {item.plan.title}"
        add(f"plan-{item.plan.id}", "", words, title=title)
    first = years[0]
    add("impact", "evidence_of_impact_priority_by", [])
    wanted = made.priority_indicators(first.plan)
    tables = {ref: made.indicator_table(site, refs, report.year) for ref, refs in wanted.items()}
    for row in first.at_end.priorities:
        priority = row.priority
        done = said(
            t(
                "report_yearly.of_actions_complete_at_the",
                done=row.summary.done,
                total=row.summary.total,
            )
        )
        words = [done]
        if priority.evidence:
            words.append(
                said(t("report_yearly.evidence_of_success_for_priority", ref=priority.ref))
            )
            for evidence in priority.evidence:
                status = first.plan.vocabulary.find(evidence.status) if evidence.status else None
                words += [inline(evidence.text), _label(status)]
        words += table_words(tables.get(priority.slug))
        words += largest_findings(site, set(wanted.get(priority.slug, [])))
        add(
            f"impact-{priority.slug}",
            "",
            words,
            title=priority.numbered(plain(priority.title)),
        )


def _published(report: Report) -> str:
    """ ", published 26 September 2025": the words before the PDF link, without its bracket."""
    day = made.long_date(report.published_date)
    return said(t("report_index.published", published_date=day)).rstrip(" (")


def _dates(report: Report, key: str) -> str:
    return said(
        t(
            key,
            start_date=made.long_date(report.start_date),
            end_date=made.long_date(report.end_date),
            published_date=made.long_date(report.published_date),
        )
    )


def _label(status: object) -> str:
    return str(getattr(status, "label", "") or "")
