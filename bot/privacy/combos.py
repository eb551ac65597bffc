"""Unique combinations of facts: several quasi-identifiers in one sentence about one child or family.

Why (the k-anonymity idea): "a 9-year-old", "in Neston" and "with a rare syndrome" each describe thousands of
children; together they may describe one. A description identifies when the number of people who share every
detail in it is small, so the screen counts the *kinds* of detail a sentence holds rather than looking for any one
phrase. The kinds (data, vocabulary.yaml): a place (a town, ward or estate in the area lists, or a particular
setting: "the estate", "the village school", "the takeaway"); a rare condition or distinguishing feature; a
community or nationality; an uncommon family composition (twins, "same dad", "teen mum"); a notable event
(in the paper, an accident, raided, "was on <a show>"); uniqueness ("the only ... family", "only one in the area");
an age; a school year.

A sentence is flagged when it speaks of one person or family ("the girl who...", "the Syrian family", "a 12yo",
"the only ...") and holds two kinds, one of which narrows the population (a place, a trait, a community, an event,
uniqueness, a school year): an age and "teenage mum" alone fit thousands of families. Practice text ("children with
a disability in Halton") names no one. Bounded quantifiers only; each sentence is read once: linear time."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from bot.privacy.leads import _absent
from bot.privacy.lexicon import lexicon
from bot.privacy.patterns import YEAR_GROUP, Source, Span, _sentence, has_digit
from bot.privacy.places import _place_in
from bot.privacy.pointers import _alternation
from bot.privacy.source import _MAX_STARTS, _lowered, _reach_back
from bot.privacy.subject_starts import WORD_REACH, subject_starts

# ("\d(?<!\w\d)" and "a(?<!\wa)" are "\b\d" and "\ba", in a form the regex engine scans for faster)
_AGE = (r"\d(?<!\w\d)\d?\s{0,2}(?:yo|y/o|y\.o\.?|yrs?\s{0,2}old|years?\s{0,2}old|year-old|yr-old|months?\s{0,2}old)\b"
        r"|a(?<!\wa)ged?\s{1,2}\d{1,2}\b(?!\s{0,2}[-–]\s{0,2}\d|\s{1,2}to\s{1,2}\d)"  # not "aged 0-18"
        r"|,\s{0,2}(?:[4-9]|1[0-7])(?=\s{0,2}(?:[.!?\n]|$))"  # "..., 15." at the end of a sentence
        r"|,(?<=[A-Za-z],)\s{0,2}(?:[4-9]|1[0-7]),(?!\s{0,2}\d)")  # "wheelchair user, 10, lives ..." (round 52)
AGE = re.compile(_AGE, re.IGNORECASE)
HEIGHT = re.compile(r"\b[4-7]\s{0,2}(?:ft|foot)\s{0,2}\d{0,2}\b|\b[4-7]'\s{0,2}\d{1,2}\b", re.IGNORECASE)
# "was on Hollyoaks", "appeared on the news": a public appearance (not "was on Monday", "on Teams").
_NOT_SHOW = (r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|"
             r"July|August|September|October|November|December|Teams|Zoom|The|A|I)\b")
SHOW = re.compile(rf"\b(?:was|were|been|appeared|featured)\s{{1,3}}on\s{{1,3}}(?!{_NOT_SHOW})[A-Z][\w'’]{{1,20}}"
                  r"|\b(?:from|in|on|off)\s{1,3}the\s{1,3}(?:[\w'’]{1,20}\s{1,3}){0,3}?(?:documentary|docuseries)\b")
# A win that one person holds ("won the under 14 boxing title", "county chess champion").
ACHIEVEMENT = re.compile(
    r"\b(?:won|wins|winning|winner\s{1,3}of|got|received|was\s{1,3}given|awarded)\s{1,3}(?:(?:a|an|the|her|his|their)\s{1,3})?(?:[\w'’\-]{1,20}\s{1,3}){0,7}?"
    r"(?:title|titles|competition|trophy|award|cup|medal|championships?|gala|contest|prize|tournament|lottery|show|"
    r"final|heats?|pageant|race|cross\s{1,3}country|marathon|relay)\b"
    r"|\b(?:county|national|regional|british|english|world|european|junior)\s{1,3}champion\b", re.IGNORECASE)
# A household the area has a name for ("the family everyone on the estate calls the dealers", "everybody round here
# knows them"): a reputation is one family's.
REPUTATION = re.compile(r"\b(?:everyone|everybody|the\s{1,3}whole\s{1,3}(?:estate|street|road|village|town|school|"
                        r"area|close))\s{1,3}(?:[\w'’\-]{1,20}\s{1,3}){0,4}?(?:calls?|called|knows?|knew)\s{1,3}"
                        r"(?:(?:them|him|her)\s{1,3})?(?:as\s{1,3})?(?:them|him|her|the|that)\b", re.IGNORECASE)
# Fame: the family of someone the public knows is one family ("the famous dad who plays for the Rovers").
# A family's own business ("the family who run the chip shop in X"): one shop, one family.
BUSINESS = re.compile(r"\b(?:who|that|which)\s{1,3}(?:run|runs|ran|own|owns|owned|manage|manages|keep|keeps)\s{1,3}"
                      r"(?:the|a|an)\s{1,3}", re.IGNORECASE)
FAME = re.compile(r"\b(?:famous|celebrity|footballer|(?:plays|played)\s{1,3}(?:football\s{1,3})?for\s{1,3}the"
                  r"|(?:(?:plays|played|swims|swam|runs|ran|boxes|boxed|competes|competed)\s{1,3}for|represent(?:s|ed))"
                  r"\s{1,3}(?:gb|team\s{1,3}gb|great\s{1,3}britain|england|scotland|wales))\b", re.IGNORECASE)  # (48)
# A definite child or family with a distinguishing feature ("the boy with the one arm"): known to all who meet them.
_DEFINITE = re.compile(r"(?:the|this|that)\s", re.IGNORECASE)


@cache
def newspaper() -> re.Pattern[str]:
    """A newspaper named by its title ("in the Echo", "in the Chester Standard"): being in it is an event."""
    titles = _alternation(frozenset(t.capitalize() for t in lexicon().vocab.newspaper_titles))
    return re.compile(rf"\b(?:in|on)\s{{1,3}}the\s{{1,3}}(?:[A-Z][a-z]{{2,15}}\s{{1,3}}){{0,2}}(?:{titles})\b")


# A road's number as a place ("on the M56", "on the m1").
ROAD_NUMBER = re.compile(r"\b[AMB]\d{1,4}\b|\bm\d{1,2}\b|\b[ab]\d{2,4}\b")  # "the a49" typed in lower case
_NOT_REFERENT_NEXT = (r"(?:court|courts|support|hub|hubs|centre|centres|service|services|group|groups|team|teams|"
                      r"help|worker|workers|law|time|member|members|liaison|nurse|nurses|therapy|meeting|meetings|"
                      r"plan|plans|assessment|assessments|home|homes|practice|practitioner|network|life|court's|"
                      r"of|in\s{1,3}general|way|doctor|doctors|session|sessions|forum|panel|health)\b")


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    v = lexicon().vocab
    who = _alternation(v.singular_referents)
    things = _alternation(v.singular_referents | v.settings)
    return {
        "referent": re.compile(
            rf"\b(?:the|this|that)\s{{1,3}}(?:[a-z0-9'’\-]{{1,20}}\s{{1,3}}){{1,2}}?(?:{who})\b"
            rf"(?!\s{{1,3}}{_NOT_REFERENT_NEXT})"
            rf"|\b(?:the|this|that)\s{{1,3}}(?:{who})\s{{1,3}}(?:who|whose|that|with|from|born|found|left|seen|taken|live|lives|lived"
            r"|living|hurt|injured|attacked|stabbed|killed|missing|everyone|everybody)\b"
            rf"|\b(?:little|teen|teenage|young)\s{{1,3}}(?:{who})\b|\b(?:{who})\s{{1,3}}(?:who|whose|that|born|living)\b"
            # "lad in year 11 who was on the news": a few words between the person and their who-clause
            rf"|\b(?:{who})\s{{1,3}}(?:in|from|at|on)\s{{1,3}}(?:[a-z0-9'’\-]{{1,12}}\s{{1,3}}){{1,3}}?(?:who|whose|with)\b"
            # "the boy in a wheelchair", "the family above the chip shop": one person placed by a description
            rf"|\b(?:the|this|that)\s{{1,3}}(?:{who})\s{{1,3}}(?:in|on|at|above|below|near|opposite)\s{{1,3}}"
            r"(?:a\b|an\b|the\b|(?-i:[A-Z][a-z]))"  # "the triplets in Helsby": a place named
            r"|\b(?:child|girl|boy|lad|baby|family|yp|kid|teen|teenager)\s{1,3}with\b"
            r"|\b(?:the|this|that)\s{1,3}family\s{1,3}of\s{1,3}\d{1,2}\b", re.IGNORECASE),
        "unique": re.compile(
            rf"\bonly\s{{1,3}}(?:[a-z'’\-]{{2,20}}\s{{1,3}}){{0,2}}?(?:{things}|{_ONE_OF})\b"
            rf"(?!\s{{1,3}}(?!of\b){_NOT_REFERENT_NEXT})"  # "the only family hub on the estate": a service (round 30)
            r"|\bonly\s{1,3}(?:year|yr|y)\s{0,2}\d{1,2}\b", re.IGNORECASE),  # "the only Year 11 who..."
        "trait": re.compile(rf"\b(?:{_alternation(v.rare_traits | v.rare_belongings)})(?![\w'’])"
                            # "the rare Rett diagnosis", "a rare genetic condition": whatever its name
                            r"|\brare\s{1,3}(?:[\w'’\-]{1,20}\s{1,3}){0,2}?(?:condition|diagnosis|syndrome|disorder|"
                            r"disease|illness|cancer)\b", re.IGNORECASE),
        "community": re.compile(rf"\b(?:{_alternation(v.communities)})\b", re.IGNORECASE),
        "composition": re.compile(
            rf"\b(?:{_alternation(v.family_compositions)})\b|\bfamily\s{{1,3}}of\s{{1,3}}(?:[7-9]|1\d)\b"
            r"|\b(?:[5-9]|1\d|five|six|seven|eight|nine|ten|eleven|"
            r"twelve)\s{1,3}(?:kids|children|siblings|brothers|sisters|boys|girls)\b", re.IGNORECASE),
        "event": re.compile(rf"\b(?:{_alternation(v.notable_events)})\b", re.IGNORECASE),
        "setting": re.compile(rf"\b(?:{_alternation(v.settings)})\b", re.IGNORECASE),
    }


# A person a group has one of ("the only hearing aid wearer at the nursery", "the only Polish speaker in the
# class"): as "the only girl", with what picks them out before the noun (round 28).
_ONE_OF = r"(?:user|member|player|student|learner|resident|speaker|wearer)"


# An age and a family shape alone fit many families across the country; one of these narrows it to a few.
_NARROWING = frozenset({"place", "trait", "community", "event", "unique", "school_year"})


@cache
def _gate() -> frozenset[str]:
    v = lexicon().vocab
    words = (v.singular_referents | v.family_compositions | v.rare_traits | v.rare_belongings
             | {"only", "yo", "old", "aged", "age"})
    return frozenset(w.split()[0] for w in words)


_ONLY = frozenset({"only"})
OUR_SETTING = re.compile(r"\b(?:our|this|their|his|her)\s{1,3}(?:school|nursery|primary|academy|college|class|"
                         r"setting|unit|ward|club|team)\b", re.IGNORECASE)
# "the only girl on the boys rugby team", "the only lad in the whole county who...": one child in a group everyone knows
ONLY_CHILD_IN = re.compile(r"\bonly\s{1,3}(?:[a-z'’\-]{2,15}\s{1,3})?(?:girl|boy|lad|child|kid|pupil|baby|teen)\s{1,3}"
                           r"(?!premium|referral|protection|in\s{1,3}need)"  # practice terms, not a child
                           r"(?:[a-z'’\-]{2,15}\s{1,3}){0,4}?(?:in|on|at)\s{1,3}(?:the|our|their|his|her)\s{1,3}"
                           r"(?:[a-z'’\-]{2,15}\s{1,3}){0,3}?(?:team|squad|league|division|county|borough|town|village|year|"
                           r"class|school|estate|street|road|club|site)\b"
                           # "the only family on the island with kids", "only household in the close" (round 30)
                           r"|\bonly\s{1,3}(?:[a-z'’\-]{2,15}\s{1,3})?(?:family|household)\s{1,3}(?:living\s{1,3})?"
                           r"(?:in|on|at)\s{1,3}(?:the|our|this|that)\s{1,3}(?:[a-z'’\-]{2,15}\s{1,3}){0,2}?"
                           r"(?:street|island|village|estate|site|road|school|class|ward|block|close|flats|farm)\b",
                           re.IGNORECASE)
_DESCRIBED = re.compile(r"\s(?:with|whose|who|that|living|staying|sleeping)\s", re.IGNORECASE)
# Before a note's subject ("so the boy who ...", "re girl who ...", "update on the family that ..."): nothing, or these.
_NOTE_LEAD = re.compile(r"(?:(?:ok\s{1,3})?so|re|update\s{1,3}on|reminder|concern\s{1,3}(?:about|re)"
                        r"|moving\s{1,3}on\s{1,3}to)?[\s:,\-]{0,3}", re.IGNORECASE)


# After a note's bare subject, one child: a definite thing it has, or what it did in the past ("boy with the scar").
_PARTICULAR = re.compile(r"\s{1,3}(?:with\s{1,3}the|who\s{1,3}(?:was|were|had|got|came|gave|went|drove|ran|took|fell"
                         r"|won|[a-z]{3,20}ed))\s", re.IGNORECASE)


def particular(text: str, a: int, start: int, end: int) -> bool:
    """A note's bare subject ("re girl who ...", or first in its sentence) described as one child (round 45)."""
    # (or "family whose dog bit ...": the subject's own "whose", read with it, round 50)
    return bool(_NOTE_LEAD.fullmatch(text, a, start) and (_PARTICULAR.match(text, end)
                                                          or text[start:end].lower().endswith(" whose")))


