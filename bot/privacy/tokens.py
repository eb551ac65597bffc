"""Words of a message and what kind of word each is, shared by the name, surname and initials detectors.

One tokenisation pass (TOKEN over a lower-case copy); a Tok is built only for words a detector looks at closely,
and the word classes are cached because a message repeats its words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import cache, lru_cache
from itertools import compress

from bot.privacy.lexicon import Lexicon, fold, lexicon

TOKEN = re.compile(r"[^\W\d_]{1,40}(?:['’\-][^\W\d_]{1,40}){0,3}['’]?")
# TOKEN on lower-case text whose letters are all ASCII (curly apostrophes and dashes may be there): the same words,
# found with a class the regex engine tests several times faster than TOKEN's Unicode one.
TOKEN_ASCII = re.compile(r"[a-z]{1,40}(?:['’\-][a-z]{1,40}){0,3}['’]?")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def word_pattern(lowered: str) -> re.Pattern[str]:
    """TOKEN_ASCII when every letter of the lower-case text is ASCII, else TOKEN."""
    if lowered.isascii() or not any(c.isalpha() for c in set(_NON_ASCII.findall(lowered))):
        return TOKEN_ASCII
    return TOKEN
# Endings of English words (and what to put back) that SCOWL's list does not always spell out.
_ENDINGS = (("s", ""), ("es", ""), ("ers", ""), ("ers", "e"), ("ors", ""), ("ies", "y"), ("ied", "y"), ("ed", ""),
            ("ed", "e"), ("ing", ""), ("ing", "e"), ("ly", ""), ("ness", ""), ("ment", ""), ("ments", ""),
            ("isation", "ise"), ("isations", "ise"), ("ation", "e"), ("er", ""), ("er", "e"))
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

    __slots__ = ("after", "before", "cap", "end", "norm", "possessive", "raw", "start")

    def __init__(self, text: str, spans: list[tuple[int, int]], norms: list[str], i: int) -> None:
        a, b = spans[i]
        self.raw, self.start, self.end = text[a:b], a, b
        self.cap = text[a].isupper()  # (an attribute, not a property: asked of most words several times)
        norm = norms[i]
        if "'" in norm:
            # "the ‘deepdive’ focus", "'significant harm'": a closing quote is no possessive; "the Nowaks'" (an s) is
            self.possessive = norm.endswith("'s") or (norm.endswith("s'") and text[a - 1:a] not in ("'", "‘"))
            self.norm = _base(norm)
        else:  # most words (a Tok is built tens of thousands of times a long message)
            self.possessive, self.norm = False, norm
        self.before = text[spans[i - 1][1]:a] if i else (text[max(0, a - 3):a] if a else "^")
        self.after = text[b:spans[i + 1][0]] if i + 1 < len(spans) else (text[b:b + 3] or "$")

    @property
    def upper(self) -> bool:
        return self.raw.replace("-", "").replace("'", "").isupper()


class Toks(dict[int, "Tok | None"]):
    """Words built on first use, so a detector that stops early pays only for the words it looked at. A dict of
    word index to Tok (None past either end), so that a word already built is found by the dict's own lookup, in C:
    the detectors ask for words tens of thousands of times a message."""

    def __init__(self, text: str, spans: list[tuple[int, int]], norms: list[str]) -> None:
        super().__init__()
        self.text, self.spans, self.norms = text, spans, norms
        self.n = len(spans)

    def __len__(self) -> int:
        return self.n

    def __missing__(self, i: int) -> Tok | None:
        tok = self[i] = Tok(self.text, self.spans, self.norms, i) if 0 <= i < self.n else None
        return tok

    def context(self, i: int, before: int, after: int) -> tuple[str, int, bool, bool]:
        """What words i - before to i + after are read from: their characters with the gaps between and around them
        (to either end of the message when they reach it), where word i is among them, and whether they reach the
        start or the end. Two words with equal contexts read alike to any test that reads no further."""
        spans, lo, hi = self.spans, i - before, i + after
        start = spans[lo - 1][1] if lo > 0 else 0
        end = spans[hi + 1][0] if hi + 1 < self.n else len(self.text)
        return self.text[start:end], i - max(lo, 0), lo <= 0, hi + 1 >= self.n

    def keyed(self, cands: Iterable[int]) -> Iterator[tuple[int, object]]:
        """Each candidate in range with its context (Toks.context, READ_BEFORE and READ_AFTER words); for a word
        that far from both ends of the message, its characters alone (the rest of the context is then the same)."""
        for block, keys in self.blocks(cands):
            yield from zip(block, keys, strict=True)

    def blocks(self, cands: Iterable[int]) -> Iterator[tuple[list[int], list[object]]]:
        """The candidates in range, a block at a time, each block with its words' keys (as keyed gives them), so that a
        reader can answer a whole block from memory in C (a message of 20,000 one-letter words has 20,000 candidates).
        Blocks double from 16 to 256 words: a detector that stops at its first find has sliced few words past it."""
        n = self.n
        todo = cands if isinstance(cands, list) else list(cands)
        if todo and (min(todo) < 0 or max(todo) >= n):
            todo = [i for i in todo if 0 <= i < n]
        k, size = 0, 16
        while k < len(todo):
            block = todo[k:k + size]
            k, size = k + size, min(size * 2, 256)
            yield block, self.contexts(block)

    def contexts(self, block: list[int]) -> list[object]:
        """The keys of a block of words in range, as keyed gives them (what every memo of words is keyed by; sliced
        word by word: slicing by map in C measured slower)."""
        text, n, before, after, spans = self.text, self.n, READ_BEFORE, READ_AFTER, self.spans
        return [text[spans[i - before - 1][1]:spans[i + after + 1][0]] if i - before > 0 and i + after + 1 < n
                else self.context(i, before, after) for i in block]

    def key(self, i: int) -> object:
        """Word i's context as keyed gives it (sliced here: asked once per name found, thousands of times a message)."""
        if i - READ_BEFORE > 0 and i + READ_AFTER + 1 < self.n:
            return self.text[self.spans[i - READ_BEFORE - 1][1]:self.spans[i + READ_AFTER + 1][0]]
        return self.contexts([i])[0]

    def fill(self) -> None:
        """Build every word now, as Tok.__init__ would one at a time but with the gaps between words sliced once
        and no lookup per word: about half the cost, worth it when most words will be asked for (a list of names)."""
        text, spans, norms = self.text, self.spans, self.norms
        if not spans:
            return
        ends = [b for _, b in spans]
        gaps = [text[b:a] for b, (a, _) in zip(ends, spans[1:], strict=False)]
        first, last = spans[0][0], ends[-1]
        befores = [text[max(0, first - 3):first] if first else "^", *gaps]
        afters = [*gaps, text[last:last + 3] or "$"]
        new = Tok.__new__
        for i, (a, b) in enumerate(spans):
            if i in self:
                continue
            tok = self[i] = new(Tok)
            tok.raw, tok.start, tok.end, tok.cap = text[a:b], a, b, text[a].isupper()
            norm = norms[i]
            if "'" in norm:  # (as in Tok.__init__)
                tok.possessive = norm.endswith("'s") or (norm.endswith("s'") and text[a - 1:a] not in ("'", "‘"))
                tok.norm = _base(norm)
            else:
                tok.possessive, tok.norm = False, norm
            tok.before, tok.after = befores[i], afters[i]


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


