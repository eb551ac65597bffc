"""The pattern language of the worry vocabulary (`data/safety/*.yaml`) and its linear-time matcher.

One pattern is tokens separated by spaces: `word`, `prefix*`, `a|b*|@set` alternatives, `slot?` (may be
absent) and `~N` (up to N words of anything). Patterns are indexed on their first slot's words and
prefixes, so matching a message costs time linear in its length (no backtracking regular expressions).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.memo import remembered

_SLOT = re.compile(r"^(~[1-5]|(@?[a-z0-9]+\*?)(\|@?[a-z0-9]+\*?)*\??)$")
_CLAUSE = re.compile(r"[.?!;:\n]+|\s[-\u2013\u2014]+\s")
_SEGMENT = re.compile(r"[.?!;:,\n]+|\s[-\u2013\u2014]+\s")
TOKEN = re.compile(r"[a-z]+|[0-9]+")


def _fold(text: str) -> str:
    # "what % of CP plans": a percent sign is the word, so a figures question reads as one
    return (text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("'", "").replace("&", " and ")
            .replace("%", " percent "))


def clauses(text: str) -> list[list[str]]:
    """Lower-cased word tokens per clause; apostrophes dropped ("didn't" -> "didnt"), "6yo" -> "6", "yo"."""
    return [toks for part in _CLAUSE.split(_fold(text)) if (toks := TOKEN.findall(part))]


def clause_breaks(text: str) -> list[frozenset[int]]:
    """Per clause of `clauses(text)`, the token indices where a comma segment starts: a negator before a comma
    ("a cot with no mattress, dog mess on the floor") does not deny what comes after it."""
    out: list[frozenset[int]] = []
    for part in _CLAUSE.split(_fold(text)):
        starts: set[int] = set()
        n = 0
        for seg in part.split(","):
            toks = TOKEN.findall(seg)
            if toks:
                starts.add(n)
                n += len(toks)
        if n:
            out.append(frozenset(starts))
    return out


def segments(text: str) -> list[list[str]]:
    """Tokens per segment (clauses further split at commas): where a question may open mid-message."""
    return [toks for part in _SEGMENT.split(_fold(text)) if (toks := TOKEN.findall(part))]


def segment_texts(text: str) -> list[str]:
    return _SEGMENT.split(text or "")


def _piece_tokens(piece: str) -> list[str]:
    """A piece's tokens: lower case, straight and curly apostrophes dropped (may be none)."""
    return TOKEN.findall(piece.lower().replace("'", "").replace("\u2019", ""))


def segment_pieces(text: str) -> list[tuple[str, list[str]]]:
    """Each segment that is not blank, as typed and as tokens (`_piece_tokens`): a segment read for what it asks and
    quoted back as it was written."""
    return [(piece, _piece_tokens(piece)) for piece in segment_texts(text) if piece.strip()]


def segment_openings(text: str) -> list[tuple[int, str, list[str]]]:
    """Each segment that is not blank: where it starts in `text`, the separator before it ("?", ",", "" for the first)
    and its tokens, so a message can be cut where a question ends."""
    out: list[tuple[int, str, list[str]]] = []
    start, sep = 0, ""
    for m in [*_SEGMENT.finditer(text or ""), None]:
        end = m.start() if m else len(text or "")
        if (toks := _piece_tokens(text[start:end])) and text[start:end].strip():
            out.append((start, sep, toks))
        if m:
            start, sep = m.end(), m.group(0)
    return out


_JOINED = re.compile(r"\s+(?:and|but|so|or)\s+", re.IGNORECASE)


def joined_pieces(segment: str) -> list[tuple[str, list[str]]]:
    """A segment cut at its joining words ("..., but at what point ... and do i ..."), each piece as typed and as
    tokens: where a second question may open inside one clause."""
    pieces = _JOINED.split(segment)
    return [(piece, _piece_tokens(piece)) for piece in pieces if len(pieces) > 1 and piece.strip()]


def pattern_problem(pattern: str, sets: dict[str, list[str]]) -> str | None:
    """Why a pattern is invalid (named in the validation error), or None."""
    slots = pattern.split()
    if not slots:
        return "empty pattern"
    for i, slot in enumerate(slots):
        if not _SLOT.match(slot):
            return f"bad slot {slot!r}"
        if i == 0 and (slot.startswith("~") or slot.endswith("?")):
            return "the first slot must be a word, a prefix or a set"
        for alt in slot.rstrip("?").split("|"):
            if alt.startswith("@") and alt[1:] not in sets:
                return f"unknown set {alt!r}"
    return None


@dataclass(frozen=True)
class Slot:
    words: frozenset[str] = frozenset()
    prefixes: tuple[str, ...] = ()
    optional: bool = False
    gap: int = 0  # >0: skip 0..gap tokens (a token is accepted in `_match_from`, the one place that asks)


@dataclass(frozen=True)
class Pattern:
    text: str
    slots: tuple[Slot, ...]
    tag: str = ""
    weight: float = 0.0