_WORD_REACH = WORD_REACH  # (subject_starts.py)


@cache
def _referent_words() -> frozenset[str]:
    """The person or family every "referent" match names, a whole word at most 53 characters from its start ("the",
    two words of up to 20 characters and their spaces, then the word)."""
    return frozenset(w.split()[0] for w in lexicon().vocab.singular_referents)


@cache
def _referent_cues() -> frozenset[str]:
    """The words a "referent" match can start with (its pattern's first words)."""
    return frozenset({"the", "this", "that", "little", "teen", "teenage", "young", "child", "girl", "boy", "lad",
                      "baby", "family"} | {w.split()[0] for w in lexicon().vocab.singular_referents})


def _kinds(src: Source, a: int, b: int, absent: frozenset[str]) -> set[str]:
    found = {k for k, p in _patterns().items() if k != "referent" and k not in absent and src.search(p, a, b)}
    if "setting" in found or src.local(_place_in, a, b, 1, typed=True):
        found.discard("setting")
        found.add("place")
    if "AGE" not in absent and src.search(AGE, a, b):
        found.add("age")
    if "HEIGHT" not in absent and src.search(HEIGHT, a, b):
        found.add("trait")
    if "YEAR_GROUP" not in absent and src.search(YEAR_GROUP, a, b):
        found.add("school_year")
    if (("SHOW" not in absent and src.search(SHOW, a, b))
            or ("newspaper" not in absent and src.search(newspaper(), a, b))):
        found.add("event")
    if "REPUTATION" not in absent and src.search(REPUTATION, a, b):
        found.add("event")
    if "FAME" not in absent and src.search(FAME, a, b):
        found.update(("event", "unique"))
    if "ACHIEVEMENT" not in absent and src.search(ACHIEVEMENT, a, b):
        found.update(("event", "unique"))  # a title or trophy is held by one person
    if "ROAD_NUMBER" not in absent and src.search(ROAD_NUMBER, a, b):
        found.add("place")
    if "BUSINESS" not in absent and src.search(BUSINESS, a, b):
        found.add("unique")
    return found