class Classifier:
    """What kind of word a word is; answers are remembered (a message repeats its words)."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        v = lex.vocab
        self.stop = lex.english | v.not_names | v.acronyms | v.titles | v.role_words | _DETERMINERS
        self.known = lru_cache(maxsize=50_000)(self._known)  # type: ignore[method-assign]
        self.common = lru_cache(maxsize=50_000)(self._common)  # type: ignore[method-assign]

    def _known(self, word: str) -> bool:
        """In a name list (either part of a hyphenated name counts). Other proper nouns (British, Skype) are not."""
        parts = [p for p in word.split("-") if p]
        if len(parts) > 1 and parts[0] in _PREFIXES:
            return False
        lex = self.lex
        # a letter and a word ("B-block", "C-wing", "A-level", "U-turn"): a building's part or a thing, no name,
        # unless the word is a first name ("J-Lo"; round 44)
        if len(parts) == 2 and 1 in (len(parts[0]), len(parts[1])):
            other = parts[1] if len(parts[0]) == 1 else parts[0]
            if len(other) > 1 and other in lex.english and other not in lex.first_names:
                return False
        return any(p in lex.first_names or p in lex.surnames for p in parts)

    def _common(self, word: str) -> bool:
        """An ordinary word, place or practice term: a name only in a name position."""
        parts = [p for p in word.split("-") if p]
        if len(parts) > 1 and (word.replace("-", "") in self.stop or parts[0] in _PREFIXES):
            return True  # co-ordinate, multi-agency, self-harm
        return all(p in self.stop or p in self.lex.places or p in self.lex.proper_nouns or self._rare(p)
                   or self._inflected(p) for p in parts)

    def _rare(self, word: str) -> bool:
        lex = self.lex
        return word in lex.rare_english and word not in lex.first_names and word not in lex.surnames

    def _inflected(self, word: str) -> bool:
        """'referrers', 'inspectorates', 'stakeholders': an English word with an ending the word list lacks."""
        eng = self.lex.english
        for ending, back in _ENDINGS:
            if word.endswith(ending) and len(word) > len(ending) + 3 and word[: -len(ending)] + back in eng:
                return word not in self.lex.first_names and word not in self.lex.surnames
        return False

    def place(self, word: str) -> bool:
        """A place or other proper noun (Upton, London, Poland): capitalised mid-sentence is no sign of a person."""
        return word in self.lex.vocab.local_places or (word in self.lex.places and word not in self.lex.english)

    def term(self, word: str) -> bool:
        return word in self.lex.vocab.not_names or word in self.lex.vocab.acronyms



# How many words before and after a candidate the word-by-word readers (names.py with the role reader, kin.py) can
# read: a candidate's context (Toks.context) holds all its judgement depends on (tests/privacy/test_screen_memos.py
# checks it against the words they read).
READ_BEFORE, READ_AFTER = 24, 60


def judged(toks: Toks, cands: list[int], judge: Callable[[int, Tok, Tok | None, Tok | None], bool]) -> Iterator[int]:
    """The candidates judge(i, word, word before, word after) says yes to, each distinct context judged once: a long
    message that repeats itself is read once per distinct context, and its words are built only for those. A block
    whose contexts were all judged before is answered by map and compress, in C."""
    memo: dict[object, bool] = {}
    for block, keys in toks.blocks(cands):
        answers = list(map(memo.get, keys))
        if None not in answers:
            yield from compress(block, answers)
            continue
        for i, key, found in zip(block, keys, answers, strict=True):
            if found is None and (found := memo.get(key)) is None:
                found = memo[key] = bool(judge(i, toks[i], toks[i - 1] if i else None, toks[i + 1]))  # type: ignore[arg-type]
            if found:
                yield i


def _neighbours(i: int, toks: Toks) -> Iterator[tuple[Tok, str]]:
    """The words either side of word i, with the characters between."""
    t = toks[i]
    for j in (i - 1, i + 1):
        o = toks[j] if 0 <= j < len(toks) else None
        if t is not None and o is not None:
            yield o, t.before if j < i else t.after


@cache
def classifier() -> Classifier:
    return Classifier(lexicon())
