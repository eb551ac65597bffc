"""Descriptions that point at a child through their brothers, sisters or cousins ("the one whose brother...",
"her twin was excluded", "eldest boy is in a YOI").

A sibling word alone is ordinary practice text ("siblings should be placed together"); what identifies is the
sibling word with something specific in the same sentence: an event (in care, stabbed, in the paper), a who-clause
about one child, a school year, a disability, a number of children. Same rules as patterns.py: bounded
quantifiers, cheap word gates first.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.privacy.combos import ROAD, _event_patterns, _patterns
from bot.privacy.patterns import _NEAR, SCHOOL_NAME, Source, Span, _sentence
from bot.privacy.places import _place_in, place_possible
from bot.privacy.source import MANY_CUES, _reach_ahead

SIBLING_CUE = re.compile(
    r"\b(?:eldest|youngest|oldest|middle\s{1,3}(?:one|child|girl|boy|sister|brother|of)|only\s{1,3}(?:girl|boy|child|son|"
    r"daughter)|twins?|triplets|quads|half[\s\-]{0,2}(?:sister|brother|sibling)s?|step[\s\-]{0,2}(?:brother|sister|sibling)s?|"
    r"(?:older|younger|big|little|baby|elder)\s{1,3}(?:brother|sister|sibling)s?|(?:sister|brother|sibling|baby)s?\s{1,3}of"
    r"|(?:two|three|four|five|six|\d)\s{1,3}(?:brothers|sisters|siblings|boys|girls|lads)"
    # (round 50: "the older two are at St X's", "sibling aged 12 at X School")
    r"|(?:older|younger|elder|eldest|youngest|big|little)\s{1,3}(?:two|three|four|ones)|(?:sister|brother|sibling)"
    r"\s{1,3}aged?\s{0,2}\d{1,2})\b",
    re.IGNORECASE,
)
# Where a SIBLING_CUE match can start (Source.at_words finds these as word starts: "step" finds "stepbrother").
_CUE_STARTS = frozenset({"eldest", "youngest", "oldest", "middle", "only", "twin", "triplets", "quads", "half", "step",
                         "older", "younger", "big", "little", "baby", "elder", "sister", "brother", "sibling", "two",
                         "three", "four", "five", "six", *"0123456789"})
# One setting the set shares, named by kind ("the same mosque school", "the same dance class"; round 43), and a set's
# ages as a range ("four girls, ages 6-13")
_SAME_SETTING = (r"\bsame\s{1,3}(?:[a-z]{3,15}\s{1,3}){0,2}?(?:school|class|nursery|madrasa|madrassa|mosque|church|"
                 r"club|childminder)\b")
_AGE_RANGE = r"\bage[sd]?\s{1,3}\d{1,2}\s{0,2}(?:-|–|to)\s{0,2}\d{1,2}\b"
_MANY = r"(?:[4-9]|1\d|four|five|six|seven|eight|nine|ten|eleven|twelve)"  # more brothers and sisters than most have
SIBLING_SPECIFIC = re.compile(
    r"\bwhose\b|\bthe\s{1,3}(?:one|lad|girl|boy|yp|kid)\s{1,3}(?:who|with|in|that|whose)\b|\bin\s{1,3}the\s{1,3}news\b"
    rf"|{_SAME_SETTING}|\bsame\s{{1,3}}(?:dad|mum|father|mother)\b|{_AGE_RANGE}"
    r"|\b(?:of|in)\s{1,3}(?:a\s{1,3}family\s{1,3}of\s{1,3})?"
    r"(?:\d{1,2}|five|six|seven|eight|nine|ten|eleven|twelve)\b(?!\s{0,2}(?:years?|yrs?|weeks?|months?|days?))"
    r"|\b(?:is|was|'s)\s{1,3}the\s{1,3}[a-z]{2,20}\b|\bon\s{1,3}the\s{1,3}(?:estate|site)\b|\b(?:year|yr)\s{0,2}\d{1,2}\b"
    r"|\b(?:uses?|with)\s{1,3}(?:a|the)\s{1,3}(?:wheelchair|hearing|cochlear|feeding|walking)\b"
    r"|\bwho\s{1,3}(?:got|was|were|went|had|is|are|came|runs?|works?)\b|\bon\s{1,3}a\s{1,3}tag\b"
    r"|\b(?:arrested|charged|convicted|stabbed|killed|murdered|died|sentenced|excluded|pregnant)\b"
    r"|\bfamily\s{1,3}of\b|\bof\s{1,3}the\s{1,3}[A-Z]|\b[A-Z][a-z]{2,30}\s{1,3}(?:family|kids|children|sisters|brothers)\b"
    # how many brothers and sisters: "the other 4", "youngest of the eight", "the only boy with 5 older sisters"
    rf"|\bthe\s{{1,3}}other\s{{1,3}}{_MANY}\b|\bof\s{{1,3}}the\s{{1,3}}{_MANY}\b"
    rf"|\bwith\s{{1,3}}(?:{_MANY}|two|three)\s{{1,3}}(?:(?:older|younger|big|little|step|half)[\s\-]{{1,3}})?"
    r"(?:sisters|brothers|siblings)\b"
    # a set split across homes or schools: "one in foster care and one at home", "one at X, one at Y"
    r"|\bborn\b[^.!?\n]{0,40}?\b(?:(?:19|20)\d{2}|january|february|march|april|may|june|july|august|september"
    r"|october|november|december)\b"  # "the triplets born at the general in 2016 / in march"
    r"|\bone\s{1,3}(?:in|at|with|still|lives|living|placed|is|staying|stays|goes)\b[^.!?\n]{1,60}?"
    r"\bone\s{1,3}(?:in|at|with|still|lives|living|placed|is|staying|stays|goes)\b",
)

# Phrases that point at a child through a sibling or parent on their own ("the one whose brother...",
# "same mum as the baby...", "sister of the lad who...", "one of the twins").
SIBLING_STRONG = re.compile(
    r"\bwhose\s{1,3}(?:(?:little|big|older|younger|baby|twin|elder|half|step)[\s\-]{1,3})?"
    r"(?:sister|brother|sibling|twin|mum|dad|mother|father|nan|cousin)s?\b"
    r"|\bsame\s{1,3}(?:family|mum|dad|mother|father|parents?|household)\s{1,3}as\s{1,3}(?:the|that|this)\b"
    r"|\b(?:sister|brother|sibling|twin|cousin)s?\s{1,3}of\s{1,3}the\s{1,3}(?:[a-z]{1,15}\s{1,3})?"
    r"(?:lad|girl|boy|one|baby|child|kid|toddler|yp|teen|twins?|young\s{1,3}person)\b"
    r"|\bone\s{1,3}of\s{1,3}(?:the\s{1,3})?(?:twins|triplets|quads)\b"  # ("one of triplets", round 49)
    # one child's brother of a set ("cousin of the boys we placed", "half brother of the kids who ..."): the set is one
    # family's; "siblings of the children we look after" is a plural, so practice text
    r"|\b(?:(?:half|step)[\s\-]{0,2})?(?:sister|brother|twin|cousin)\s{1,3}of\s{1,3}the\s{1,3}(?:[a-z]{1,15}\s{1,3})?"
    r"(?:kids|children|boys|girls|lads|twins|triplets|ones)\b"
    # a child's place in a large family: "baby number 7", "her sixth baby", "the other five were all adopted"
    rf"|\b(?:baby|child|kid|pregnancy)\s{{1,3}}(?:number|no\.?|#)\s{{0,2}}(?:[4-9]|1\d)\b"
    rf"|\bone\s{{1,3}}of\s{{1,3}}(?:the\s{{1,3}})?{_MANY}\s{{1,3}}(?:kids|children|siblings|brothers|sisters|boys|girls)\b"
    r"|\b(?:fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|[4-9]th|1\dth)\s{1,3}(?:baby|child|kid|"
    r"pregnancy)\b(?!\s{1,3}(?:protection|in\s{1,3}need|death|sexual|exploitation|abuse|clinic|group|class|club)s?\b)"
    rf"|\bother\s{{1,3}}(?:{_MANY}|two|three)\s{{1,3}}(?:(?:were|was|have|had|been|got|are|all|also)\s{{1,3}}){{0,3}}"
    r"(?:removed|adopted|taken|placed|in\s{1,3}care|fostered)\b",
    re.IGNORECASE,
)

# One child's sibling ("her brother", "twin sister", "half-sister"; not "siblings in care"), then an event that
# marks that family out in the same sentence.
# Run only at the cue words (Source.at_words); a sibling noun also needs one of OWN_PREFIX before it or nothing.
OWN_SIBLING = re.compile(
    r"(?:brother|sister|sibling|twin|cousin|bro|sis|sib|eldest|youngest|oldest|brothers|sisters|stepbrothers?"
    r"|stepsisters?)\b"
    r"|(?:older|younger|eldest|youngest|oldest|middle|big|little)\s{1,3}(?:one|boy|girl|lad|child|son|daughter|kid)\b"
    r"|baby\s{1,3}of\s{1,3}the\s{1,3}family\b",
    re.IGNORECASE,
)
OWN_PREFIX = re.compile(
    r"\b(?:the|his|her|their|my|twin|half|step|big|little|older|younger|elder|baby|middle|eldest|youngest|oldest|newborn)"
    r"[\s\-]{1,3}$",
    re.IGNORECASE,
)
_PLURALS = frozenset({"brothers", "sisters", "stepbrothers", "stepsisters"})
ONE_CHILDS = re.compile(r"\b(?:his|her)\s{1,3}$", re.IGNORECASE)
_OWN_NOUNS = ("brother", "sister", "sibling", "twin", "cousin", "bro", "sis", "sib", "eldest", "youngest", "oldest",
              "stepbrother", "stepsister")
SIBLING_EVENT = re.compile(
    r"\b(?:in|into)\s{1,3}care\b|\b(?:yoi|hmyoi|hmp|prison|custody|remand|jail|secure\s{1,3}unit)\b|\bsent\s{1,3}down\b"
    r"|\b(?:adopted|fostered|cbo|asbo|criminal\s{1,3}behaviour\s{1,3}order|caught\s{1,3}with)\b"
    r"|\b(?:stabbed|stabbing|shot|shooting|killed|murdered|died|drowned|arrested|charged|convicted|sentenced|excluded"
    r"|expelled)\b|\bgave\s{1,3}birth\b|\bspecial\s{1,3}school\b"
    r"|\bin\s{1,3}the\s{1,3}(?:paper|papers|news)\b|\bhad\s{1,3}a\s{1,3}baby\b|\bpregnant\b"
    r"|\bdifferent\s{1,3}(?:dads|mums|fathers|mothers)\b|\b(?:wheelchair|cerebral|down'?s\s{1,3}syndrome|deaf|blind)\b"
    r"|\bthe\s{1,3}(?:one|lad|girl|boy|yp|kid|baby|child)\s{1,3}(?:who|that|whose)\b|\bset\s{1,3}(?:the|a)\s{1,3}fire\b"
    rf"|\b(?:(?:year|yr)\s{{0,2}}|y)\d{{1,2}}\b|{_SAME_SETTING}|\bon\s{{1,3}}(?:a|the)\s{{1,3}}tag\b"
    # placed by a class, a birth or an age and a setting (round 43): "in the nursery class", "delivered at X last
    # week", "in SCBU", "is 12 and at X"
    r"|\b(?:nursery|reception|toddler)\s{1,3}(?:class|room)\b|\b(?:scbu|nicu)\b"
    r"|\b(?:born|delivered)\s{1,3}(?:at|in)\b[^.!?\n]{1,40}?\b(?:last|this)\s{1,3}(?:week|weekend|month|night)\b"
    r"|\bis\s{1,3}\d{1,2}\s{1,3}and\s{1,3}(?:at|in\s{1,3}(?:year|yr)|goes\s{1,3}to|attends)\b"
    # a setting that places one family (round 40): "the nursery on site / next door", a pupil referral unit
    r"|\bnursery\s{1,3}(?:on\s{1,3}site|next\s{1,3}door|here|upstairs|downstairs|(?:across|over)\s{1,3}the\s{1,3}road)\b"
    r"|\b(?:pru|pupil\s{1,3}referral\s{1,3}unit)\b"
    r"|\blives?\s{1,3}with\s{1,3}(?:the\s{1,3})?(?:paternal|maternal|nan|gran|grand|aunt|uncle)"
    r"|\bof\s{1,3}(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\b(?!\s{0,2}(?:years?|yrs?|weeks?|months?))"
    # a sentence served, a removal at birth, a published review of their own (round 30)
    r"|\byoung\s{1,3}offenders?['’]?\s{1,3}(?:institution|institute)\b|\bserving\s{1,3}(?:a\s{1,3}sentence|time|life"
    r"|\d{1,2}\s{1,3}(?:years?|months?))\b|\bremoved\s{1,3}at\s{1,3}birth\b"
    r"|\bsubject\s{1,3}of\s{1,3}(?:a|the|an)\s{1,3}(?:serious\s{1,3}case|child\s{1,3}safeguarding\s{1,3}practice)\s{1,3}review\b"
    r"|\bsex\s{1,3}offenders?['’]?\s{1,3}register\b",  # (round 33)
    re.IGNORECASE,
)
# An age given straight after one family's sibling (round 33): "younger brother (8)", "both sisters (7 and 9)", "his
# sister, 12,", "sister who's 19" (round 52); not a range ("siblings (0-5)") nor a gap ("is 2 years older").
_AGED = re.compile(r"\s{0,2}(?:\(\s{0,2}(?:aged?\s{0,2})?\d{1,2}(?:\s{0,2}(?:and|&|,)\s{0,2}\d{1,2})?"
                   r"\s{0,2}(?:yo|y/o|yrs?)?\s{0,2}\)|,\s{0,2}(?:aged?\s{0,2})?\d{1,2}\s{0,2},"
                   # "the eldest sister who's 19", "elder sister is 18 and ...", "sister aged 19" (round 52)
                   r"|\s{1,3}(?:aged?|who['’]s|who\s{1,3}is|is)\s{1,3}\d{1,2}\b(?![:.%/]\d?)"
                   # a count that is no age: a distance, a share, a rank ("is 3 miles away", "is 1 of the reasons")
                   r"(?!\s{0,2}(?:weeks?|days?|hours?|mins?|minutes?|times?|miles?|km|of|per|percent|x|more|less"
                   r"|(?:years?|months?)\s{1,3}(?:older|younger))\b)"
                   r")", re.IGNORECASE)
_BOTH = re.compile(r"\bboth\s{1,3}$", re.IGNORECASE)

# A set of brothers and sisters spoken of as one ("the brothers who...", "the four girls", "the 2 little ones"): one
# family, so with somewhere named or a landmark in the same sentence ("outside the leisure centre in Widnes", "from
# the site off the A41") they are known to everyone who lives there. "The children in Halton" names no one set.
_COUNT = r"(?:\d{1,2}|two|three|four|five|six|seven|eight)"
SIBLING_GROUP = re.compile(
    rf"the\s{{1,3}}(?:{_COUNT}\s{{1,3}})?(?:(?:little|older|younger|young|small|teenage)\s{{1,3}})?"
    r"(?:brothers|sisters|siblings|bros)\b"
    # "the two Syrian brothers": a count, then one word that describes them
    rf"|the\s{{1,3}}{_COUNT}\s{{1,3}}[A-Za-z][a-z'’\-]{{1,20}}\s{{1,3}}(?:brothers|sisters|siblings|girls|boys|lads|kids)\b"
    rf"|the\s{{1,3}}{_COUNT}\s{{1,3}}(?:(?:little|older|younger|young|small|teenage)\s{{1,3}})?"
    r"(?:ones|girls|boys|lads|kids|children|sisters|brothers)\b"
    r"|the\s{1,3}little\s{1,3}ones\b",
    re.IGNORECASE,
)
_REMOVED = re.compile(r"\b(?:removed|taken\s{1,3}(?:into|in)\s{1,3}care|taken\s{1,3}off|adopted|placed)\b",
                      re.IGNORECASE)
_GROUP_GATE = frozenset({"brothers", "sisters", "siblings", "bros", "ones", "girls", "boys", "lads", "kids",
                         "children"})

_SIBLING_GATE = frozenset({"eldest", "youngest", "oldest", "middle", "only", "twin", "twins", "triplets", "quads",
                           "half", "step", "stepbrother", "stepsister", "stepbrothers", "stepsisters", "stepsiblings",
                           "stepsibling", "brother", "sister", "sibling", "brothers",
                           "sisters", "siblings", "boys", "girls", "lads", "baby", "older", "younger", "elder"})

_ORDINALS = frozenset({"fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth",
                       *(f"{n}th" for n in range(4, 20))})
_DIGIT_ORDINALS = frozenset(w for w in _ORDINALS if w[0].isdigit())
# (led by a digit, its look-behind after it: the engine skips to digits, where a look-behind first was tried at every
# character; the same matches as (?<![\d.])1?\dth\b)
_ORDINAL_DIGITS = re.compile(r"\d(?<![\d.]\d)(?:(?<=1)\d)?th\b")


def _digit_ordinals(src: Source) -> frozenset[str]:
    """The ordinals written in digits the text holds ("9th", "11th")."""
    return frozenset(m.group().lower() for m in _ORDINAL_DIGITS.finditer(src.low or src.text))


_SIBLING_STRONG_GATE = frozenset({"whose", "same", "twins", "triplets", "quads", "sister", "brother", "cousin",
                                  "sibling", "twin", "number", "no", "other", *_ORDINALS})
_SIBLING_STRONG_CUES = frozenset({"whose", "same", "one", "sister", "brother", "sibling", "twin", "cousin", "sisters",
                                  "brothers", "siblings", "twins", "cousins", "baby", "child", "kid", "pregnancy",
                                  "other", *_ORDINALS})
_OWN_ADJ = ("older", "younger", "middle", "big", "little")
_OWN_GATE = frozenset({"brother", "sister", "sibling", "twin", "cousin", "bro", "sis", "sib", "older", "younger",
                       "eldest", "youngest", "oldest", "middle", "big", "little", "baby", "brothers", "sisters",
                       "stepbrother", "stepbrothers", "stepsister", "stepsisters"})


def sibling_detectors(src: Source, words: frozenset[str]) -> list[Iterator[Span]]:
    """Lazy detectors of sibling descriptions; `words` are the text's lower-case words."""
    out: list[Iterator[Span]] = []
    if "th" in words:  # "her 9th baby": an ordinal in digits is no word of `words` (round 28)
        words = words | (_DIGIT_ORDINALS & _digit_ordinals(src))
    if words & _SIBLING_GATE:
        out.append(_siblings(src))
    if words & _SIBLING_STRONG_GATE or ("one" in words and words & _GROUP_GATE):  # "one of eleven kids"
        out.append(("sibling", m.start(), m.end()) for m in src.at_words(SIBLING_STRONG, _SIBLING_STRONG_CUES & words))
    if words & _OWN_GATE:
        out.append(_own_siblings(src, words))
    if words & _GROUP_GATE and "the" in words:
        out.append(_sibling_groups(src))
    return out