def combination_spans(src: Source, words: frozenset[str]) -> Iterator[Span]:
    """Sentences that combine enough quasi-identifiers about one person or family to point at them."""
    if not words & _gate() and not has_digit(src.text):
        return
    text, pats = src.text, _patterns()
    # A flagged sentence speaks of one person or family: start only where one is (each pattern scanned on its own,
    # as one alternation of all of them defeats the regex engine's literal prefix search and is several times slower).
    # The referent and "only" patterns are tried only at their first words (Source.at_words: str.find, then an
    # anchored match), not at every character.
    found = (*src.at_words(pats["referent"], _referent_cues() & words, near=(_referent_words() & words, _WORD_REACH)),
             *src.at_words(pats["unique"], _ONLY & words), *src.finditer(AGE))
    starts = sorted({m.start(): m.end() for m in found}.items())
    absent = _absent(src, words) if len(starts) > 1 else frozenset()
    done = -1
    for start, end in starts:
        if start < done:
            continue
        a, b = _sentence(text, start, end)
        done = b
        # (each sentence read once per distinct text, with where its person is in it: Source.local)
        if src.local(_combined, a, max(b, end + 8), _combo_back(), b - a, start - a, end - a, absent):
            yield "combination", a, b


def _combined(src: Source, a: int, _key_end: int, length: int, start: int, end: int, absent: frozenset[str]) -> bool:
    """Whether the sentence text[a:a + length], whose person is at a + start to a + end, combines enough kinds."""
    text, b, start, end = src.text, a + length, a + start, a + end
    kinds = _kinds(src, a, b, absent)
    if kinds & {"trait", "event"} and (_DEFINITE.match(text, start) or particular(text, a, start, end)):
        kinds.add("unique")  # "the boy with one arm", "the baby that was on the news": known to all who saw
    # "the only pupil with a hearing dog at our school": the only one in one named setting
    if "unique" in kinds and (src.search(OUR_SETTING, a, b, as_typed=True) or src.search(ONLY_CHILD_IN, a, b)):
        kinds.add("place")
    # "the family with the huskies in rock ferry": one described household, placed by name
    if "place" in kinds and (_DEFINITE.match(text, start) or _NOTE_LEAD.fullmatch(text, a, start)) \
            and _DESCRIBED.search(text, start, end + 1):
        kinds.add("unique")  # ... "boy who dresses as spiderman for school in great sankey": a note's subject
    return len(kinds) >= 2 and bool(kinds & _NARROWING)


