"""The writer's own setting named, then a child of it (round 36): "SENCo at Kingsley St John's. A yr4 child ...",
"EYFS lead at Little Treasures, Ellesmere Port. 4yo in our pre-school room ...", "student on L3 childcare at
Reaseheath, 16, says ...". A school or setting's staff role (vocabulary `setting_staff_roles`) or a student on a
course, "at" and a capitalised name, then within the next few sentences a year group, a child's age or "our" room
or class: the setting and its year or age place one child, though a full stop stands between them (schools.py reads
a year group's own sentence only). Not a place or service alone after "at" ("DSL at Halton", "SW at the MASH"). One
bounded regex from a word gate, the window after each match bounded: linear time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from bot.privacy.lexicon import lexicon
from bot.privacy.patterns import YEAR_GROUP, Source, Span

_NAME = r"((?-i:[A-Z])[\w'’\-]{1,30}+(?:\s{1,2}(?:(?-i:[A-Z])[\w'’\-]{0,30}+|of|the|&)){0,4})"
# what places a child in the setting just named: an age, or "our" room, class or group
_CHILD = re.compile(r"\b(?:\d{1,2}\s{0,2}(?:yo|y/o|yrs?\s{1,2}old|years?\s{1,2}old|-year-old|months?\s{1,2}old)\b"
                    r"|(?<=,\s)1[0-9](?=,)|our\s{1,2}(?:[\w\-]{2,12}\s{1,2})?(?:room|class|group|setting|nursery|unit)\b)",
                    re.IGNORECASE)
_AFTER = 240  # characters after the setting's name read for its child
_ROLE_BACK = 48  # characters before "at" read for the role
_NONE = re.compile("$").match("")  # no cue ahead at all: kept as found, so the rest of the text is not searched again


# "at" or "in" and a capitalised name: found first (a literal start the engine scans for fast), the role read after
_AT_NAME = re.compile(r" (?:at|in)\s{1,2}" + _NAME)  # (a space first: a literal start the engine scans fast)


@cache
def _role_before() -> re.Pattern[str]:
    """A setting's staff role or a student on a course ending where "at" starts (searched in the few characters
    before each "at" and a capital only)."""
    roles = "|".join(sorted((re.escape(r).replace(r"\ ", r"\s{1,2}") for r in lexicon().vocab.setting_staff_roles),
                            key=len, reverse=True))
    return re.compile(rf"(?<![\w'’])(?:{roles}|(?:student|learner|apprentice)\s{{1,2}}on\s{{1,2}}[\w\-]{{1,12}}"
                      rf"(?:\s{{1,2}}[\w\-]{{1,15}}){{0,2}})\s{{1,2}}$", re.IGNORECASE)


def _setting(name: str) -> bool:
    """A name that is no place, service or ordinary word alone ("Halton", "MASH", "the hub")."""
    lex, words = lexicon(), name.split()
    if words[0].lower() == "the" or not words[0][0].isupper():
        return False
    v = lex.vocab
    while len(words) > 1 and (words[-1].lower() in lex.places or words[-1].lower() in v.local_places):
        words = words[:-1]  # "Busy Bees Frodsham": the setting and its town
    last = words[-1].lower()
    last = last[:-2] if last.endswith(("'s", "’s")) else last
    if len(words) == 1:
        return (last not in lex.english and last not in lex.places and last not in v.local_places
                and last not in v.acronyms and last not in v.service_acronyms and not words[0].isupper())
    return last not in lex.places and last not in v.local_places and last not in v.setting_not_last


def own_setting_spans(src: Source, words: frozenset[str]) -> Iterator[Span]:
    if not {"at", "in"} & words or not words & lexicon().vocab.setting_staff_words:
        return
    text, n = src.text, len(src.text)
    settings: dict[str, bool] = {}
    # the next child cue after the last setting read, kept while it is still ahead: each stretch of the text is
    # searched about once however many settings a long message names (a settings' list with no child: one scan)
    ahead: list[re.Match[str] | None] = [None, None]
    role = _role_before()
    for m in _AT_NAME.finditer(text):
        if role.search(text, max(0, m.start() - _ROLE_BACK), m.start() + 1) is None:
            continue
        name = m.group(1)
        if (ok := settings.get(name)) is None:
            ok = settings[name] = _setting(name)
        if not ok:
            continue
        for k, cue in enumerate((_CHILD, YEAR_GROUP)):
            if ahead[k] is not _NONE and (ahead[k] is None or ahead[k].start() < m.end()):  # type: ignore[union-attr]
                ahead[k] = cue.search(text, m.end(), n) or _NONE
        child = min((c for c in ahead if c is not _NONE and c.start() < m.end() + _AFTER),
                    key=re.Match.start, default=None)  # type: ignore[arg-type]
        if child is not None:
            yield "school_year", m.start(1), m.end(1)
            yield "school_year", child.start(), child.end()
            return