def _sibling_groups(src: Source) -> Iterator[Span]:
    """A definite set of siblings placed by a named place or a road's number, with a landmark or a community in their
    sentence (or a road's number alone)."""
    text, spot = src.text, _event_patterns()["spot"]
    setting, community = _patterns()["setting"], _patterns()["community"]
    done = -1
    for m in src.at_words(SIBLING_GROUP, frozenset({"the"})):
        if m.start() < done:
            continue
        a, b = _sentence(text, m.start(), m.end())
        done = b
        landmark = src.search(spot, a, b) or src.search(setting, a, b) or src.search(community, a, b)
        road = src.search(ROAD, a, b)
        # "the 4 kids who all got removed from the flats by the station": a set taken from one home, by a landmark
        if (landmark or road) and (road or src.local(_place_in, a, b, 1, typed=True) or src.search(_REMOVED, a, b)):
            yield "sibling", m.start(), m.end()


def _siblings(src: Source) -> Iterator[Span]:
    # (each cue and its sentence read once per distinct text around it: Source.read_at_words)
    for n, (start, _end, found) in enumerate(src.read_at_words(SIBLING_CUE, _CUE_STARTS, _specific, _SENTENCE_READ)):
        if n == MANY_CUES and not (src.anywhere(SIBLING_SPECIFIC) or src.anywhere(SCHOOL_NAME)):
            return  # many cues, and no sentence of the message holds what would make one specific
        yield from (("sibling", start + a, start + b) for a, b in found or ())


