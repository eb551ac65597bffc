"""What shows a word that is also a name to be a person (round 42; names.py asks these of a first name that is also
an ordinary word, "will", "summer", "ruby", and of a word in no list):

- a year group or an age in brackets right after it ("will (yr 4)", "ruby (the 9yo)"; not "summer (2 weeks)");
- let or a modal before it and a person's going or staying after ("let summer go home", "can mercy stay at");
- a relative described by one word of order or size after "and her" ("ruby and her little brother");
- a capitalised word, a surname particle in lower case and a capitalised word in no list ("Ruan van Rooyen");
and what shows it no person: names said to be the names of things ("Joy and Grace are the names of the rooms").
"""

from __future__ import annotations

import re

from bot.privacy.lexicon import Lexicon, lexicon
from bot.privacy.tokens import Classifier, Toks, _base

# a bracket holding only a year group or an age: "(yr 4)", "(year 10)", "(y6)", "(the 12yo)", "(aged 9)", "(9 yrs old)"
_AGED = re.compile(r"\s{0,2}\((?:the\s{1,2}|a\s{1,2})?(?:y(?:ea)?rs?\s{0,2}\d{1,2}|y\d{1,2}|aged?\s{1,2}\d{1,2}"
                   r"|\d{1,2}\s{0,2}(?:yo|y/o|yrs?\s{1,2}old|years?\s{1,2}old|-year-old|\s?month\s{1,2}old))\)",
                   re.IGNORECASE)

# the one word allowed between "her" and the relative ("her little brother", "his baby sister")
_KIN_ADJ = frozenset({"little", "big", "baby", "older", "younger", "elder", "twin", "half", "step", "new", "kid"})


def aged_aside(i: int, toks: Toks) -> bool:
    """A year group or an age in brackets right after word i."""
    t = toks[i]
    return t is not None and not t.possessive and _AGED.match(toks.text, t.end, t.end + 24) is not None


def let_go(i: int, toks: Toks, lex: Lexicon) -> bool:
    """'let summer go home', 'can mercy stay at breakfast club': "let" or a modal opening a request, the word, then a
    bare verb of a person's going, staying or coming (vocabulary person_bare_verbs)."""
    prev, nxt, t = toks[i - 1] if i else None, toks[i + 1], toks[i]
    return (t is not None and prev is not None and nxt is not None and t.after == " " and t.before == " "
            and prev.norm in lex.vocab.permission_words and nxt.norm in lex.vocab.person_bare_verbs)


def with_described_relative(i: int, toks: Toks, lex: Lexicon) -> bool:
    """'ruby and her little brother': "and", his / her / their, one word of order or size, then a relative."""
    norms = toks.norms
    return (i + 4 < len(norms) and norms[i + 1] == "and" and norms[i + 2] in ("his", "her", "their")
            and norms[i + 3] in _KIN_ADJ and _base(norms[i + 4]) in lex.vocab.person_relations)


def particle_surname(i: int, toks: Toks, lex: Lexicon, c: Classifier) -> bool:
    """'Ruan van Rooyen', 'Pieter de Wet': a capitalised word, one or two surname particles in lower case, then a
    capitalised word in no list of ordinary words (not "Wyn de Bankole Centre": no organisation word after it)."""
    t, particles = toks[i], lex.vocab.surname_particles
    if t is None or not t.cap or t.upper or t.after != " ":
        return False
    j = i + 1
    while j < i + 3 and (p := toks[j]) is not None and not p.cap and p.norm in particles and p.after == " ":
        j += 1
    far, after = toks[j], toks[j + 1]
    return (j > i + 1 and far is not None and far.cap and not far.upper and far.norm.isalpha()
            and not c.common(far.norm) and far.norm not in lex.places
            and not (after is not None and after.norm in lex.vocab.org_words and not far.after.strip()))


_NAMES = frozenset({"name", "names"})
_HOUSEHOLD = frozenset({"family", "families", "household", "households"})  # "the family rooms": a kind of room


def names_of_things(i: int, toks: Toks, lex: Lexicon) -> bool:
    """'Joy and Grace are the names of the two meeting rooms', 'Hope is the name of our new minibus': capitalised
    words joined by "and" or commas, then is / are, (the) name(s) of, and within four words no person or family word
    ("Ruby is the name of the girl" is still a child); or, joined by "and", straight before a room's word ("Holly and
    Ivy rooms", round 45)."""
    j, v = i, lex.vocab
    while (t := toks[j]) is not None and t.cap and j < i + 6:
        nxt = toks[j + 1]
        if nxt is not None and nxt.norm in ("and", "&") and (o := toks[j + 2]) is not None and o.cap:
            j += 2
        elif t.after.strip() == "," and nxt is not None and nxt.cap:
            j += 1
        else:
            break
    # (the next four words' norms as Tok.norm gives them, read without building a Tok for each)
    norms = toks.norms
    words = [(_base(w) if "'" in w else w) if (w := norms[k] if k < len(norms) else "") else ""
             for k in range(j + 1, j + 5)]
    if _plants(i, j, toks, lex):
        return True
    if words[0] in v.named_room_nouns and toks[j] is not None and not toks[j].after.strip():  # type: ignore[union-attr]
        # two names or more joined in the list itself ("Holly and Ivy rooms"; "met mum and Lily room 12" is a child)
        return j > _list_start(i, toks) or _named_ward(j, toks)
    if words[0] not in ("is", "are", "were", "was"):
        return False
    k = 2 if words[1] == "the" else 1
    if words[k] not in _NAMES or words[k + 1] != "of":
        return False
    people = (v.event_subjects | v.person_relations | v.family_nouns | v.singular_referents) - _HOUSEHOLD
    return not any((o := toks[m]) is not None and o.norm in people for m in range(j + k + 3, j + k + 8))


