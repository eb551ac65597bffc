"""People's names, family surnames and bare initials, found word by word with context.

A word in the first-name or surname list that is not an ordinary English word, place or practice term
("kayla", "Nowak") counts anywhere. A name that is also a word ("grace", "hope", "will", "summer") counts only in
a name position: after a relationship word ("his sister grace"), before a possessive and relation ("faith's
nan"), as the subject that starts a clause ("if grace is..."), after a verb of contact ("saw amber on..."),
or capitalised mid-sentence. Words in no list count in the strongest of those positions (a new name is still a
name). One pass over the words: linear in the length of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache

from bot.privacy.lexicon import Lexicon, fold, lexicon
from bot.privacy.patterns import URL, Span

TOKEN = re.compile(r"[^\W\d_]{1,40}(?:['’\-][^\W\d_]{1,40}){0,3}['’]?")
_PREFIXES = frozenset({"co", "re", "non", "pre", "post", "multi", "anti", "self", "sub", "inter", "cross", "semi",
                       "mid", "over", "under", "ex", "de", "un", "mis", "out", "well", "long", "short", "part", "low",
                       "high", "full", "half", "first", "second", "third", "one", "two"})
# Words in the name lists that are verbs or function words in any sentence ("children were in").
_FUNCTION = frozenset({"were", "are", "be", "been", "being", "am", "is", "was", "has", "have", "had", "do", "does",
                       "did", "not", "can", "could", "would", "should", "must", "shall", "than", "then"})
_SMALL = frozenset({"of", "and", "the", "for", "to", "from", "in", "on", "with", "at", "a", "an", "by", "&"})
_DETERMINERS = frozenset({"the", "a", "an", "this", "these", "those", "our", "their", "his", "her", "its", "my",
                          "your", "some", "any", "every", "no", "each", "another", "other", "such", "what", "which"})
# Contact verbs whose capitalised object is as often a service as a person ("ring Childline").
_ORG_CONTACT = frozenset({"ring", "call", "called", "phoned", "rang", "contacted", "contact", "visited", "visit",
                          "support", "supported", "supporting", "see", "seen", "saw", "chase", "chased", "told"})
_ACRONYM = re.compile(r"[A-Z]{2,8}s?")  # CDOP, CCGs: capitals in no list are an organisation, not a person
_QUOTES = "'\"‘’“”"
_CLAUSE_PUNCT = frozenset(".,;:!?()[]-–—\n\"")
_SENTENCE_PUNCT = frozenset(".!?:;\n-–—•*")
_PHRASE_PUNCT = frozenset(".,;:!?()")
_STOP_PUNCT = frozenset(".;:!?")
_END_PUNCT = frozenset(".;!?")


class Tok:
    """One word and its surroundings; built only for words that could be a name, initials or a surname."""

    __slots__ = ("after", "before", "end", "norm", "possessive", "raw", "start")

    def __init__(self, text: str, spans: list[tuple[int, int]], norms: list[str], i: int) -> None:
        a, b = spans[i]
        self.raw, self.start, self.end = text[a:b], a, b
        norm = norms[i]
        self.possessive = norm.endswith(("'s", "'"))
        self.norm = _base(norm)
        self.before = text[spans[i - 1][1]:a] if i else (text[max(0, a - 3):a] if a else "^")
        self.after = text[b:spans[i + 1][0]] if i + 1 < len(spans) else (text[b:b + 3] or "$")

    @property
    def cap(self) -> bool:
        return self.raw[:1].isupper()

    @property
    def upper(self) -> bool:
        return self.raw.replace("-", "").replace("'", "").isupper()


class _Toks:
    """Words built on first use, so a detector that stops early pays only for the words it looked at."""

    def __init__(self, text: str, spans: list[tuple[int, int]], norms: list[str]) -> None:
        self.text, self.spans, self.norms = text, spans, norms
        self.built: dict[int, Tok] = {}

    def __len__(self) -> int:
        return len(self.spans)

    def __getitem__(self, i: int) -> Tok | None:
        if not 0 <= i < len(self.spans):
            return None
        tok = self.built.get(i)
        if tok is None:
            tok = self.built[i] = Tok(self.text, self.spans, self.norms, i)
        return tok


def _norm(raw: str) -> str:
    return raw.lower() if raw.isascii() else fold(raw)


def _base(norm: str) -> str:
    return norm[:-2] if norm.endswith("'s") else norm.rstrip("'")


def _clause_start(tok: Tok, prev: Tok | None, lex: Lexicon) -> bool:
    if prev is None:
        return True
    if not _CLAUSE_PUNCT.isdisjoint(tok.before) or tok.before == "^":
        return True
    return prev.norm in lex.vocab.clause_openers


def _sentence_start(tok: Tok, prev: Tok | None) -> bool:
    return prev is None or not _SENTENCE_PUNCT.isdisjoint(tok.before) or tok.before.strip() in ("(", "\"", "'")


class _Classifier:
    """What kind of word a word is; answers are remembered (a message repeats its words)."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        v = lex.vocab
        self.stop = lex.english | v.not_names | v.acronyms | v.titles | v.role_words | _DETERMINERS
        self.known = lru_cache(maxsize=50_000)(self._known)  # type: ignore[method-assign]
        self.common = lru_cache(maxsize=50_000)(self._common)  # type: ignore[method-assign]

    def _known(self, word: str) -> bool:
        """In a name list, or a proper noun that is not a place (either part of a hyphenated name counts)."""
        parts = [p for p in word.split("-") if p]
        if len(parts) > 1 and parts[0] in _PREFIXES:
            return False
        lex = self.lex
        return any(p in lex.first_names or p in lex.surnames or (p in lex.proper_nouns and p not in lex.places)
                   for p in parts)

    def _common(self, word: str) -> bool:
        """An ordinary word, place or practice term: a name only in a name position."""
        parts = [p for p in word.split("-") if p]
        if len(parts) > 1 and (word.replace("-", "") in self.stop or parts[0] in _PREFIXES):
            return True  # co-ordinate, multi-agency, self-harm
        return all(p in self.stop or p in self.lex.places or p in self.lex.proper_nouns for p in parts)

    def place(self, word: str) -> bool:
        """A place or other proper noun (Upton, London, Poland): capitalised mid-sentence is no sign of a person."""
        return word in self.lex.places and word not in self.lex.english

    def term(self, word: str) -> bool:
        return word in self.lex.vocab.not_names or word in self.lex.vocab.acronyms