def _specific(src: Source, cue: re.Match[str]) -> tuple[tuple[int, int], ...]:
    """The cue and what makes it specific in its sentence (from the cue's start), or nothing."""
    start = cue.start()
    a, b = _sentence(src.text, start, cue.end())
    specific = src.search(SIBLING_SPECIFIC, a, b)
    if specific and _generic(src, cue):  # "if an older sibling is the alleged perpetrator": any family's
        specific = next((m for m in SIBLING_SPECIFIC.finditer(src.text, a, b) if not _weak(src, cue, m)), None)
    if specific := specific or src.search(SCHOOL_NAME, a, b):
        return (0, cue.end() - start), (specific.start() - start, specific.end() - start)
    return ()


# What makes one family's sibling specific but says nothing of a sibling spoken of in general (round 30): "an older
# sibling is the main carer", "older siblings who are involved", "can a sibling be the one who signs".
_WEAK = re.compile(r"(?:is|was|'s)\s{1,3}the\s{1,3}[a-z]{2,20}|who\s{1,3}[a-z]{2,5}|born\s{1,3}in\s{1,3}[a-z0-9]{3,9}"
                   r"|the\s{1,3}(?:one|lad|girl|boy|yp|kid)\s{1,3}(?:who|with|in|that|whose)", re.IGNORECASE)