def _compile_slot(slot: str, sets: dict[str, list[str]]) -> Slot:
    if slot.startswith("~"):
        return Slot(gap=int(slot[1:]))
    optional = slot.endswith("?")
    words: set[str] = set()
    prefixes: list[str] = []
    for alt in slot.rstrip("?").split("|"):
        members = sets[alt[1:]] if alt.startswith("@") else [alt]
        for m in members:
            if m.endswith("*"):
                prefixes.append(m[:-1])
            else:
                words.add(m)
    return Slot(frozenset(words), tuple(prefixes), optional)


def compile_patterns(patterns: list[str], sets: dict[str, list[str]], tag: str = "",
                     weight: float = 0.0) -> list[Pattern]:
    return [Pattern(p, tuple(_compile_slot(s, sets) for s in p.split()), tag, weight) for p in patterns]


def _match_from(slots: tuple[Slot, ...], toks: list[str], i: int, j: int = 0) -> int:
    """End index of a match of `slots[j:]` starting at toks[i], or -1. Branching is bounded by the gaps."""
    if j == len(slots):
        return i
    head = slots[j]
    if head.gap:
        for skip in range(head.gap + 1):
            if i + skip > len(toks):
                break
            end = _match_from(slots, toks, i + skip, j + 1)
            if end >= 0:
                return end
        return -1
    if i < len(toks) and (toks[i] in head.words or toks[i].startswith(head.prefixes)):  # startswith(()) is False
        end = _match_from(slots, toks, i + 1, j + 1)
        if end >= 0:
            return end
    return _match_from(slots, toks, i, j + 1) if head.optional else -1


FOUND_CACHE = 256  # token lists whose matches a matcher keeps (one message's clauses; cleared when full)


class Matcher:
    """Patterns indexed by their first slot's words (and prefixes), matched over a token list."""

    def __init__(self, patterns: list[Pattern]) -> None:
        self._by_word: dict[str, list[Pattern]] = {}
        self._by_prefix: dict[str, list[Pattern]] = {}
        for p in patterns:
            first = p.slots[0]
            for w in first.words:
                self._by_word.setdefault(w, []).append(p)
            for pre in first.prefixes:
                self._by_prefix.setdefault(pre, []).append(p)
        self._prefix_lengths = sorted({len(k) for k in self._by_prefix})
        self._seen: dict[str, tuple[Pattern, ...]] = {}  # token -> candidate patterns (bounded below)
        self._found: dict[tuple[tuple[str, ...], bool], tuple[tuple[Pattern, int, int], ...]] = {}

    def _candidates(self, tok: str) -> tuple[Pattern, ...]:
        hit = self._seen.get(tok)
        if hit is None:
            cands = list(self._by_word.get(tok, ()))
            for n in self._prefix_lengths:
                if n <= len(tok):
                    cands.extend(self._by_prefix.get(tok[:n], ()))
            hit = tuple(cands)
            if len(self._seen) < 50_000:
                self._seen[tok] = hit
        return hit

    def at(self, toks: list[str], i: int) -> bool:
        """Whether any pattern matches starting exactly at toks[i]."""
        return i < len(toks) and any(_match_from(p.slots, toks, i + 1, 1) >= 0 for p in self._candidates(toks[i]))

    def find(self, toks: list[str], start_only: bool = False) -> list[tuple[Pattern, int, int]]:
        """Each match as (pattern, start, end). The detector's readings match the same clause with the same list
        several times over: a message's results are kept (a few hundred token lists, then forgotten)."""
        return list(remembered(self._found, (tuple(toks), start_only), FOUND_CACHE,
                               lambda: tuple(self._find(toks, start_only))))

    def _find(self, toks: list[str], start_only: bool) -> list[tuple[Pattern, int, int]]:
        out: list[tuple[Pattern, int, int]] = []
        seen = self._seen
        for i, tok in enumerate(toks[:1] if start_only else toks):
            cands = seen.get(tok)  # most tokens start no pattern: their empty tuple is a dict look-up away
            for p in self._candidates(tok) if cands is None else cands:
                end = _match_from(p.slots, toks, i + 1, 1)
                if end >= 0:
                    out.append((p, i, end))
        return out

    def any(self, parts: list[list[str]]) -> bool:
        return any(self.find(toks) for toks in parts)

    def spans(self, toks: list[str]) -> list[tuple[int, int]]:
        """Where each match starts and ends."""
        return [(i, end) for _p, i, end in self.find(toks)]

    def outside(self, toks: list[str], spans: list[tuple[int, int]]) -> bool:
        """Whether a match lies outside every span (a number that names no child, a topic's name)."""
        return any(not any(a <= i and e <= b for a, b in spans) for _p, i, e in self.find(toks))


def matcher(patterns: list[str], sets: dict[str, list[str]], tag: str = "", weight: float = 0.0) -> Matcher:
    """One list of a data file's patterns, compiled and indexed."""
    return Matcher(compile_patterns(patterns, sets, tag, weight))
