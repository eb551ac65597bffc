"""Which entry a decline offers as "What I hold on this": one about what was asked, never another group.

"how often does the Halton executive meet" is declined (no frequency is given), and the top hit may be the
accountable officers' entry; offering that as what is held on the executive misleads. The offer is the first
near hit whose title, group name or keywords hold the question's weighty subject words, else none.
"""

from __future__ import annotations

from collections.abc import Callable

from knowledge.models import Entry
from knowledge.slots import WINDOW_WEIGHT, asked_of, phrase_re
from knowledge.text import expand, raw_tokens, stem
from knowledge.vocabulary import FactKind

NEAR = 0.80  # an offered runner-up scores at least this share of the top hit's confidence


def subject_of(kind: FactKind | None, folded_q: str, weight: Callable[[str], float] | None) -> frozenset[str]:
    """The weighty stems of what the question asks about (without the cue, places, generic and asking words)."""
    if kind is None:
        return frozenset()
    if kind.person_asks:  # "who runs the business unit": the unit is the subject, not running it
        folded_q = phrase_re(tuple(kind.person_asks)).sub(" ", folded_q)
    asked, others = asked_of(kind, folded_q, weight is not None)
    stems = others if others is not None else asked
    return frozenset(s for s in stems if len(s) > 2 and (weight is None or weight(s) >= WINDOW_WEIGHT))


def named_stems(e: Entry) -> frozenset[str]:
    """Stems of what the entry is named as: its title, keywords and group name."""
    words = [e.title, *(e.keywords or []), e.group.name if e.group is not None else ""]
    return frozenset(stem(t) for w in words for t in expand(raw_tokens(w.lower())))


def offered(ranked: list[tuple[Entry, float]], about: frozenset[str]) -> Entry | None:
    """The entry to offer: the top one when the subject is unknown, else the first near one naming all of it."""
    if not ranked:
        return None
    if not about:
        return ranked[0][0]
    top = ranked[0][1]
    return next((e for e, conf in ranked if conf >= NEAR * top and about <= named_stems(e)), None)