# a school year says nothing of a sibling named with "a / any / every" ("any older sibling in y10 can come": round
# 40) unless someone has them ("she has an older sister in year 9"); bare plurals keep it ("twins in yr 8 at X")
_YEAR = re.compile(r"(?:(?:year|yr)\s{0,2}|y)\d{1,2}", re.IGNORECASE)
_HAS = re.compile(r"\b(?:has|have|had|got|with)\s{1,3}(?:a|an)\s{1,3}(?:[a-z]{2,8}\s{1,3})?$", re.IGNORECASE)


def _weak(src: Source, cue: re.Match[str], m: re.Match[str]) -> bool:
    """What makes a sibling specific only when the sibling is one family's (checked with _generic)."""
    if _WEAK.fullmatch(m.group()):
        return True
    before = max(0, cue.start() - 24)
    return (bool(_YEAR.fullmatch(m.group())) and _INDEFINITE.search(src.text, before, cue.start()) is not None
            and not _HAS.search(src.text, before, cue.start()))


# a sibling word in general: after "a / an / any / every / each", or a plural with no one's word before it
_INDEFINITE = re.compile(r"\b(?:a|an|any|every|each|some|if)\s{1,3}(?:(?:older|younger|big|little|elder)\s{1,3})?$",
                         re.IGNORECASE)
