"""A first name that is also a word or a place, straight after a relative and before what they did (round 29):
"their cousin precious visits", "stepdad lee shouted", "big sis amber drops her off", "mum and baby river were".

names.py reads a known word after a relative as a name only before the short list of verbs a named subject takes
(vocabulary.yaml verbs_after: "is", "said", "went"...); an everyday verb of what a relative did ("visits",
"collected", "shouted", "grabbed", "were") left it a word. Here the three words together are the name's position:
a singular relative, a word in the first-name lists, and a verb (verbs_after, person_verbs or the list below). A
modal that is also a name ("mum will visits be...", "dad may") and a word before a noun ("the baby summer clothes
bank", "her nan rose early") pass, and a capitalised name is left to names.py ("Father Tom": a title). Cue words
first (Source.at_words), one bounded match per relative: linear time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.privacy.lexicon import Lexicon, lexicon
from bot.privacy.patterns import Source, Span
from bot.privacy.tokens import _FUNCTION

# singular relatives (person_relations without the plurals), with the short forms notes use
_RELATIVES = frozenset({"mum", "mom", "mam", "mother", "dad", "father", "stepdad", "stepmum", "stepfather",
                        "stepmother", "nan", "nana", "nanna", "gran", "grandma", "grandad", "granddad", "grandpa",
                        "aunt", "aunty", "auntie", "uncle", "brother", "sister", "cousin", "boyfriend", "girlfriend",
                        "baby", "son", "daughter", "sis", "bro", "stepbrother", "stepsister", "niece", "nephew",
                        "sibling"})
# (one alternation per word list: tried only at a relative's word, Source.at_words, so its order changes no match)
_KIN = "|".join(sorted(_RELATIVES, key=lambda w: (-len(w), w)))
KIN_NAME = re.compile(
    rf"(?:{_KIN})(?=\s{{1,3}}([a-z][a-z'’\-]{{1,20}})\s{{1,3}}([a-z][a-z'’]{{1,20}})\b)",
    re.IGNORECASE)  # (the rest in a look-ahead: "mum and baby river were" tries "baby" too)
# what a relative did, beyond verbs_after and person_verbs: everyday actions in the third person or the past
ACTS = frozenset({
    "were", "visits", "visited", "shouted", "shouts", "screamed", "screams", "grabbed", "grabs", "pushed", "pushes",
    "kicked", "kicks", "slapped", "slaps", "smacked", "smacks", "punched", "punches", "threatened", "threatens",
    "swore", "swears", "collected", "collects", "picks", "picked", "drops", "dropped", "takes", "took", "brings",
    "brought", "rang", "rings", "phoned", "phones", "texted", "texts", "messaged", "messages", "called", "calls",
    "sees", "saw", "moved", "moves", "works", "worked", "drinks", "drank", "uses", "used", "sent", "sends", "helps",
    "helped", "minds", "minded", "babysits", "babysat", "looks", "looked", "hurt", "hurts", "assaulted", "posted",
    "posts", "turned", "shows", "showed", "drove", "drives", "walked", "walks", "lost", "feeds", "fed", "gave",
    "gives", "let", "lets", "sleeps", "stays", "stayed"})
# A relative, then what they are called in brackets ("step-dad ('Tommo')", "uncle (Gaz)", round 52); not a child
# word ("baby (Tia)" is the bracketed-name reader's)
_ADULT_KIN = "|".join(sorted(_RELATIVES - {"baby", "son", "daughter", "sibling"}, key=lambda w: (-len(w), w)))
KIN_CALLED = re.compile(
    rf"(?:{_ADULT_KIN})\s{{0,2}}\(\s{{0,2}}(['\"‘“]?)((?-i:[A-Z][a-z]{{1,15}}))['\"’”]?\s{{0,2}}\)", re.IGNORECASE)
# first names that are also modals or verbs before a verb ("mum will ...", "dad may ...")
_NOT_HERE = frozenset({"will", "may", "can", "did", "does", "must", "shall", "might"})


def kin_name_spans(src: Source, words: frozenset[str]) -> Iterator[Span]:
    """A first name straight after a singular relative, then a verb of what that person did."""
    cues = _RELATIVES & words
    if not cues:
        return
    lex = lexicon()
    v = lex.vocab
    if "(" in src.text:
        for m in src.at_words(KIN_CALLED, cues):
            w = m.group(2).lower()
            # quoted, what they are called; unquoted, a word in no English list ("mum (Polish)" is not a name)
            word = w in lex.english or w in lex.rare_english or w in v.not_names or w in lex.places \
                or w in v.acronyms or w in v.communities
            if w not in v.role_words and (m.group(1) or not word):
                yield "name", m.start(2), m.end(2)
    for m in src.at_words(KIN_NAME, cues):
        name, verb = m.group(1).lower(), m.group(2).lower()
        if not src.text[m.start(1)].islower():
            # typed with a capital: names.py reads it ("Father Tom is": a priest, a title), but not a word of the
            # English list in no name list after a relative in lower case ("brother Ameer is", round 49)
            if _capital_word_name(src.text, m, name, verb, lex):
                yield "name", m.start(1), m.end(1)
            continue
        # (round 38: or a surname that is no word, "nan whitworth has them": a relative called by the family's name)
        surname = (name in lex.surnames or name in lex.frequent_surnames) and name not in lex.english \
            and name not in lex.rare_english and name not in v.not_names
        if name in _NOT_HERE or (name not in lex.first_names and not surname):
            continue
        if verb in ACTS or verb in v.verbs_after or verb in v.person_verbs:
            yield "name", m.start(1), m.end(1)


def _capital_word_name(text: str, m: re.Match[str], name: str, verb: str, lex: Lexicon) -> bool:
    """'sibling Ameer is on a plan': a lower-case relative, a capitalised word that names.py leaves as an English
    word (in no name list), then a named subject's verb; not after a relative typed as a title ("Sister Ward")."""
    v = lex.vocab
    before = text[max(0, m.start() - 4):m.start()].lower()
    if before.endswith(("the ", "a ", "an ")) or name in _FUNCTION or name in v.org_words or name in v.verbs_after:
        return False  # "the sibling Group is", "mum Also said": a label or a word of the sentence
    return (text[m.start()].islower() and text[m.start(1) + 1:m.end(1)].islower() and name.isalpha()
            and name not in lex.first_names and name not in lex.surnames and name not in v.not_names
            and (name in lex.english or name in lex.rare_english) and name not in v.role_words
            and name not in lex.places and (verb in v.verbs_after or verb in ACTS))
