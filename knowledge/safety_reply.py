"""The reply to a worry about a child: the 999 line, the local front door, what to do first, then the
best entry. Pure: it reads the knowledge base and never the database, so it works in an outage."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field

from knowledge.base import KnowledgeBase
from knowledge.models import Entry
from knowledge.partnerships import PARTNERSHIPS, display_name
from knowledge.safety import SAFETY_LEAD, Worry, get_detector

ROUTES_PATH = Path(__file__).resolve().parent / "data" / "safety" / "routes.yaml"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Route(_Strict):
    first: str = Field(min_length=10)
    entries: list[list[str]] = Field(default_factory=list)


class FrontDoorText(_Strict):
    known: str
    unnamed: str
    unknown_intro: str
    unknown_item: str
    unnamed_note: str
    missing: str


class Routes(_Strict):
    version: int
    front_door: FrontDoorText
    routes: dict[str, Route]


@lru_cache(maxsize=2)
def load_routes(path: Path = ROUTES_PATH) -> Routes:
    return Routes.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


def front_door_line(kb: KnowledgeBase, area: str | None) -> str:
    """Where to take a worry now: the area's front door, or every partnership's when the area is unknown.

    Only the front-door entry's own contact is used (never the partnership's policy or business mailbox);
    where the documents name no front-door team the line says so and names children's social care."""
    t = load_routes().front_door
    if area:
        fd = kb.front_door(area)
        if fd is None:
            return t.missing.format(area=display_name(area))
        extras = ", ".join(x for x in (fd.phone, fd.email, fd.url) if x)
        extras = f" ({extras})" if extras else ""
        tmpl = t.known if fd.named_in_documents else t.unnamed
        return tmpl.format(name=fd.name, extras=extras, area=display_name(area))
    lines = [t.unknown_intro]
    for slug in kb.partnerships or list(PARTNERSHIPS):
        fd = kb.front_door(slug)
        name = fd.name if fd else f"{display_name(slug)} children's social care"
        note = "" if fd is not None and fd.named_in_documents else t.unnamed_note
        lines.append(t.unknown_item.format(area=display_name(slug), name=name, note=note))
    return "\n".join(lines)


def route_entries(kb: KnowledgeBase, category: str | None, area: str | None) -> tuple[str | None, list[Entry]]:
    """The category's 'what to do first' line and its entries for the area (national ones otherwise)."""
    route = load_routes().routes.get(category or "")
    if route is None:
        return None, []
    shown: list[Entry] = []
    for slot in route.entries:
        for ref in slot:
            if "{area}" in ref and not area:
                continue
            e = kb.get(ref.format(area=area or ""))
            if e is not None and e not in shown:
                shown.append(e)
                break
    return route.first, shown


def leaves_worry(decline_kind: str, question: str) -> bool:
    """A decline decided before a worry's reply: a child in another area (999, but not this area's front door), or
    plainly an adult's safeguarding with no one who can only be a child (no child's 999 line)."""
    return decline_kind == "other_areas" or (decline_kind == "adult"
                                             and get_detector().adult_reading(question) == "adult")


def advice_reply(kb: KnowledgeBase, worry: Worry, area: str | None, decline_text: str) -> str:
    """The worry's lines (999, the front door, the category's first step), then what the message asks declined."""
    first, _shown = route_entries(kb, worry.category, area)
    return "\n".join([SAFETY_LEAD, front_door_line(kb, area), *([first] if first else []), "", decline_text])


def away_reply(decline_text: str) -> str:
    """A worry about a child in another area: the 999 line, then plainly that the arrangements held are not theirs."""
    return f"{SAFETY_LEAD}\n{decline_text}"


def safety_reply(
    kb: KnowledgeBase,
    worry: Worry,
    area: str | None,
    best: Entry | None,
    render: Callable[[Entry], str],
) -> tuple[str, list[Entry]]:
    """The reply's text and the entries it shows (first = the one feedback buttons refer to)."""
    lines = [SAFETY_LEAD, front_door_line(kb, area)]
    first, shown = route_entries(kb, worry.category, area)
    if first:
        lines.append(first)
    if best is not None and best.kind not in ("front_door", "contact") and best not in shown:  # never a mailbox
        shown = [*shown, best]  # what else the message asks ("... what are the levels of need?") after the route
    if not shown and area and (fd := kb.front_door_entry(area)) is not None:
        shown = [fd]
    for e in shown:
        lines += ["", render(e)]
    if not shown:  # still say where the front doors come from
        doors = [e for slug in kb.partnerships if (e := kb.front_door_entry(slug)) is not None]
        when = max((e.as_of for e in doors), default=None)
        if doors and when is not None:
            docs = ", ".join(sorted({e.source.document for e in doors}))
            lines.append(f"_Front doors as the partnerships' published arrangements give them ({docs}). "
                         f"As of {when:%B %Y}._")
    return "\n".join(lines), shown


def safety_without_knowledge(worry: Worry, area: str | None) -> str:
    """The 999 line and the front door when the knowledge base itself cannot be loaded (a damaged file, a disk
    error): from routes.yaml and the partnerships' names alone, so no knowledge entry is needed for them."""
    text, _shown = safety_reply(KnowledgeBase([], {}), worry, area, None, lambda e: "")
    return text