_OWNED = re.compile(r"\b(?:the|his|her|their|my|our|your|both|all|these|those|of|\w{1,30}'s|\w{1,30}’s|\d{1,2}"
                    r"|two|three|four|five|six)\s{1,3}(?:[a-z]{2,12}\s{1,3})?$", re.IGNORECASE)


_COUNTED = re.compile(r"(?:two|three|four|five|six|\d)\s")


def _generic(src: Source, cue: re.Match[str]) -> bool:
    """A sibling word spoken of in general: "an older sibling", or a bare plural ("older siblings", "twins can")."""
    start, group = cue.start(), cue.group().lower()
    before = src.text[max(0, start - 20):start]
    if _INDEFINITE.search(before):
        return True
    plural = group.endswith(("siblings", "brothers", "sisters", "twins")) and not _COUNTED.match(group)
    # (triplets are rarely any family's; "two brothers" are counted, so one family's)
    return plural and not _OWNED.search(before)


def _own_siblings(src: Source, words: frozenset[str]) -> Iterator[Span]:
    first = len(src.text) - len(src.text.lstrip())  # (where the message's first character that is no space is)
    for n, (start, _end, found) in enumerate(src.read_at_words(OWN_SIBLING, _OWN_GATE & words, _own_sibling,
                                                                _SENTENCE_READ)):
        if n == MANY_CUES and not (src.anywhere(SIBLING_EVENT) or place_possible(src)):
            return  # many cues, and no sentence of the message holds an event or a place
        yield from (("sibling", start + a, start + b) for a, b in (found or ((), ()))[start <= first])