@cache
def _combo_back() -> int:
    """How far before its sentence _combined can read: the patterns' look-behinds and a place's one character."""
    return max(2, *map(_reach_back, (*_patterns().values(), AGE, HEIGHT, YEAR_GROUP, SHOW, newspaper(), REPUTATION,
                                     FAME, ACHIEVEMENT, ROAD_NUMBER, BUSINESS, OUR_SETTING, ONLY_CHILD_IN, _DESCRIBED,
                                     _NOTE_LEAD, _DEFINITE)))


# Unique events: a child, what happened to them, and when or where ("the lad hit by a car on the A556 on Friday",
# "the baby admitted after the incident at the soft play on 3rd May"). Each alone is common; together they are one
# event that neighbours, the school and the local paper remember, so the child is known without a name. Practice
# text about events ("after a serious incident the partners must notify", "falls in the home") speaks of no one
# child, or of no particular day or place.
_DAYS = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_MONTHS = (r"(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|"
           r"apr|jun|jul|aug|sept|sep|oct|nov|dec)")
# Not capitalised words that are no place: a weekday, a month, a pronoun, an article.
_NOT_EVENT_PLACE = (r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|"
                    r"June|July|August|September|October|November|December|Christmas|Easter|I|The|A|An|His|Her|Their)\b")
