"""Fills picked from a theme's colour row are read with the workbook's own theme, as Excel and
LibreOffice show them: LibreOffice saves its own theme, whose slots are not Office's."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from plansite.office.theme import OFFICE_THEME, theme_colours
from tests.office_docs import excel_office_theme, libreoffice_resave
from tests.test_import import actions, read

THEME_PART = "xl/theme/theme1.xml"


def _workbook(path: Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import PatternFill
    from openpyxl.styles.colors import Color

    book = Workbook()
    book.loaded_theme = excel_office_theme()  # as Excel saves it
    sheet = book.active
    sheet.append(["Ref", "Action", "RAG"])
    fills = [Color(theme=9), Color(theme=5, tint=0.4), Color(indexed=10)]
    for ref, colour in enumerate(fills, start=1):
        sheet.append([str(ref), f"Action {ref}", None])
        sheet.cell(ref + 1, 3).fill = PatternFill("solid", fgColor=colour)
    book.save(path)
    return path


def _with_accents(path: Path, out: Path, accent2: str, accent6: str) -> Path:
    """The same workbook with a theme whose accent 2 and accent 6 are other colours."""
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == THEME_PART:
                text = data.decode()
                text = text.replace('"ED7D31"', f'"{accent2}"').replace('"70AD47"', f'"{accent6}"')
                assert accent6 in text and accent2 in text  # the theme really was changed
                data = text.encode()
            target.writestr(item, data)
    return out


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("theme")


def test_the_workbook_theme_decides_what_a_theme_fill_looks_like(folder: Path) -> None:
    plain = _workbook(folder / "plain.xlsx")
    assert [a["status"] for a in actions(read(plain))] == ["green", "amber", "red"]
    # openpyxl's own theme is Office 2007's, whose accent 6 is orange: Excel shows it so
    book = load_workbook(plain)
    book.loaded_theme = None
    book.save(folder / "office2007.xlsx")
    assert next(a["status"] for a in actions(read(folder / "office2007.xlsx"))) == "amber"
    # accent 6 is red and accent 2 green in this workbook's own theme: Excel shows them so
    swapped = _with_accents(plain, folder / "swapped.xlsx", accent2="00B050", accent6="C00000")
    assert [a["status"] for a in actions(read(swapped))] == ["red", "green", "red"]


def test_a_workbook_libreoffice_saved_reads_as_the_original(folder: Path) -> None:
    original = _workbook(folder / "lo.xlsx")
    resaved = libreoffice_resave(original)
    assert [a["status"] for a in actions(read(resaved))] == ["green", "amber", "red"]


def test_a_missing_or_damaged_theme_falls_back_to_office_default() -> None:
    assert theme_colours(None) == OFFICE_THEME
    assert theme_colours(b"<not xml") == OFFICE_THEME
    assert theme_colours(b"<theme/>") == OFFICE_THEME


# the RAG accents of Office's 2013 and 2023 themes, as Excel's colour menu offers them: the
# accent itself, lighter 80%, 60% and 40%, and darker 25% and 50%
ACCENTS = {"70ad47": "green", "4ea72e": "green", "196b24": "green", "ed7d31": "amber",
           "e97132": "amber", "ffc000": "amber", "4472c4": "blue", "156082": "blue",
           "0f9ed5": "blue", "a5a5a5": "grey"}  # fmt: skip
TINTS = (0, 0.8, 0.6, 0.4, -0.25, -0.5)


@pytest.mark.parametrize(("accent", "family"), ACCENTS.items())
def test_a_theme_accent_keeps_its_family_however_pale_or_dark(accent: str, family: str) -> None:
    from plansite.office.statuses import nearest_family
    from plansite.office.xlsx import _tinted

    assert {t: nearest_family(f"#{_tinted(accent, t)}") for t in TINTS} == dict.fromkeys(
        TINTS, family
    )