def _own_sibling(src: Source, cue: re.Match[str]) -> tuple[tuple[tuple[int, int], ...], ...]:
    """One child's sibling with an event or a place in their sentence (spans from the cue's start): as read with text
    before the cue, and with only spaces before it."""
    return tuple(_own_sibling_after(src, cue, lead) for lead in (True, False))


def _own_sibling_after(src: Source, cue: re.Match[str], lead: bool) -> tuple[tuple[int, int], ...]:
    start, end, group = cue.start(), cue.end(), cue.group().lower()
    noun = group.startswith(_OWN_NOUNS) and not group.startswith(_OWN_ADJ)
    aged = _AGED.match(src.text, end, end + 24) is not None
    both = aged and group in _PLURALS and src.search(_BOTH, max(0, start - 6), start) is not None
    # one brother or sister with their own age is one person ("mum, stepdad, stepsister (13)": round 40)
    listed = aged and group not in _PLURALS and not _INDEFINITE.search(src.text, max(0, start - 20), start)
    if noun and lead and not both and not listed and not src.search(OWN_PREFIX, max(0, start - 10), start):
        return ()  # "siblings should be placed together": no one child's sibling
    if group in _PLURALS and not both and not src.search(ONE_CHILDS, max(0, start - 6), start):
        return ()  # "her brothers" are one child's; "their brothers and sisters" anyone's
    a, b = _sentence(src.text, start, end)
    if (event := src.search(SIBLING_EVENT, a, b)) and not (_weak(src, cue, event) and _generic(src, cue)):
        return (0, end - start), (event.start() - start, event.end() - start)
    if aged or src.local(_place_in, a, b, 1, typed=True):  # "big bro (16) ... above the launderette in hoole": placed
        return ((0, end - start),)
    return ()


# what a cue's reading looks at: its sentence, up to _NEAR characters either side (and the words before it)
_SENTENCE_READ = (_NEAR + 2, _NEAR + 2 + max(_reach_ahead(SIBLING_CUE), _reach_ahead(OWN_SIBLING)))