# A child left at a spot, the place named before it ("left in the Asda car park", "left outside the Spar", round 46).
_LEFT_AT = r"\bleft\s{1,3}(?:alone\s{1,3})?(?:in|at|outside|by)\s{1,3}the\s{1,3}(?:[a-z'’\-]{1,20}\s{1,3}){0,2}?"
ROAD = re.compile(r"\b[AMB]\d{1,4}(?:\(M\))?\b")
# Somewhere with a name: a preposition of place then a capitalised word ("outside Runcorn station", "at Victoria Park").
NAMED_SPOT = re.compile(rf"\b(?:outside|near|at|by|behind|opposite|in|into|on|from|off)\s{{1,3}}(?:the\s{{1,3}})?"
                        rf"(?!{_NOT_EVENT_PLACE})[A-Z][a-z'’]{{2,25}}\b")


@cache
def _event_patterns() -> dict[str, re.Pattern[str]]:
    v = lexicon().vocab
    return {
        # one child, spoken of as one ("the lad", "a 15 year old", "this little girl"), not a term of practice
        "subject": re.compile(
            rf"\b(?:the|this|that|a|an)\s{{1,3}}(?:[a-z0-9'’\-]{{1,20}}\s{{1,3}}){{0,2}}?(?:{_alternation(v.event_subjects)})"
            rf"\b(?!['’]s\b)(?!\s{{1,3}}(?:{_alternation(v.not_event_subject_next)})\b)"
            rf"|\b\d{{1,2}}\s{{0,2}}(?:yo|y/o|yrs?\s{{0,2}}old|years?\s{{0,2}}old|year-old|yr-old|months?\s{{0,2}}old)\b"
            # a note's first word, its article dropped ("lad taken to a&e on sat", "girl found near the station")
            rf"|(?:^|(?<=[.!?\n])|(?<=[.!?\n]\s))\s{{0,2}}(?:{_alternation(v.event_subjects)})\b(?!['’]s\b)"
            rf"(?!\s{{1,3}}(?:{_alternation(v.not_event_subject_next)})\b)",
            re.IGNORECASE),
        "incident": re.compile(rf"\b(?:{_alternation(v.incident_words)})\b|{_LEFT_AT}(?:{_alternation(v.event_places)})"
                               r"\b", re.IGNORECASE),
        "when": re.compile(
            rf"\b(?:{_alternation(v.event_times)})\b|\b{_DAYS}\b(?!s)(?!\s{{1,3}}(?:to|-|–)\s)"
            rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s{{1,3}}(?:of\s{{1,3}})?{_MONTHS}\b|\b{_MONTHS}\s{{1,3}}\d{{1,2}}(?:st|nd|rd|th)\b"
            r"|\bon\s{1,3}the\s{1,3}\d{1,2}(?:st|nd|rd|th)\b",  # "found ... on the 12th"
            re.IGNORECASE),
        "casework": re.compile(rf"\b(?:{_alternation(v.casework_words)})\b", re.IGNORECASE),
        "spot": re.compile(rf"\bthe\s{{1,3}}(?:[a-z'’\-]{{1,20}}\s{{1,3}}){{0,2}}?(?:{_alternation(v.event_places)})\b",
                           re.IGNORECASE),
    }


