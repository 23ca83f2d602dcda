"""Telephone numbers as boards write them ("+44 (0)1632 960200", "0808 800 5000 (24 hours)",
"01632 960999 or 01632 960998"): each number found in the words, with the international form a
`tel:` link dials. The finding is the `phonenumbers` library's (Google's libphonenumber)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers

REGION = "GB"
# Ofcom's numbers for drama (examples and tests use them): never in service, so the library
# does not call them valid, but they are dialled as any other number would be.
DRAMA = re.compile(
    r"\+44(?:1632960|11[3-8]4960|1[2-6]14960|2079460|2896496|2920180|7700900|8081570|9098790|"
    r"3069990)\d{3}"
)


@dataclass(frozen=True)
class Number:
    start: int  # where it is written in the words
    end: int
    dial: str  # E.164, e.g. +441632960200


def numbers_in(text: str) -> list[Number]:
    """Each UK number written in `text`, in order; the words between (hours, "or") are not."""
    found = []
    for match in phonenumbers.PhoneNumberMatcher(
        text, REGION, leniency=phonenumbers.Leniency.POSSIBLE
    ):
        dial = phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
        if phonenumbers.is_valid_number(match.number) or DRAMA.fullmatch(dial):
            found.append(Number(match.start, match.end, dial))
    return found


def check_phone(value: str) -> str:
    """A phone field must hold at least one number that can be dialled."""
    if value and not numbers_in(value):
        raise ValueError(
            f"phone `{value}` holds no UK telephone number that can be dialled; write it as the "
            'number is dialled, e.g. "0808 800 5000" or "+44 20 7946 0123", with any opening '
            "hours after it"
        )
    return value
