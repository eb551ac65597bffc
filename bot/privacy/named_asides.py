"""A person named in passing, shown so by the words set beside the name (round 43).

- Letters, then an apposition about one child: "its MH again, the boy who keeps going missing", "JT, the girl from
  the flats". Two or three capitals (an acronym too after "its" / "it's", where the writer says who it is again),
  then optionally "again", a comma and "the boy / girl / lad / one ... who / that / with / from": initials.
- A child, then one word between commas, then a verb: "the little one, gift, has a burn", "the eldest, Tiye, said".
  The word is no aside (vocabulary aside_words: "the baby, however, has"; nor a word ending in -ly), relative or
  digit: a name.
- Words the writer says are a name: "hunter rich (yes thats genuinely his name) won't engage", "Sunny Day - that's
  her real name -". The one to three words before the aside, back to the clause's start: a name.
- A month or season name opening its sentence, then has / had / was / is (not) (been) and something done to a child
  (vocabulary person_participles), said in the passive: "May has not been brought to any of her immunisations"
  (a month is never brought; "May has been busy" and "May has seen a rise in referrals" pass).
- A record word, then "is" and its number: "UCI is 2024-56789", "the UPN is A123..." (patterns.py reads the record
  word with its number straight after it or after "no. is").

Each reads from a cue word found with str.find (Source.at_words) in a bounded window: linear time.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from bot.privacy.lexicon import alternation, lexicon, vocabulary
from bot.privacy.month_names import _pattern as _month_pattern
from bot.privacy.patterns import Source, Span

_CHILD = (r"(?:boy|girl|lad|lass|child|kid|yp|one|baby|toddler|teen|teenager|young\s{1,3}person|little\s{1,3}one|"
          r"youngest|eldest|oldest|middle\s{1,3}one|twin)")
# (each read from its comma, a literal the engine finds fast, and the letters looked for just before it)
_THE_CHILD = re.compile(rf",\s{{0,3}}the\s{{1,3}}(?:[a-z]{{2,12}}\s{{1,3}})?{_CHILD}\s{{1,3}}"
                        r"(?:who|that|whose|with|from|in|at)\b")
_LETTERS = re.compile(r"\b([A-Z]{2,3})(?:\s{1,3}again)?\s{0,2}$")
_ITS = re.compile(r"\b(?:it['’]?s|is\s{1,3}it)\s{1,3}$", re.IGNORECASE)
_APPOSED = re.compile(r",\s{0,3}([A-Za-z][a-z'’\-]{1,20})\s{0,2},\s{0,3}"
                      r"(?:has|had|is|was|said|says|told|came|went|got|keeps|hasn['’]?t|isn['’]?t|wasn['’]?t)\b")
_CHILD_BEFORE = re.compile(rf"\b(?:the|her|his|their)\s{{1,3}}(?:(?:little|big|older|younger|new)\s{{1,3}})?{_CHILD}"
                           r"\s{0,2}$", re.IGNORECASE)
_ASIDE = re.compile(r"(?:\(\s{0,2}|[,\-–]\s{0,3})(?:(?:yes|yeah|yep|and|honestly)\s{0,2},?\s{1,3})?"
                    r"(?:that['’]?s|that\s{1,3}is|it['’]?s|its)\s{1,3}(?:(?:genuinely|really|actually|honestly|truly)"
                    r"\s{1,3})?(?:his|her|their)\s{1,3}(?:(?:real|actual|genuine|legal|full|proper)\s{1,3})?name\b",
                    re.IGNORECASE)
_WORD_BEFORE = re.compile(r"([A-Za-z][a-z'’\-]{1,20})\s{1,3}$")
_RECORD_IS = re.compile(r"\b(?:uci|upn|uln|urn|pnc)\s{1,3}(?:(?:no|number)\.?\s{1,3})?(?:is|was|=)\s{0,3}[:#]?\s{0,2}"
                        r"[a-z]{0,4}-?\d{3,14}(?:[/\-]\d{1,8}){0,3}\b", re.IGNORECASE)
_SMALL = frozenset({"the", "a", "an", "and", "or", "but", "so", "to", "of", "in", "on", "at", "is", "was", "his", "her",
                    "their", "my", "our", "your", "this", "that", "it", "its", "he", "she", "they", "we", "i", "you",
                    "name", "names", "called", "with", "for", "from", "by", "who", "which", "whom"})


@functools.cache
def _month_opening() -> re.Pattern[str]:
    v = vocabulary()
    firsts = _month_pattern()[1]
    return re.compile(rf"((?:{alternation(firsts)}))\s{{1,3}}"
                      r"(?:(?:has|had|hasn['’]?t|hadn['’]?t)(?:\s{1,3}(?:not|never))?\s{1,3}been"
                      r"|(?:was|is|wasn['’]?t|isn['’]?t)(?:\s{1,3}(?:not|never))?(?:\s{1,3}(?:being|been))?)\s{1,3}"
                      rf"(?:{alternation(v.person_participles)})\b", re.IGNORECASE)


def named_aside_spans(src: Source, words: frozenset[str]) -> Iterator[Span]:
    text, v = src.text, vocabulary()
    if "," in text and not words.isdisjoint(_OWNERS):
        acronyms = v.acronyms
        for m in _THE_CHILD.finditer(text) if _PAIR.search(text) else ():
            letters = _LETTERS.search(text, max(0, m.start() - 12), m.start())
            if letters is None or any(c.isdigit() for c in text[max(0, letters.start() - 3):letters.start()]):
                continue  # (a plate's or a code's letters: "reg R456 DKL, the lad who")
            if letters.group(1).lower() not in acronyms or _ITS.search(text, max(0, letters.start() - 8),
                                                                       letters.start()):
                yield "initials", letters.start(1), letters.end(1)
        lex = lexicon()
        relatives = v.person_relations | v.family_nouns
        for m in _APPOSED.finditer(text):
            w = m.group(1).lower()
            if (w in v.aside_words or w.endswith("ly") or w in relatives or w in _SMALL or w in v.acronyms
                    or w in lex.places or not _CHILD_BEFORE.search(text, max(0, m.start() - 40), m.start())):
                continue
            yield "name", m.start(1), m.end(1)
    if "name" in words:
        for m in src.finditer(_ASIDE):
            found, lo = [], m.start()
            while len(found) < 3 and (w := _WORD_BEFORE.search(text, max(0, lo - 24), lo)):
                if w.group(1).lower() in _SMALL:
                    break
                found.append(w)
                lo = w.start()
            if found:
                yield "name", found[-1].start(1), found[0].end(1)
    if not words.isdisjoint(_month_pattern()[1]):
        low = src.lower
        for pos in src.word_starts(words & _month_pattern()[1]):
            head = low[max(0, pos - 4):pos].rstrip(" ")
            if not ((pos <= 4 and not head) or head.endswith((".", "!", "?", "\n"))):
                continue  # (not opening its sentence)
            if m := _month_opening().match(low, pos):
                yield "name", m.start(), m.end(1)
    if not words.isdisjoint({"uci", "upn", "uln", "urn", "pnc"}):
        yield from (("record_reference", m.start(), m.end())
                    for m in src.at_words(_RECORD_IS, words & {"uci", "upn", "uln", "urn", "pnc"}))


_OWNERS = frozenset({"the", "her", "his", "their"})
_CHILD_WORDS = frozenset({"boy", "girl", "lad", "lass", "child", "kid", "yp", "one", "baby", "toddler", "teen",
                          "teenager", "young", "little", "youngest", "eldest", "oldest", "middle", "twin", "big",
                          "older", "younger", "new"})
_PAIR = re.compile(r"[A-Z]{2}")


