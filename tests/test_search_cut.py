"""How a generated page's HTML is cut into search entries (plansite/search/entries.py): the rules
of Material's search plugin, on small pages, and where they differ on purpose."""

from __future__ import annotations

from plansite.pages import GeneratedPage, PageType
from plansite.search.entries import page_entries

URL = "plans/p/"


def cut(content: str, split_at: str = "") -> list[tuple[str, str, str]]:
    return [
        (e["location"], e["title"], e["text"])
        for e in page_entries(content, URL, "The page", split_at=split_at)
    ]


def test_a_page_is_cut_at_its_headings_with_an_id() -> None:
    content = (
        "<h1>The page</h1><p>Before the first heading.</p>"
        '<h2 id="one">One</h2><p>First.</p><h3>No id</h3><p>Still one.</p>'
        '<h2 id="two">Two &amp; more</h2><ul><li>a</li><li>b</li></ul>'
    )
    assert cut(content) == [
        (URL, "The page", "Before the first heading."),  # the <h1> is the title, not the text
        (f"{URL}#one", "One", "First. No id Still one."),
        (f"{URL}#two", "Two &amp; more", "a b"),
    ]


def test_a_page_with_no_words_before_its_first_heading_still_has_its_entry() -> None:
    assert cut('<h2 id="one">One</h2>')[0] == (URL, "The page", "")
    assert cut("") == [(URL, "The page", "")]


def test_blocks_are_apart_and_inline_elements_run_on() -> None:
    content = (
        "<dl><dt>Status</dt><dd>Complete</dd></dl><table><tr><th>Lead</th>"
        '<td><a href="x"><abbr title="Child sexual exploitation">CSE</abbr> Group</a><br>PMQA'
        "</td></tr></table><p>Over<strong>due</strong> &lt;soon&gt;</p>"
    )
    # no attribute's words: the abbreviation's title is not shown
    assert cut(content)[0][2] == "Status Complete Lead CSE Group PMQA Overdue &lt;soon&gt;"


def test_what_the_page_keeps_out_of_search_is_left_out() -> None:
    content = (
        "<p>Shown</p><table data-search-exclude><tr><td>listed elsewhere</td></tr></table>"
        "<form hidden><p>a filter</p></form><script>var x;</script><style>p{}</style>"
        '<p class="ps-last-updated">Last updated 1 May 2026</p><p>tail</p>'
    )
    assert cut(content)[0][2] == "Shown tail"


def test_a_section_ends_where_the_element_holding_its_heading_ends() -> None:
    """As the search plugin: the words after an aside with a heading belong to the section the
    aside is in."""
    content = (
        '<h2 id="one">One</h2><p>a</p><aside><h2 id="help">Help</h2><p>Call</p></aside><p>b</p>'
    )
    assert cut(content) == [
        (URL, "The page", ""),
        (f"{URL}#one", "One", "a b"),
        (f"{URL}#help", "Help", "Call"),
    ]


def test_a_heading_in_a_table_heads_the_rows_down_to_the_next_heading() -> None:
    """An action's row and the row of its details are one section; the table's end ends it."""
    row = (
        '<tr><td><h4 id="action-{0}" class="ps-action-title">'
        '<strong class="ps-new">New</strong> {0} Title</h4></td><td>Lead {0}</td></tr>'
        "<tr><td>Update {0}</td></tr>"
    )
    issue = '<tr><td><h3 id="issue-{0}">{0}.{0}. An issue</h3></td></tr>'
    rows = issue.format(1) + row.format("1a") + issue.format(2) + row.format("2a")
    content = f'<h2 id="actions">Actions</h2><table>{rows}</table><p>After</p>'
    assert cut(content) == [
        (URL, "The page", ""),
        (f"{URL}#actions", "Actions", "After"),
        (f"{URL}#issue-1", "1.1. An issue", ""),
        (f"{URL}#action-1a", "1a Title", "Lead 1a Update 1a"),  # no "New" marker in the title
        (f"{URL}#issue-2", "2.2. An issue", ""),
        (f"{URL}#action-2a", "2a Title", "Lead 2a Update 2a"),
    ]
    # cut at the actions only: every other heading's words are the page's
    assert cut(content, split_at="ps-action-title") == [
        (URL, "The page", "Actions 1.1. An issue 2.2. An issue After"),
        (f"{URL}#action-1a", "1a Title", "Lead 1a Update 1a"),
        (f"{URL}#action-2a", "2a Title", "Lead 2a Update 2a"),
    ]


def test_the_page_title_is_escaped_once_as_the_menu_has_it() -> None:
    page = GeneratedPage("x.md", "Help & <em>support</em>", PageType("x", lambda *_: ""))
    assert page.search_entries("<p>a</p>", "x/")[0]["title"] == "Help &amp; support"
    assert page.nav_title == "Help &amp; support"


def test_words_after_a_stray_end_tag_are_still_read() -> None:
    assert cut("<p>a</p></div><p>b</p>")[0][2] == "a b"