def _subjects(src: Source, subject: re.Pattern[str], words: frozenset[str]) -> Iterator[re.Match[str]]:
    """src.finditer(subject), tried only where a match can start (each way into it begins at subject_starts.py's)
    and, but for an age, a child's word follows within 53 characters (an article, two words and their spaces): a scan
    that tried the pattern at every character cost ~5 ms of 40,000 characters of prose. Where the places to try are
    denser than one in 16 characters (a message of digits), the rest is left to the regex engine's own scan."""
    if src.low is None:
        yield from src.finditer(subject)
        return
    low, compiled, end = src.low, _lowered(subject), -1
    for n, pos in enumerate(subject_starts(low, src.word_starts(_event_words() & words))):
        if n > _MAX_STARTS and n * 16 > pos:
            yield from compiled.finditer(low, max(pos, end))
            return
        if pos >= end and (m := compiled.match(low, pos)):
            end = m.end()
            yield m


# "a girl", "an infant", "a 14 year old": any child, not one
_INDEFINITE = re.compile(r"an?\s", re.IGNORECASE)
_INDEFINITE_BEFORE = re.compile(r"\ban?\s{1,3}$", re.IGNORECASE)
_ARTICLE_OR_AGE = re.compile(r"(?:the|this|that)\s|\d", re.IGNORECASE)