def _name_spans(toks: _Toks, cands: list[int], lex: Lexicon, c: _Classifier) -> Iterator[Span]:
    v = lex.vocab
    for i in cands:
        t = toks[i]
        if t is None:
            continue
        prev = toks[i - 1] if i else None
        w = t.norm
        titled = prev is not None and prev.norm in v.titles
        if len(w) < 2 or w in _FUNCTION or ((c.term(w) or w in v.role_words) and not (t.cap and titled)):
            continue
        if t.upper and len(w) <= 3:
            continue  # initials are judged separately
        known, common = c.known(w), c.common(w)
        if common and not known and not titled:
            continue  # an ordinary word that is in no name list
        if titled and (t.cap or not common):
            yield "name", t.start, t.end
            continue
        prev2 = toks[i - 2] if i > 1 else None
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        nn = nxt.norm if nxt and _PHRASE_PUNCT.isdisjoint(t.after) else ""
        place = c.place(w)
        after_role = (prev is not None and prev.norm in v.role_words and not prev.possessive
                      and _END_PUNCT.isdisjoint(t.before))
        verb_next = nn in v.verbs_after or t.after.startswith(("'s ", "’s "))
        ing_next = len(nn) > 4 and nn.endswith("ing")
        end_next = nxt is None or not _PHRASE_PUNCT.isdisjoint(t.after) or nn in v.after_contact
        relation_next = t.possessive and nxt is not None and nxt.norm in v.relation_after_possessive
        contact = prev is not None and (prev.norm in v.contact_verbs or (
            prev2 is not None and prev2.norm in v.contact_verbs and prev.norm in ("to", "with")))
        clause = _clause_start(t, prev, lex) and not (prev is not None and prev.norm in _DETERMINERS)
        mid_cap = t.cap and not t.upper and not _sentence_start(t, prev)
        determiner_before = prev is not None and prev.norm in _DETERMINERS and not t.before.strip()
        if determiner_before or (w in v.org_words and t.cap):
            continue
        elif known and not common:
            # not 'Leighton Hospital', not 'the Halliwell Jones stadium'
            if not (nxt is not None and nxt.norm in v.org_words and not t.after.strip()
                    and (nxt.cap or (prev is not None and prev.cap and not t.before.strip(" ")))):
                yield "name", t.start, t.end
        elif known:  # a name that is also a word, place or term: only in a name position
            first = w in lex.first_names
            if ((after_role and (t.cap or verb_next or ing_next or end_next or t.possessive))
                    or (t.possessive and not place and w in lex.first_names)
                    or (t.possessive and relation_next and not place)
                    or (first and clause and verb_next and not t.possessive and (not place or nn in v.person_verbs))
                    or (first and contact and end_next and not place)
                    or (first and not place and _with_relative(i, toks, lex))
                    or (mid_cap and not place and not _in_title_phrase(i, toks, c, lex))):
                yield "name", t.start, t.end
        elif not common and not _ACRONYM.fullmatch(t.raw) and (w.isalpha() or "-" in w) and (  # in no list
                (after_role and (t.cap or verb_next or ing_next or end_next))
                or relation_next
                # "chidi's been excluded": a word in no list, owning or being (not "SCiE's", an organisation)
                or (t.possessive and sum(ch.isupper() for ch in t.raw) <= 1)
                or (contact and end_next and not (t.cap and prev is not None and prev.norm in _ORG_CONTACT))
                or (prev is not None and prev.norm in ("about", "with") and end_next and not t.cap)
                or (clause and verb_next and not t.possessive)
                or (mid_cap and _capitalised_neighbour(i, toks, c))):
            yield "name", t.start, t.end


