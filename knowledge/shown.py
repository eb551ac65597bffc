"""What an entry shows, folded once per entry: the text an answer gives (`entry_text`), and the per-entry cache that
the scope, intent and fact checks share (`per_entry`), so each entry is folded and tokenised only once."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import TypeVar

from knowledge.models import Entry
from knowledge.text import fold, long_years

_T = TypeVar("_T")
_PER_ENTRY: dict[tuple[str, int], tuple[Entry, object]] = {}


def per_entry(name: str, e: Entry, make: Callable[[Entry], _T]) -> _T:
    """`make(e)` computed once per entry object (held in the key's value, so its id is never reused)."""
    hit = _PER_ENTRY.get((name, id(e)))
    if hit is not None and hit[0] is e:
        return hit[1]  # type: ignore[return-value]
    value = make(e)
    _PER_ENTRY[(name, id(e))] = (e, value)
    return value


@lru_cache(maxsize=1024)
def fold_question(question: str) -> str:
    """The question folded as the search folds it: a year written short ("19/20") is the year the fact checks test."""
    return fold(long_years(question))


def entry_text(e: Entry) -> str:
    """The folded text an answer shows: title, answer and structured payload."""
    return per_entry("text", e, _entry_text)


def _entry_text(e: Entry) -> str:
    bits = [e.title, e.answer]
    if e.timescale:
        bits.append(e.timescale.describe())
    if e.contact:
        bits.extend(x for x in (e.contact.name, e.contact.phone, e.contact.email) if x)
    if e.group:
        bits.extend(x for x in (e.group.name, e.group.chair, e.group.frequency, e.group.meets) if x)
    bits.extend(a.name for a in e.agencies)
    return fold(" ".join(bits))
