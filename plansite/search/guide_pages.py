"""Search entries of the young people's guide (plansite/search/entries.py says why and
how): the same places and titles as the search plugin cut from the guide's HTML, with the words
they show: the goals and steps in young people's words, and "Get help now" on every page, so
that "Childline" or "999" finds it. Links to other pages ("Back to the guide", "Are you a
grown-up? Read the full plan") are left out: they name a page, they are not its content.
"""

from __future__ import annotations

from collections.abc import Iterable

from plansite.model.board_data import BoardData
from plansite.model.plan import Action, Plan, Priority
from plansite.model.sections import guide_priorities
from plansite.render.guide import (
    DONE,
    goal_heading,
    progress,
    progress_counts,
    statements,
    steps,
)
from plansite.render.text import plain
from plansite.search.entries import Entry, IndexedPage, entry, inline, md, said
from plansite.words.wording import t


def _section(url: str, anchor: str, title_key: str, words: Iterable[str]) -> Entry:
    return entry(f"{url}#{anchor}", said(t(title_key)), words)


def _help(site: BoardData, url: str, private: bool) -> Entry:
    """The "Get help now" box of every guide page (fragments/guide/help.html)."""
    board = site.board
    words = [t("guide_help.in_danger_right_now"), t("guide_help.call"), "999."]
    words += [t("guide_help.want_to_talk"), t("guide_help.call_childline_free_on"), "0800 1111"]
    words += [t("guide_help.you_can_also_chat_at"), t("guide_help.childline_org_uk")]
    words += [t("guide_help.want_to_contact_us"), board.name, board.contact.phone]
    words += [board.contact.email]
    if private:
        words += [t("guide_help.worried_someone_will_see"), t("guide_help.keep_your_visit_private")]
    return _section(url, "get-help-now", "guide_help.get_help_now", map(said, words))


def _about(site: BoardData, key: str) -> str:
    about = site.board.young_people.about
    return md(about) if about else said(t(key, name=site.board.name))


def _counts(plan: Plan, actions: list[Action]) -> str:
    """As the macro progress_counts: "We have 16 jobs to do for this goal. Of these, ..."."""
    total = t("counted.jobs", count=len(actions))
    parts = [
        t("guide_progress.count_is", count=count, progress=step.word)
        for step, count in progress_counts(plan, actions)
        if count
    ]
    words = [
        said(t("guide_progress.we_have_to_do_for", jobs=total)),
        said(t("guide_progress.of_these")),
    ]
    if len(parts) > 1:
        comma = str(t("guide_progress.comma"))
        parts = [t("guide_progress.and", first=comma.join(parts[:-1]), last=parts[-1])]
    return " ".join(words[:1] + ([words[1], said(parts[0]) + "."] if parts else []))


def _steps(plan: Plan, priority: Priority, *, done: bool | None) -> list[str]:
    return [
        f"{step.progress.word} {inline(step.text)}"
        for step in steps(plan, priority)
        if done is None or (step.progress is DONE) == done
    ]


def _opening(
    site: BoardData, page: IndexedPage, url: str, words: str, *, private: bool
) -> list[Entry]:
    """What the guide's home page and its leaflet both open with, in their own words (`words`:
    "guide_home" or "guide_leaflet"): who the guide is for, where to get help, who we are."""
    ages = site.board.young_people.age_range
    return [
        entry(
            url, plain(page.title), [said(t(f"{words}.this_guide_is_for_children", age_range=ages))]
        ),
        _help(site, url, private=private),
        _section(
            url, "who-we-are", f"{words}.who_we_are", [_about(site, f"{words}.we_are_the_we_are")]
        ),
    ]