def _with_relative(i: int, toks: _Toks, lex: Lexicon) -> bool:
    """'summer and her mum', 'will and his nan': a first name joined to a relative."""
    words = [toks[j] for j in range(i + 1, min(len(toks), i + 4))]
    return (len(words) == 3 and all(w is not None for w in words) and words[0].norm == "and"  # type: ignore[union-attr]
            and words[1].norm in ("his", "her", "their")  # type: ignore[union-attr]
            and words[2].norm in lex.vocab.relation_after_possessive)  # type: ignore[union-attr]


def _in_title_phrase(i: int, toks: _Toks, c: _Classifier, lex: Lexicon) -> bool:
    """'Hope House', 'Victim Support': a capitalised word beside a capitalised ordinary word or org word."""
    for o, between in _neighbours(i, toks):
        ordinary = o.norm in lex.vocab.org_words or (c.common(o.norm) and not c.known(o.norm))
        if o.cap and not between.strip() and ordinary:
            return True
    # "Plan to Protect from Harm": a capitalised ordinary word a few small words before.
    for j in range(i - 1, max(-1, i - 4), -1):
        o = toks[j]
        if o is None or (not o.cap and o.norm not in _SMALL) or not _STOP_PUNCT.isdisjoint(o.after):
            return False
        if o.cap and o.norm not in _SMALL:
            return c.common(o.norm) and not c.known(o.norm)
    return False


def _neighbours(i: int, toks: _Toks) -> Iterator[tuple[Tok, str]]:
    """The words either side of word i, with the characters between."""
    t = toks[i]
    for j in (i - 1, i + 1):
        o = toks[j] if 0 <= j < len(toks) else None
        if t is not None and o is not None:
            yield o, t.before if j < i else t.after


def _capitalised_neighbour(i: int, toks: _Toks, c: _Classifier) -> bool:
    """Two capitalised words, neither an ordinary word: a full name ('Kasia Wiśniewska')."""
    return any(o.cap and not o.upper and not between.strip() and not c.common(o.norm)
               for o, between in _neighbours(i, toks))


def _family_spans(toks: _Toks, cands: list[int], lex: Lexicon, c: _Classifier) -> Iterator[Span]:
    v = lex.vocab
    for i in cands:
        t = toks[i]
        if t is None:
            continue
        prev = toks[i - 1] if i else None
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        w = t.norm
        if len(w) < 3 or c.term(w) or (t.upper and len(w) <= 5):
            continue
        # "the Nowaks", "the Rahmans' flat": a capitalised plural after "the".
        if prev is not None and prev.norm == "the" and t.cap and w.endswith("s"):
            stem = w[:-2] if w.endswith("es") and w[:-2] in lex.surnames else w[:-1]
            if (stem in lex.surnames or not c.common(stem)) and not c.common(w) and stem not in v.not_names:
                yield "family_name", t.start, t.end
                continue
        # "the Walsh family", "the hughes kids", "five Ahmed children".
        if nxt is None or nxt.norm not in v.family_nouns or t.after.strip(" "):
            continue
        odd_word = (c.known(w) or not c.common(w) or w in lex.places) and w not in v.not_names \
            and w not in v.local_places and w not in lex.english and (t.cap or not w.endswith(("ing", "ed", "ly")))
        the_surname = t.cap and w in lex.surnames and w not in lex.places and prev is not None and prev.norm == "the"
        if odd_word or the_surname:
            yield "family_name", t.start, t.end


def _initial_spans(toks: _Toks, cands: list[int], lex: Lexicon) -> Iterator[Span]:
    v = lex.vocab
    for i in cands:
        t = toks[i]
        if t is None:
            continue
        prev = toks[i - 1] if i else None
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        raw = t.raw[:-2] if t.raw.endswith(("'s", "’s")) else t.raw.rstrip("'’")
        letters = raw.replace("-", "")
        if not letters.isalpha() or not letters.isupper() or len(letters) > 4:
            continue
        quoted = t.before[-1:] in _QUOTES and t.after[:1] in _QUOTES
        after_role = prev is not None and prev.norm in v.initial_roles and _END_PUNCT.isdisjoint(t.before)
        if len(letters) == 1:
            if raw != "I" and (after_role or quoted):
                yield "initials", t.start, t.end
            continue
        if t.norm in v.acronyms or raw.lower() in v.acronyms:
            continue
        cue = (after_role or quoted or "-" in raw or t.possessive or t.after.lstrip().startswith("(")
               or (nxt is not None and nxt.norm in v.verbs_after and _STOP_PUNCT.isdisjoint(t.after))
               or t.before.rstrip().endswith("("))
        if cue and len(letters) <= 3 and not _defines(i, letters, toks):
            yield "initials", t.start, t.end


