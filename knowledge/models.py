"""Pydantic models for the knowledge base.

One `Entry` per answerable fact or topic. Structured payloads (escalation routes, relevant agencies,
governance groups, contacts, timescales, threshold frameworks) ride on the entry so other
capabilities can read them without parsing prose.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from knowledge.partnerships import NATIONAL, PARTNERSHIPS

Kind = Literal[
    "partners",  # who the safeguarding partners are and who represents them
    "priorities",
    "threshold",  # threshold / levels-of-need framework
    "front_door",  # children's social care front door
    "escalation",  # resolving professional differences between practitioners/agencies
    "dispute",  # disputes between the three safeguarding partners
    "relevant_agencies",
    "group",  # a governance group or sub-group
    "timescale",
    "process",
    "contact",
    "glossary",
    "faq",
    "update",  # a later national change (e.g. CCGs -> ICBs) with its public source
]

Frequency = Literal["weekly", "monthly", "bi-monthly", "quarterly", "six-monthly", "annually", "as required"]

TOPICS: dict[str, str] = {
    "partners": "Partners and leadership",
    "priorities": "Priorities",
    "threshold": "Thresholds and the front door",
    "front_door": "Thresholds and the front door",
    "escalation": "Escalation and disputes",
    "dispute": "Escalation and disputes",
    "relevant_agencies": "Relevant agencies",
    "group": "Groups and meetings",
    "timescale": "Case reviews and timescales",
    "process": "Processes",
    "contact": "Contacts",
    "glossary": "Glossary",
    "faq": "Questions practitioners ask",
    "update": "National changes since 2019",
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(_Strict):
    document: str = Field(min_length=1, description="seed file name, or a public document title")
    section: str = Field(min_length=1, description="heading or paragraph within the document")
    url: str | None = None


class StepWindow(_Strict):
    start_day: int = Field(ge=1)
    end_day: int = Field(ge=1)
    working_days: bool = True
    wording: str | None = Field(default=None, description="the days as the policy writes them ('Day one')")

    @model_validator(mode="after")
    def _ordered(self) -> StepWindow:
        if self.end_day < self.start_day:
            raise ValueError("end_day must not be before start_day")
        return self

    def days(self) -> str:
        """The days as the policy writes them ('Days three to nine'), else 'Days 3-9'."""
        if self.wording:
            return self.wording
        if self.start_day == self.end_day:
            return f"Day {self.start_day}"
        return f"Days {self.start_day}-{self.end_day}"

    def describe(self) -> str:
        return f"{self.days()}, {self.counting()}"

    def counting(self) -> str:
        unit = "working days" if self.working_days else "calendar days"
        return f"counted as {unit} from the day it was raised"


class EscalationStep(_Strict):
    number: int = Field(ge=1)
    title: str
    who: str
    action: str
    window: StepWindow | None = None


class EscalationRoute(_Strict):
    policy: str | None = None
    steps: list[EscalationStep] = Field(min_length=1)

    @model_validator(mode="after")
    def _numbered(self) -> EscalationRoute:
        numbers = [s.number for s in self.steps]
        if numbers != list(range(1, len(numbers) + 1)):
            raise ValueError(f"steps must be numbered 1..n in order, got {numbers}")
        return self


class RelevantAgency(_Strict):
    name: str
    engagement: str
    groups: list[str] = Field(default_factory=list)
    duties: list[str] = Field(default_factory=list)


class GovernanceGroup(_Strict):
    name: str
    purpose: str
    chair: str | None = None
    membership: list[str] = Field(default_factory=list)
    frequency: Frequency | None = None
    meets: str | None = None


_MRKDWN_SPECIAL = re.compile(r"[<>|]")
_PLAIN_URL = re.compile(r"https?://[^\s<>|]+")


class Contact(_Strict):
    name: str
    email: str | None = None
    phone: str | None = None
    address: str | None = None
    url: str | None = None
    named_in_documents: bool = Field(
        default=True, description="front doors: False when the documents name no team (the safety line says so)"
    )

    @field_validator("email")
    @classmethod
    def _email(cls, v: str | None) -> str | None:
        if v is not None and "@" not in v:
            raise ValueError("not an email address")
        return v

    @field_validator("name", "email", "phone", "address")
    @classmethod
    def _plain(cls, v: str | None) -> str | None:
        """A contact is placed in the 999 line as it stands: Slack's link and mention characters are refused, so an
        approved edit can never ping a channel or hide a link there ("<!channel>", "<https://x|halton.gov.uk>")."""
        if v is not None and _MRKDWN_SPECIAL.search(v):
            raise ValueError("must not contain <, > or |")
        return v

    @field_validator("url")
    @classmethod
    def _url(cls, v: str | None) -> str | None:
        if v is not None and not _PLAIN_URL.fullmatch(v):
            raise ValueError("must be a plain http(s) address (no spaces, <, > or |)")
        return v


_NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


class Timescale(_Strict):
    amount: int = Field(ge=1)
    unit: Literal["working_days", "calendar_days", "months"]
    direction: Literal["after", "before"]
    from_event: str

    def describe(self) -> str:
        unit = {"working_days": "working days", "calendar_days": "days", "months": "months"}[self.unit]
        if self.amount == 1:
            unit = unit[:-1]
        if self.amount < len(_NUMBER_WORDS):  # "six months (6 months)": the documents' words, and the figure
            return f"{_NUMBER_WORDS[self.amount]} {unit} ({self.amount} {unit}) {self.direction} {self.from_event}"
        return f"{self.amount} {unit} {self.direction} {self.from_event}"


class ThresholdLevel(_Strict):
    name: str
    meaning: str
    indicators: list[str] = Field(default_factory=list)
    response: str | None = None


class ThresholdFramework(_Strict):
    name: str
    levels: list[ThresholdLevel] = Field(default_factory=list)
    url: str | None = None


BUSINESS_UNIT_SOURCE = "partnership business unit"  # a source that is no seed document: "<this>, 30 November 2026"


def is_business_unit_source(document: str) -> bool:
    """A source the partnership's business unit vouches for (a new entry written in Slack), not a document."""
    return document.strip().lower().startswith(BUSINESS_UNIT_SOURCE)


