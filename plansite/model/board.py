"""The board itself, its subgroups and its members."""

from __future__ import annotations

import re

from pydantic import Field, field_validator

from plansite.model.accessibility import AccessibilityFacts
from plansite.model.base import Model, as_list
from plansite.model.dates import month_number
from plansite.model.phones import check_phone

EMAIL = re.compile(r"[^@\s<>\"'(),;:]+@[a-zA-Z0-9\-]+(\.[a-zA-Z0-9\-]+)+")


def check_email(value: str) -> str:
    if value and not EMAIL.fullmatch(value):
        raise ValueError(
            f"email `{value}` is not an email address; write one address, e.g. board@example.org"
        )
    return value


class Contact(Model):
    email: str = ""
    phone: str = Field("", description="As it is dialled; opening hours may follow it")
    address: str = ""
    website: str = ""

    _phone = field_validator("phone")(check_phone)
    _email = field_validator("email")(check_email)

    @field_validator("website")
    @classmethod
    def _web_address(cls, value: str) -> str:
        if value and not re.match(r"https?://[^\s\"'<>]+$", value):
            raise ValueError(
                f"website `{value}` must be a web address starting https:// (or http://)"
            )
        return value


class ContactRoute(Model):
    """Somewhere to turn when worried about a child: shown on the home page and linked from
    every page's footer."""

    who: str = Field(description="Who to contact, e.g. Northvale Children's Services")
    phone: str = ""
    email: str = ""
    website: str = ""
    when: str = Field("", description="When they answer, e.g. Monday to Friday, 9am to 5pm")

    _phone = field_validator("phone")(check_phone)
    _email = field_validator("email")(check_email)

    @field_validator("website")
    @classmethod
    def _web_address(cls, value: str) -> str:
        return Contact._web_address(value)


def _check_months(value: object) -> object:
    value = as_list(value)
    if isinstance(value, list):
        for month in value:
            if isinstance(month, str):
                month_number(month)
    return value


class YoungPeopleIntro(Model):
    about: str = Field("", description="What the partnership is and does, in 2-3 short sentences")
    age_range: str = Field("8 to 17", description="Who the guide is written for")
    shaped_by: str = Field("", description="How young people shaped the plan")


HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


SETTING_KINDS = ("school", "college", "early years", "childcare")


class Setting(Model):
    """An education or childcare setting the board names as a relevant agency: the Children's
    Wellbeing and Schools Act 2026, section 2, has the arrangements include them."""

    name: str
    kind: str = Field(description="school, college, early years or childcare")

    @field_validator("kind")
    @classmethod
    def _kind(cls, value: str) -> str:
        kind = value.strip().lower()
        if kind not in SETTING_KINDS:
            raise ValueError(
                f"kind `{value}` is not one of: {', '.join(SETTING_KINDS)}; write the one that "
                "fits the setting, e.g. kind: school"
            )
        return kind


class Board(Model):
    name: str
    short_name: str = ""
    area: str = ""
    site_url: str = Field(
        "", description="The address this site is published at, e.g. https://plans.example.org/"
    )
    colour: str = Field(
        "", description="Brand colour as #rrggbb: the header behind white text (4.5:1 or more)"
    )
    vision: str = ""
    objectives: list[str] = Field(default_factory=list, description="Statutory objectives")
    functions: list[str] = Field(default_factory=list, description="Core functions")
    contact: Contact = Field(default_factory=Contact)
    logo: str = Field("", description="A logo file in the data folder, e.g. logo.svg")
    meeting_months: list[str] = Field(default_factory=list, description="Board meeting months")
    young_people: YoungPeopleIntro = Field(default_factory=YoungPeopleIntro)
    worried_about_a_child: list[ContactRoute] = Field(
        default_factory=list, description="Who to contact when worried about a child, in order"
    )
    accessibility: AccessibilityFacts = Field(
        default_factory=AccessibilityFacts,
        description="For the accessibility statement: dates, checks by hand, known problems",
    )
    education_and_childcare: list[Setting] = Field(
        default_factory=list,
        description="Schools, colleges, early years and childcare settings named as relevant "
        "agencies, listed on the membership page and in the yearly report",
    )

    @field_validator("site_url")
    @classmethod
    def _site_url(cls, value: str) -> str:
        match = re.match(r"https?://[a-zA-Z0-9.\-]+(?::(\d+))?(/[^\s\"'<>?#]*)?$", value)
        if value and not match:
            raise ValueError(
                f"site_url `{value}` must be a web address starting https://, with no `?` or "
                "`#` part, e.g. https://plans.example.org/"
            )
        if match and match.group(1) and not 0 < int(match.group(1)) < 65536:
            raise ValueError(
                f"site_url `{value}` has port {match.group(1)}, which no address can have; "
                "leave the port out"
            )
        return value if not value or value.endswith("/") else value + "/"

    @field_validator("colour")
    @classmethod
    def _colour(cls, value: str) -> str:
        if value and not HEX_COLOUR.fullmatch(value):
            raise ValueError(
                f'colour `{value}` must be written as # and six hex digits, e.g. "#1d3f6e" '
                "(in quotes: YAML reads # as the start of a comment)"
            )
        return value.lower()

    @field_validator("logo")
    @classmethod
    def _logo(cls, value: str) -> str:
        if (
            value and not re.fullmatch(r"[\w\-. /]+\.(svg|png|jpg|jpeg|webp)", value)
        ) or ".." in value:
            raise ValueError(
                f"logo `{value}` must be a .svg, .png, .jpg or .webp file inside the data "
                "folder, e.g. logo.svg"
            )
        return value

    _months = field_validator("meeting_months", mode="before")(_check_months)

    @property
    def meeting_month_numbers(self) -> list[int]:
        return sorted(month_number(m) for m in self.meeting_months)


class Subgroup(Model):
    id: str = Field(description="Lower-case id used in links, e.g. pppg")
    name: str
    acronym: str = Field("", description="The word plans use for it, e.g. PPPG")
    aliases: list[str] = Field(default_factory=list, description="Other spellings in plans")
    chair: str = ""
    purpose: str = ""
    responsibilities: list[str] = Field(default_factory=list)
    meeting_months: list[str] = Field(
        default_factory=list,
        description='When it meets, for planner wording such as "every other PMQAG meeting"',
    )

    _months = field_validator("meeting_months", mode="before")(_check_months)

    @property
    def meeting_month_numbers(self) -> list[int]:
        return sorted(month_number(m) for m in self.meeting_months)

    @field_validator("id")
    @classmethod
    def _id_is_slug(cls, value: str) -> str:
        if not re.fullmatch(r"[a-z0-9][a-z0-9\-]*", value):
            raise ValueError(
                f"subgroup id `{value}` must be lower-case letters, digits and hyphens, e.g. pppg"
            )
        return value

    @property
    def names(self) -> list[str]:
        """Every way a plan may write this subgroup, to match free-text leads."""
        return [n for n in (self.id, self.acronym, self.name, *self.aliases) if n]


class SubgroupsFile(Model):
    subgroups: list[Subgroup]


class Member(Model):
    agency: str
    role: str
    name: str