def _defines(i: int, letters: str, toks: _Toks) -> bool:
    """'Safeguarding Practice Group (SPG)': capitals in brackets spelling the words before them are an acronym."""
    t = toks[i]
    if t is None or not t.before.rstrip().endswith("("):
        return False
    firsts = []
    for j in range(i - 1, max(-1, i - 8), -1):
        o = toks[j]
        if o is None or len(firsts) == len(letters):
            break
        if o.norm not in _SMALL:
            firsts.append(o.raw[0].upper())
    return "".join(reversed(firsts)) == letters.upper()


def name_detectors(text: str) -> list[Iterator[Span]]:
    """Lazy detectors of names, family surnames and initials. Only words that could be one (in a name list, in
    no word list, short capitals, after a title or "the") are looked at closely: an ordinary word costs a few
    set lookups, so screening stays linear and cheap."""
    lex = lexicon()
    text = URL.sub(lambda m: " " * len(m.group(0)), text)  # a link's words are not names (same offsets)
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters change length in lower case: look up word by word
        lowered = text
    matches = list(TOKEN.finditer(lowered))
    spans = [m.span() for m in matches]
    norms = [m.group() for m in matches]
    if not lowered.isascii():
        norms = [w if w.isascii() else fold(text[a:b]) for w, (a, b) in zip(norms, spans, strict=True)]
    if lowered is text:
        norms = [fold(w) for w in norms]
    bases = [_base(x) if "'" in x else x for x in norms]
    n = len(spans)
    names, ordinary, openers = _cues()
    # Ordinary words are most words: one set difference leaves the few to look at (names, words in no list).
    odd = set(bases).difference(ordinary) | (names.intersection(bases))
    cand = {i for i, b in enumerate(bases) if b in odd
            and (b in names or "-" not in b or _hyphenated_candidate(b, names, ordinary))}
    if not openers.isdisjoint(bases):
        cand.update(i + 1 for i, b in enumerate(bases) if b in openers)
    shorts = [i for i, (a, b) in enumerate(spans) if b - a <= 8 and text[a].isupper()
              and text[a:b].removesuffix("'s").removesuffix("’s").replace("-", "").isupper()]
    cand.update(shorts)
    phrases = _place_phrases()
    if not phrases.keys().isdisjoint(bases):
        cand.difference_update(j for i in range(n - 1) if bases[i] in phrases and bases[i + 1] in phrases[bases[i]]
                               for j in (i, i + 1))
    cands = sorted(i for i in cand if 0 <= i < n)
    family_nouns = lex.vocab.family_nouns
    families = sorted({i + 1 for i, b in enumerate(bases) if b == "the" and i + 1 < n
                       and text[spans[i + 1][0]].isupper()}
                      | {i - 1 for i, b in enumerate(bases) if i and b in family_nouns})
    toks = _Toks(text, spans, norms)
    c = _classifier()
    return [_name_spans(toks, cands, lex, c), _family_spans(toks, families, lex, c), _initial_spans(toks, shorts, lex)]


@cache
def _cues() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Name-list words; ordinary words (a name only in a name position); titles (any word after one is looked at)."""
    lex = lexicon()
    v = lex.vocab
    c = _classifier()
    return (lex.first_names | lex.surnames | (lex.proper_nouns - lex.places),
            c.stop | lex.places | lex.proper_nouns,
            v.titles)


def _hyphenated_candidate(word: str, names: frozenset[str], ordinary: frozenset[str]) -> bool:
    """'lily-mae', 'okafor-williams' yes; 'x-x-x', 'step-down' no."""
    parts = [p for p in word.split("-") if p]
    return any(p in names or p not in ordinary for p in parts)


@cache
def _place_phrases() -> dict[str, frozenset[str]]:
    """Two-word place names ('west kirby', 'great sankey'): first word -> second words."""
    out: dict[str, set[str]] = {}
    for place in lexicon().place_names:
        parts = place.split()
        if len(parts) >= 2:
            out.setdefault(parts[0], set()).add(parts[1])
    return {k: frozenset(v) for k, v in out.items()}


@cache
def _classifier() -> _Classifier:
    return _Classifier(lexicon())