class Confirmation(_Strict):
    """Who in the business unit confirmed an edited entry, and when (answers from it say so)."""

    by: str = Field(min_length=1, description="Slack user id of the approver")
    on: date


class LocalWording(_Strict):
    """How one partnership's own document states a national fact, quoted as the seed writes it (its typos kept):
    shown under the national text to someone in that area, who then reads the rule in their arrangements' words."""

    document: str = Field(min_length=1, description="the partnership's seed file that says it")
    section: str = Field(min_length=1, description="the seed's heading or paragraph, as `Source.section`")
    quote: str = Field(min_length=1, max_length=400, description="one or two sentences, verbatim")

    @field_validator("quote", "section")
    @classmethod
    def _said(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("must not be blank")
        return v


class Entry(_Strict):
    id: str = Field(pattern=r"^[a-z0-9-]+(\.[a-z0-9-]+)+$")
    kind: Kind
    partnership: str
    title: str = Field(min_length=3)
    answer: str = Field(min_length=10)
    phrasings: list[str] = Field(default_factory=list)
    keywords: list[str] = Field(default_factory=list)
    source: Source
    as_of: date
    review_by: date | None = None
    see_also: list[str] = Field(default_factory=list)
    note: str | None = Field(default=None, description="short note appended to answers that link here")
    # structured payloads
    route: EscalationRoute | None = None
    agencies: list[RelevantAgency] = Field(default_factory=list)
    group: GovernanceGroup | None = None
    contact: Contact | None = None
    timescale: Timescale | None = None
    threshold: ThresholdFramework | None = None
    local_wording: dict[str, LocalWording] = Field(
        default_factory=dict, description="national entries: partnership slug -> its document's own sentence")
    confirmed: Confirmation | None = None  # set on entries the business unit edited or wrote (bot.kbedit)

    @field_validator("partnership")
    @classmethod
    def _slug(cls, v: str) -> str:
        if v != NATIONAL and v not in PARTNERSHIPS:
            raise ValueError(f"unknown partnership slug {v!r} (known: {', '.join([*PARTNERSHIPS, NATIONAL])})")
        return v

    @model_validator(mode="after")
    def _payload_matches_kind(self) -> Entry:
        required = {
            "escalation": "route",
            "dispute": "route",
            "group": "group",
            "contact": "contact",
            "front_door": "contact",
            "timescale": "timescale",
            "threshold": "threshold",
            "relevant_agencies": "agencies",
        }.get(self.kind)
        if required and not getattr(self, required):
            raise ValueError(f"kind {self.kind!r} needs a {required!r} payload")
        if not self.id.startswith(self.partnership + "."):
            raise ValueError(f"id must start with the partnership slug {self.partnership + '.'!r}")
        if self.review_by is not None and self.review_by <= self.as_of:
            raise ValueError(f"review_by {self.review_by} must be after as_of {self.as_of}")
        if self.local_wording and self.partnership != NATIONAL:
            raise ValueError("local_wording is only for national entries (a partnership entry is its own wording)")
        unknown = sorted(set(self.local_wording) - set(PARTNERSHIPS))
        if unknown:
            raise ValueError(f"local_wording: unknown partnership slug(s) {unknown} (known: {', '.join(PARTNERSHIPS)})")
        return self

    @property
    def topic(self) -> str:
        return TOPICS[self.kind]


# Names the 2019 documents use that have since changed nationally. An entry that uses one must carry the
# note saying so (its own `note`, or a `see_also` link to an entry whose note does), unless its answer
# already speaks of the change. `kb validate` enforces it (see `current_names_problem`).
DATED_NAMES = re.compile(r"\bCCGs?\b|clinical commissioning group|working together (?:to safeguard children )?\(?2018"
                         r"|\bWT ?2018\b", re.IGNORECASE)
CHANGE_NOTED = re.compile(r"\bICBs?\b|integrated care board|working together (?:to safeguard children )?2023",
                          re.IGNORECASE)


def current_names_problem(entry: Entry, notes: dict[str, str | None]) -> str | None:
    """Why `entry` states a CCG or Working Together 2018 as current without the ICB / 2023 note, or None.

    `notes` maps entry id -> that entry's note (to follow `see_also`)."""
    if entry.kind == "update":
        return None
    text = f"{entry.title}\n{entry.answer}"
    found = DATED_NAMES.search(text)
    if found is None:
        return None
    carried = [entry.note or "", entry.answer] + [notes.get(ref) or "" for ref in entry.see_also]
    if any(CHANGE_NOTED.search(n) for n in carried):
        return None
    return (f"names {found.group(0)!r} without the ICB (1 July 2022) / Working Together 2023 note "
            "(add national.update.icb or national.update.wt2023)")