def _named_ward(j: int, toks: Toks) -> bool:
    """'Holly ward', 'Rainbow suite': one capitalised word and a lower-case ward's word, no number after it (a
    hospital names its wards; "Lily room 12", "Holly ward 4" may be a child and where she lies, round 49)."""
    t, ward = toks[j], toks[j + 1]
    return (t is not None and t.cap and not t.upper and not t.possessive and ward is not None and not ward.cap
            and ward.norm in lexicon().vocab.named_ward_nouns
            and not toks.text[ward.end:ward.end + 4].lstrip(" #:")[:1].isdigit())


def _list_start(i: int, toks: Toks) -> int:
    """The first name of a list of capitalised words joined by "and" that ends at or runs through token i ("Holly and
    Ivy" read from "Ivy")."""
    while i > 1 and (a := toks[i - 1]) is not None and a.norm in ("and", "&") and (o := toks[i - 2]) is not None \
            and o.cap:
        i -= 2
    return i


def _plants(i: int, j: int, toks: Toks, lex: Lexicon) -> bool:
    """'Heather and Rosemary in the herb bed need watering': every word of the list a plant's name, no verb of a
    person straight after it, and within six words something done to plants or where they grow (round 46; 'Heather
    and Rosemary are in care', 'Holly and Ivy watered the garden', '... in the garden with dad' are children)."""
    v = lex.vocab
    if (t := toks[i]) is None or t.norm not in v.plant_names:
        return False
    i = _list_start(i, toks)
    names = [o.norm for k in range(i, j + 1) if (o := toks[k]) is not None and o.cap]
    nxt = toks[j + 1]
    if len(names) < 2 or nxt is None or nxt.norm.endswith("ed") or nxt.norm in v.person_verbs \
            or nxt.norm in v.plant_context:  # "Poppy and Daisy water the pots": the names do it, children
        return False
    after = [o.norm for k in range(j + 1, j + 9) if (o := toks[k]) is not None]
    people = v.event_subjects | v.person_relations | v.family_nouns
    return all(w in v.plant_names for w in names) and any(w in v.plant_context for w in after[:6]) and not any(
        w in people for w in after)


def water_name(i: int, toks: Toks, lex: Lexicon) -> bool:
    """'River Aire flood alert': "River" capitalised, then a capitalised word in no first-name or surname list, then
    within four words what is said of a river (round 46; 'River Kowalski was seen' is a child)."""
    t, nxt, v = toks[i], toks[i + 1], lex.vocab
    if t is None or not t.cap or t.norm not in v.water_name_words or nxt is None or not nxt.cap or t.after != " ":
        return False
    if nxt.norm in lex.first_names or nxt.norm in lex.surnames:
        return False
    return any((o := toks[k]) is not None and o.norm in v.water_context for k in range(i + 2, i + 6))


_LIST_JOINS = frozenset({"and", "or", "&"})


def listed_place(i: int, toks: Toks, lex: Lexicon) -> bool:
    """'placements in Cornwall and Devon', 'from Devon or Somerset': a capitalised name-word listed with "and", "or"
    or a comma beside a capitalised place, the list after a preposition of place, is a place too (round 49; Devon is
    a county left out of the place list as a child's name; "Kent and Devon were seen" has no preposition before)."""
    t, v = toks[i], lex.places
    if t is None or not t.cap or t.upper or t.possessive:
        return False
    lo = hi = i
    for step in (-1, 1):
        k = i
        while True:
            a, b = (k + step, k + 2 * step)
            mid, o = toks[a] if a >= 0 else None, toks[b] if b >= 0 else None
            last = toks[min(k, a)] if min(k, a) >= 0 else None
            comma = last is not None and last.after.strip() == ","
            if o is not None and o.cap and o.norm in v and mid is not None and (mid.norm in _LIST_JOINS or comma):
                k = b
            elif comma and mid is not None and mid.cap and mid.norm in v and step == 1:
                k = a
            else:
                break
        lo, hi = (k, hi) if step < 0 else (lo, k)
    before = toks[lo - 1] if lo else None
    return hi > lo and before is not None and before.norm in lex.vocab.listed_place_preps


def to_be_done(i: int, toks: Toks) -> bool:
    """'Precious to be seen by paeds today': a word straight before "to be" and what is done only to a person."""
    t, norms = toks[i], toks.norms
    return (t is not None and t.after == " " and i + 3 < len(norms) and norms[i + 1] == "to" and norms[i + 2] == "be"
            and norms[i + 3] in lexicon().vocab.done_to_words)