@cache
def _event_words() -> frozenset[str]:
    return frozenset(w.split()[0] for w in lexicon().vocab.event_subjects)


@cache
def _event_gate() -> frozenset[str]:
    return frozenset(w.split()[0] for w in lexicon().vocab.event_subjects) | {"yo", "old", "aged", "age"}


def event_spans(src: Source, words: frozenset[str]) -> Iterator[Span]:
    """Sentences about one child that say what happened to them and when or where it happened."""
    if not words & _event_gate() and not has_digit(src.text):
        return
    pats, text = _event_patterns(), src.text
    done = -1
    absent = None
    for m in _subjects(src, pats["subject"], words):
        if m.start() < done:
            continue
        if absent is None and "incident" in (absent := _absent(src, words)):
            return  # every sentence would need one of its words
        a, b = _sentence(text, m.start(), m.end())
        done = b
        # (each sentence read once per distinct text, with where its subject is in it: Source.local)
        if src.local(_eventful, a, max(b, m.end()), _event_back(), b - a, m.start() - a, m.end() - a):
            yield "event", a, b


def _eventful(src: Source, a: int, _key_end: int, length: int, start: int, end: int) -> bool:
    """Whether the sentence text[a:a + length], whose subject is at a + start to a + end, tells what happened to
    them and when or where."""
    pats, text, b, start, end = _event_patterns(), src.text, a + length, a + start, a + end
    if not src.search(pats["incident"], a, b):
        return False
    # a day in a sentence of casework may be the meeting's, not the event's: then only a place counts
    when = src.search(pats["when"], a, b) is not None and not src.search(pats["casework"], a, b)
    where = (src.search(ROAD, a, b) is not None or src.search(NAMED_SPOT, a, b) is not None
             or src.search(pats["spot"], a, b) is not None or src.local(_place_in, a, b, 1, typed=True))
    # "the lad hurt on Friday" is one child; "if a child is hurt at the weekend" is any child, so "a child"
    # needs both the day and the place ("a baby was admitted after the fall at the soft play on 3rd May")
    subject = (src.low if src.low is not None else text)[start:end]  # (as the subject was matched)
    definite = not _INDEFINITE.match(subject) and not _INDEFINITE_BEFORE.search(text, max(0, start - 4), start) \
        and (_ARTICLE_OR_AGE.match(subject) or particular(text, a, start, end))  # "yp found at ...": as "a yp"
    return bool((when or where) if definite else (when and where))


@cache
def _event_back() -> int:
    """How far before its sentence _eventful can read: the look-behinds, and the article before the subject."""
    pats = _event_patterns()
    return max(2, 4 + _reach_back(_INDEFINITE_BEFORE),
               *map(_reach_back, (pats["incident"], pats["when"], pats["casework"], pats["spot"], ROAD, NAMED_SPOT)))
