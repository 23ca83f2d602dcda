"""Safe by default: the help line dials what it says, a logo cannot carry a script or pretend
to be another kind of file, and board settings that would publish a wrong address are errors."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import lxml.html
import phonenumbers
import pytest
from phonenumbers import shortnumberinfo

from plansite.load import load_board_data
from plansite.model.phones import DRAMA
from plansite.read.problems import DataError
from plansite.render.templates import environment
from tests.conftest import FIXTURES, run_build

MINIMAL = FIXTURES / "minimal"


@pytest.mark.parametrize(
    ("written", "html"),
    [
        ("+44 (0)1632 960200", '<a href="tel:+441632960200">+44 (0)1632 960200</a>'),
        (
            "0808 800 5000 (24 hours)",
            '<a href="tel:+448088005000">0808 800 5000</a> (24 hours)',
        ),
        (
            "01632 960999 or 01632 960998",
            '<a href="tel:+441632960999">01632 960999</a> or '
            '<a href="tel:+441632960998">01632 960998</a>',
        ),
        ("0113 496 0000 <b>", '<a href="tel:+441134960000">0113 496 0000</a> &lt;b&gt;'),
    ],
)
def test_each_number_is_its_own_link_and_words_stay_text(written: str, html: str) -> None:
    fragment = '{% from "shared/phone.html" import phone_links %}{{ phone_links(text) }}'
    assert environment().from_string(fragment).render(text=written) == html


def problems(folder: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_board_data(folder)
    return [p.message for p in caught.value.problems.items]


def set_in_board(folder: Path, old: str, new: str) -> None:
    board = folder / "board.yml"
    text = board.read_text(encoding="utf-8")
    assert old in text
    board.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_phone_with_no_number_that_dials_is_an_error(data_copy: Callable[[str], Path]) -> None:
    folder = data_copy("minimal")
    set_in_board(folder, 'phone: "01234 567890"', 'phone: "ring the office"')
    assert problems(folder) == [
        "phone `ring the office` holds no UK telephone number that can be dialled; write it as "
        'the number is dialled, e.g. "0808 800 5000" or "+44 20 7946 0123", with any opening '
        "hours after it"
    ]


def test_every_tel_link_on_the_site_is_a_uk_number(example_site: Path) -> None:
    dialled: set[str] = set()
    for page in example_site.rglob("*.html"):  # read by lxml: a twentieth of html.parser's time
        links = lxml.html.fromstring(page.read_bytes()).xpath('//a[starts-with(@href, "tel:")]')
        dialled.update(str(a.get("href"))[4:] for a in links)
    assert len(dialled) >= 4
    for number in dialled:
        if shortnumberinfo.is_emergency_number(number, "GB"):
            continue  # 999
        parsed = phonenumbers.parse(number)
        assert number == phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
        assert phonenumbers.is_valid_number(parsed) or DRAMA.fullmatch(number), number


SCRIPTED = b"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">
<rect width="10" height="10"/>
<script>alert(1)</script>
</svg>"""


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("crest.svg", SCRIPTED, "holds a <script> (line 3 of the file), which would run on the "
         "site; export the logo as a plain image"),
        ("crest.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><g onload="x()"/></svg>',
         "has an `onload` handler (line 1 of the file), which would run on the site; remove it"),
        ("crest.svg", b'<svg xmlns="http://www.w3.org/2000/svg" '
         b'xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="https://x.example/a.png"/>'
         b"</svg>",
         "refers to `https://x.example/a.png` (line 1 of the file); a logo must hold everything "
         "it shows"),
        ("crest.png", b"<html><script>alert(1)</script></html>",
         "is not a PNG image (its bytes say otherwise); export the logo as one"),
    ],
)  # fmt: skip
def test_a_logo_that_could_run_or_is_not_what_it_says_is_refused(
    data_copy: Callable[[str], Path], tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    folder = data_copy("minimal")
    (folder / name).write_bytes(content)
    set_in_board(folder, "short_name: TSCP\n", f"short_name: TSCP\nlogo: {name}\n")
    assert problems(folder) == [f"logo `{name}` {message}"]


def test_a_logo_linked_from_outside_the_data_folder_is_refused(
    data_copy: Callable[[str], Path], tmp_path: Path
) -> None:
    folder = data_copy("minimal")
    outside = tmp_path / "elsewhere.svg"
    outside.write_bytes(b'<svg xmlns="http://www.w3.org/2000/svg"/>')
    (folder / "crest.svg").symlink_to(outside)
    set_in_board(folder, "short_name: TSCP\n", "short_name: TSCP\nlogo: crest.svg\n")
    assert problems(folder) == [
        "is a link to a file outside the data folder, which would be published; copy the file "
        "into the data folder instead of linking to it"
    ]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("short_name: TSCP\n", "short_name: TSCP\nsite_url: https://plans.example.org/?utm=1\n",
         "site_url `https://plans.example.org/?utm=1` must be a web address starting https://, "
         "with no `?` or `#` part, e.g. https://plans.example.org/"),
        ("short_name: TSCP\n", "short_name: TSCP\nsite_url: https://plans.example.org:99999/\n",
         "site_url `https://plans.example.org:99999/` has port 99999, which no address can "
         "have; leave the port out"),
        ("email: board@testshire.example.org", "email: the board office",
         "email `the board office` is not an email address; write one address, e.g. "
         "board@example.org"),
    ],
)  # fmt: skip
def test_board_settings_that_would_publish_a_wrong_address_are_errors(
    data_copy: Callable[[str], Path], old: str, new: str, message: str
) -> None:
    folder = data_copy("minimal")
    set_in_board(folder, old, new)
    assert problems(folder) == [message]


def test_a_kept_file_cut_short_is_made_again_never_published(tmp_path: Path) -> None:
    cache, first, second = tmp_path / "cache", tmp_path / "one", tmp_path / "two"
    assert run_build(MINIMAL, first, PLANSITE_CACHE=str(cache)).returncode == 0
    pdfs = sorted((cache / "pdf").glob("*.pdf"))
    assert pdfs
    for pdf in pdfs:  # as a disk that filled up, or a copy stopped half way, would leave it
        pdf.write_bytes(pdf.read_bytes()[:100])
    result = run_build(MINIMAL, second, PLANSITE_CACHE=str(cache))
    assert result.returncode == 0, result.stderr
    made = sorted(p.relative_to(first) for p in first.rglob("*.pdf"))
    assert made and made == sorted(p.relative_to(second) for p in second.rglob("*.pdf"))
    for path in made:
        assert (second / path).read_bytes() == (first / path).read_bytes()


def test_a_cache_folder_that_cannot_be_made_is_said_once(tmp_path: Path) -> None:
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the cache folder would be", encoding="utf-8")
    result = run_build(MINIMAL, tmp_path / "site", PLANSITE_CACHE=str(blocked))
    assert result.returncode == 0, result.stderr
    assert result.stderr.count(f"the cache folder {blocked} cannot be used") == 1
    assert "Traceback" not in result.stderr


def test_glossary_terms_that_differ_only_by_case_are_an_error(
    data_copy: Callable[[str], Path],
) -> None:
    folder = data_copy("minimal")
    (folder / "glossary.yml").write_text(
        "terms:\n  LADO: Local Authority Designated Officer\n  lado: the same, typed again\n",
        encoding="utf-8",
    )
    assert problems(folder) == [
        "`lado` and `LADO` are the same term but for case or punctuation; keep one of them"
    ]
