"""A first name that is also a word, typed in lower case as the object of a casework verb and then spoken of as a
person (round 30): "i asked hope what she wanted", "any tips for keeping reign engaged? he walked out", "just back
from seeing precious, shes settled", "rang to say faith had a bruise on her shin", "ok to take sunny to the dentist".

names.py reads a known word after a contact verb as a name only when its phrase ends there ("saw amber on tuesday");
"asked hope what", "keeping reign engaged" and "take sunny to" left it a word, as "hope", "reign" and "sunny" are
words. Here the verb and the word are the name's position, and what follows says a person was meant: a singular
he / she pronoun within the next eight words of the same line ("asked hope what she wanted"), or, after a verb of
taking, "to" an appointment or a setting ("take sunny to the dentist"). A word the writer's sentence uses as a word
meets neither: "keep hope alive", "seen mark on the arm" (no pronoun), "bring faith to the table". Only words
of the English list are read (a name in no list is names.py's: "ask gemma in the mash, shes duty"), and a capitalised
name, a time word, a word never a name (vocabulary.yaml not_names) or a place after a verb of going are left.
Cue words first (Source.at_words), one bounded match per verb: linear time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from itertools import islice

from bot.privacy.headed import at_heads
from bot.privacy.kin_names import ACTS
from bot.privacy.lexicon import Lexicon, lexicon
from bot.privacy.patterns import Source, Span
from bot.privacy.source import MANY_CUES

# verbs of casework whose object is a person: seeing, asking, keeping, taking, adding to a list, telling of
_VERBS = ("take", "takes", "taking", "took", "ask", "asks", "asking", "asked", "keep", "keeps", "keeping", "kept",
          "see", "sees", "seeing", "saw", "seen", "visit", "visits", "visiting", "visited", "add", "adding", "added",
          "refer", "referring", "referred", "bring", "bringing", "brought", "collect", "collecting", "collected",
          "meet", "meeting", "met", "move", "moving", "moved", "place", "placing", "placed", "say", "says", "said",
          "settle", "settling", "settled", "reassure", "reassured", "remind", "reminded", "tell", "telling", "told")
_CUES = frozenset(_VERBS)
_VISITING = frozenset({"visit", "visits", "visiting", "visited", "see", "sees", "seeing", "saw", "seen", "move",
                       "moving", "moved", "place", "placing", "placed", "settle", "settling", "settled"})
_TAKING = frozenset({"take", "takes", "taking", "took", "bring", "bringing", "brought"})
CASEWORK_NAME = re.compile(
    r"(?:" + "|".join(sorted(_VERBS, key=len, reverse=True)) + r")\s{1,3}([a-z][a-z'’\-]{1,20})\b"
    r"(?=([^\n]{0,60}))", re.IGNORECASE)
# he / she and his / her, as notes type them: what follows says the word was a person
_HE_SHE = re.compile(r"\b(?:he|she|him|his|her|hes|shes|he's|she's|he’s|she’s|himself|herself)\b", re.IGNORECASE)
_WORDS_BETWEEN = 8
_NEXT = re.compile(r"\s{1,3}([a-z]{1,30})", re.IGNORECASE)
# what a person (not a virtue) is followed by: a question word, a comma, or a verb of what they did or had
_PERSON_NEXT = re.compile(
    r"\s{0,3}(?:,|\s(?:what|whether|if|how|why|when|where|who|had|has|was|is|wont|won't|said|says|told|did|didnt"
    r"|didn't|does|doesnt|doesn't|wants|wanted|seemed|seems)\b)", re.IGNORECASE)
_PREDICATE = re.compile(r"\s{1,3}(?:is|was|are|seems|felt|feels)\s{1,3}(?:very\s{1,3}|so\s{1,3}|really\s{1,3})?"
                        r"([a-z]{1,30})", re.IGNORECASE)
# after a verb of taking: "to" an appointment or a setting ("take sunny to the dentist", "took paddy to nursery")
_TO_PLACE = re.compile(
    r"\s{1,3}to\s{1,3}(?:the\s{1,3}|her\s{1,3}|his\s{1,3})?(?:dentist|doctor|doctors|gp|hospital|a&e|clinic|"
    r"appointment|appt|contact|school|nursery|college|optician|opticians|camhs|court|hairdresser|hairdressers)\b",
    re.IGNORECASE)
# Round 32: what a person did not do, straight after the name ("ta says brook wont eat"); a list the writer keeps,
# after a verb of adding ("add ivy to my reminders").
_DID_NOT = re.compile(r"\s{1,3}(?:wont|won't|won’t|doesnt|doesn't|doesn’t|didnt|didn't|didn’t|isnt|isn't|isn’t|hasnt|"
                      r"hasn't|hasn’t|cant|can't|can’t|refuses|refused)\s", re.IGNORECASE)
_ADDING = frozenset({"add", "adding", "added", "remind", "reminded"})
_TO_LIST = re.compile(r"\s{1,3}to\s{1,3}(?:my|the|our|your)\s{1,3}(?:reminders?|list|caseload|agenda|diary|tracker|"
                      r"spreadsheet|register|notes)\b", re.IGNORECASE)
_AT_VERBS = frozenset({"swears", "swore", "shouts", "shouted", "screams", "screamed", "yells", "yelled", "snaps",
                       "snapped", "lashes", "lashed", "lunged", "lunges"})
# A person's place with no verb of casework: still on a list or open to a team, shouted at by a relative, the one a
# plan is for ("for summer to stay at nans"): (pattern, its cue words, whether a season or virtue counts there, a word
# every match holds within so many characters of its start).
_PLACES = (
    (re.compile(r"\bis\s{1,3}([a-z][a-z'’\-]{1,20})\s{1,3}still\s{1,3}(?:on|open|allocated|known|waiting|living|"
                r"missing|attending|placed|with|at|in\s{1,3}(?:care|foster|school|the\s{1,3}(?:unit|home|refuge)))\b",
                re.IGNORECASE), frozenset({"is"}), False, (frozenset({"still"}), 28)),
    (re.compile(r"\b(?:swears|swore|shouts|shouted|screams|screamed|yells|yelled|snaps|snapped|lashes\s{1,3}out|"
                r"lashed\s{1,3}out|lunged|lunges)\s{1,3}at\s{1,3}([a-z][a-z'’\-]{1,20})\b(?!\s{1,3}(?:and|or)\b)",
                re.IGNORECASE),
     _AT_VERBS, True, (frozenset({"at"}), 22)),
    (re.compile(r"\b(?:plan|plans|aim|hope|wish|idea|option|proposal)\s{1,3}(?:is|was|are)\s{1,3}for\s{1,3}"
                r"([a-z][a-z'’\-]{1,20})\s{1,3}to\s{1,3}(?:stay|live|remain|return|move|go|attend|see|visit|be\s{1,3}"
                r"(?:placed|moved|adopted|rehomed|returned)|have\s{1,3}contact)\b", re.IGNORECASE),
     frozenset({"plan", "plans", "aim", "hope", "wish", "idea", "option", "proposal"}), True, (frozenset({"for"}), 20)),
)
# words before the name that make the verb no casework verb on a person ("said yes", "take part")
_NOT_HERE = frozenset({"will", "may", "can", "did", "does", "must", "shall", "might", "part", "care", "time",
                       "place", "home", "note", "sure", "over", "back", "up", "in", "out", "so", "no", "yes"})


def casework_name_spans(src: Source, words: frozenset[str]) -> Iterator[Span]:
    """A lower-case first name that is also a word, after a casework verb, then spoken of as he or she."""
    lex = lexicon()
    yield from _placed_names(src, words, lex)
    yield from _in_year_names(src, words, lex)
    cues = _CUES & words
    if not cues or _word_names().isdisjoint(words):
        return  # no word of the message is both a first name and a word, bar the verbs ("add add add ..."): none
    v = lex.vocab
    text = src.text
    for m in src.at_words(CASEWORK_NAME, cues):
        name = m.group(1).lower()
        if name in _CUES or not text[m.start(1)].islower() or name in _NOT_HERE or name not in lex.first_names:
            continue  # capitalised names are names.py's; a verb of the list is that verb ("add add ...", "said")
        if name not in lex.english or name in v.not_names or name in v.not_name_times or name in v.acronyms:
            continue  # a name in no word list is names.py's ("ask gemma in the mash": a colleague)
        verb = m.group(0).split(None, 1)[0].lower()
        if name in lex.place_names and verb in _VISITING:
            continue  # "visited hope, she said": the village
        ahead = m.group(2)
        if name in v.abstract_name_words and not _PERSON_NEXT.match(ahead):
            continue  # "keep hope alive for her", "keep faith with her": a virtue or a season, unless a person's
        if (nxt := _PREDICATE.match(ahead)) and nxt.group(1).lower() in v.abstract_predicates:
            continue  # "she said faith is important to her"
        if (nxt := _NEXT.match(ahead)) and _plural_noun(nxt.group(1).lower(), lex):
            continue  # "we saw rose bushes in her garden": the word names a plant, a thing
        said = _HE_SHE.search(ahead)
        if ((said and len(ahead[:said.start()].split()) <= _WORDS_BETWEEN)
                or (verb in _TAKING and _TO_PLACE.match(text, m.end(1)))
                or (name not in v.abstract_name_words and _DID_NOT.match(ahead))
                or (verb in _ADDING and _TO_LIST.match(text, m.end(1)))):
            yield "name", m.start(1), m.end(1)


@cache
def _word_names() -> frozenset[str]:
    """The first names that are also English words, less the list's own verbs and those never read as a name here:
    the only words the casework loop can yield (built once, from the process's lexicon as the loop reads it)."""
    lex = lexicon()
    v = lex.vocab
    return frozenset(n for n in lex.first_names if n in lex.english and n not in _NOT_HERE and n not in _CUES
                     and n not in v.not_names and n not in v.not_name_times and n not in v.acronyms)


def _placed_names(src: Source, words: frozenset[str], lex: Lexicon) -> Iterator[Span]:
    """Round 32, with no pronoun after: "is daisy still on the waiting list", "mum swears at poppy", "plan is for
    summer to stay at nans" (a word of the English list that is a first name, in a place only a person stands)."""
    v = lex.vocab
    for pattern, gate, abstract, near in _PLACES:
        if not words & gate or not words & near[0]:
            continue
        for m in src.at_words(pattern, words & gate, near=near):
            name = m.group(1).lower()
            if src.text[m.start(1)].islower() and name in lex.first_names and name in lex.english and (
                    name not in v.not_names and name not in v.acronyms and name not in _NOT_HERE
                    and (abstract or (name not in v.abstract_name_words and name not in v.not_name_times))):
                yield "name", m.start(1), m.end(1)


# Round 33: a first name that is also a word, straight before "in" and a year group ("worried about precious in yr 9",
# "- hope in y3 has come in..."), at a clause's start or after a word that takes a person; not a season ("the summer
# in year 6") nor after a word that makes it a noun ("great faith in year 11", "there is hope in year 11").
IN_YEAR = re.compile(r"\bin\s{1,3}(?:y|yr|year)\s{0,2}(?:[1-9]|1[0-3])\b", re.IGNORECASE)
IN_YEAR_HEADS = frozenset({"in"})  # (every way into IN_YEAR: tests/privacy/test_screen_heads.py)
_NAME_BEFORE = re.compile(r"(?:^|(?<=[^\w'’\-]))([a-z][a-z'’\-]{1,20})\s{1,3}$")
_PERSON_BEFORE = re.compile(r"(?:^|[,;:(\-–—.!?]|\b(?:about|re|with|for|and|to|from|whether|if|that|check|checked|see|"
                            r"saw|seen|ask|asked|told|tell|met|meet|says|said))\s{0,3}$", re.IGNORECASE)


def _in_year_names(src: Source, words: frozenset[str], lex: Lexicon) -> Iterator[Span]:
    if "in" not in words or not words & {"y", "yr", "year"}:
        return
    text, v = src.text, lex.vocab
    # (tried only where "in" starts, at_heads; a message with more year groups than this is no note about one child)
    for m in islice(at_heads(src, IN_YEAR, IN_YEAR_HEADS), MANY_CUES):
        if (b := _NAME_BEFORE.search(text, max(0, m.start() - 24), m.start())) is None:
            continue
        name = b.group(1)
        if (name in lex.first_names and name in lex.english and name not in v.not_names and name not in v.acronyms
                and name not in v.not_name_times and name not in _NOT_HERE and name not in v.role_words
                and _PERSON_BEFORE.search(text, max(0, b.start(1) - 12), b.start(1))):
            yield "name", b.start(1), b.end(1)


def _plural_noun(word: str, lex: Lexicon) -> bool:
    """A plural noun of the word list, not a verb a person's name is followed by ("bushes", not "says")."""
    v = lex.vocab
    return (len(word) > 3 and word.endswith("s") and not word.endswith("ss") and word in lex.english
            and word not in v.verbs_after and word not in v.person_verbs and word not in ACTS)