def home(site: BoardData, page: IndexedPage, url: str) -> list[Entry]:
    plan = site.current_plan
    goals = guide_priorities(plan)
    words = [
        said(t("guide_home.our_plan_has_pick_one", goals=t("counted.goals", count=len(goals))))
    ]
    for priority in goals:
        words.append(said(t("guide_home.goal", ref=priority.ref, title=goal_heading(priority))))
        words.append(inline(priority.young_people))
    told = [t("guide_home.you_helped_us_make_this"), t("guide_home.see_what_you_told_us")]
    told += [t("guide_home.see_the_whole_guide_on"), t("guide_home.you_can_print_it")]
    return [
        *_opening(site, page, url, "guide_home", private=True),
        _section(url, "our-goals", "guide_home.what_we_are_working_on", words),
        _section(url, "you-told-us", "guide_home.what_you_told_us", map(said, told)),
    ]


def goal(site: BoardData, page: IndexedPage, url: str) -> list[Entry]:
    plan = site.current_plan
    priority = next(p for p in plan.priorities if p.slug == page.args[0])
    change = md(priority.young_people) or said(t("guide_priority.we_want_to_make_things"))
    coming = _steps(plan, priority, done=False)
    if not coming:
        still = sum(1 for a in priority.all_actions if progress(plan, a) is not DONE)
        key = "we_are_still_working_on" if still else "we_will_keep_checking_that"
        coming = [said(t(f"guide_priority.{key}", count=still))]
    return [
        entry(url, plain(page.title), []),
        _help(site, url, private=True),
        _section(url, "what-we-want-to-change", "guide_priority.what_we_want_to_change", [change]),
        _section(
            url,
            "what-we-did",
            "guide_priority.what_we_did_this_year",
            [_counts(plan, priority.all_actions), *_steps(plan, priority, done=True)],
        ),
        _section(url, "whats-next", "guide_priority.what_s_next", coming),
    ]


def voices(site: BoardData, page: IndexedPage, url: str) -> list[Entry]:
    shaped = site.board.young_people.shaped_by
    helped = md(shaped) if shaped else said(t("guide_voices.we_want_to_hear_from"))
    result = [
        entry(url, plain(page.title), []),
        _help(site, url, private=True),
        _section(url, "how-you-helped", "guide_voices.how_you_helped_make_our", [helped]),
    ]
    if said_by_children := statements(site):
        words = [said(t("guide_voices.you_told_us_what_matters")), *map(inline, said_by_children)]
        result.append(
            _section(url, "what-you-want-to-say", "guide_voices.what_you_want_to_be", words)
        )
    return result


def private(site: BoardData, page: IndexedPage, url: str) -> list[Entry]:
    leave = ["worried_someone_will_see_you", "press_the_red", "exit_this_page"]
    leave += ["button_at_the_top", "or_press_the", "shift", "key_three_times"]
    leave += ["a_weather_page_will_open"]
    hide = ["your_phone_or_computer_keeps", "use_a_private_window", "your_web_browser_can_open"]
    hide += ["clear_your_history", "look_for_history_in_the", "use_a_safe_phone_or"]
    hide += ["you_could_use_one_at"]
    return [
        entry(url, plain(page.title), []),
        _section(
            url,
            "leave-fast",
            "guide_private.leave_this_site_fast",
            [said(t(f"guide_private.{k}")) for k in leave],
        ),
        _section(
            url,
            "hide-your-visit",
            "guide_private.hide_your_visit",
            [said(t(f"guide_private.{k}")) for k in hide],
        ),
        _help(site, url, private=False),
    ]


def leaflet(site: BoardData, page: IndexedPage, url: str) -> list[Entry]:
    plan = site.current_plan
    result = _opening(site, page, url, "guide_leaflet", private=False)
    for priority in guide_priorities(plan):
        title = said(t("guide_leaflet.goal", ref=priority.ref, title=goal_heading(priority)))
        words = [md(priority.young_people), _counts(plan, priority.all_actions)]
        words += _steps(plan, priority, done=None)
        result.append(entry(f"{url}#goal-{priority.slug}", title, words))
    told = [md(site.board.young_people.shaped_by)]
    if said_by_children := statements(site):
        told += [said(t("guide_leaflet.we_want_every_child_to")), *map(inline, said_by_children)]
    result.append(_section(url, "you-told-us", "guide_leaflet.what_you_told_us", told))
    return result
