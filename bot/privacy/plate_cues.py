"""A plate given a few words after its cue, or a cherished plate straight after the vehicle (round 39).

pointers.py reads a British plate by its shape and, after "reg" or "plate", a plate joined straight to the cue;
foreign_plates.py a foreign one straight after the vehicle. Plates are also given later in the clause ("private
plate, AB 1", "number plate that says XYZ 1", "polish plates on the car in the drive, b 123 xyz") and personalised
ones in any grouping ("the range rover AB 1C"). Read here:
- after "plate(s)", "reg" or "registration", in the 50 characters before the clause ends: letters and digits in
  one to seven groups (each up to five characters, one space or hyphen between), holding both a letter and a
  digit. In capitals as typed; in lower case only with three digits or more (not "reg 28 of the act", "by 11am"),
  no letters-only group an English word, no clock time, ordinal or age;
- straight after a vehicle word or make: capitals in two groups or more, with a letter and a digit ("the van
  AB 1C"; not a model, "Audi A3").
A bounded window per cue: linear time.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from itertools import islice

from bot.privacy.digit_runs import digit_runs
from bot.privacy.lexicon import alternation, lexicon, vocabulary
from bot.privacy.patterns import Source, Span
from bot.privacy.source import MANY_CUES

_AHEAD = 50
_PLATE_CUES = frozenset({"plate", "plates", "reg", "registration"})
_CUE = re.compile(r"\b(?:plates?|reg|registration)\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[.!?;\n](?:\s|$)|[()\[\]]")
_GROUP = re.compile(r"[A-Za-z0-9&]{1,5}")
_NOT_PLATE_GROUP = re.compile(r"\d{1,2}(?:am|pm|st|nd|rd|th|yo|yrs?|s)|\d+(?:mph|kg|km|cm|mm|m)", re.IGNORECASE)
_MAX_GROUPS = 7
_MOST = 4 * MANY_CUES  # (past this many plate cues a message is no one note)
_GAP = re.compile(r"[\s\"'‘“]{1,3}")


@functools.cache
def _vehicle_cue() -> tuple[re.Pattern[str], frozenset[str]]:
    v = vocabulary()
    words = (v.vehicle_words | v.vehicle_makes) - {"estate", "partner", "focus", "discovery", "smart", "seat"}
    return (re.compile(rf"\b(?:{alternation(words)})\b", re.IGNORECASE),
            frozenset(w.split()[0] for w in words))


def _runs(text: str, a: int, b: int) -> Iterator[list[re.Match[str]]]:
    """Runs of letter-and-digit groups in text[a:b], one space or hyphen between groups."""
    run: list[re.Match[str]] = []
    for g in _GROUP.finditer(text, a, b):
        if run and (text[run[-1].end():g.start()] not in (" ", "-") or len(run) == _MAX_GROUPS):
            yield run
            run = []
        if (g.end() < len(text) and (text[g.end()].isalnum() or text[g.end()] == "_")) or (
                g.start() and text[g.start() - 1].isalnum()):
            if run:  # a longer word cut by the group's length: no plate, and the run ends
                yield run
            run = []
            continue
        run.append(g)
    if run:
        yield run


def _plate(groups: list[str], *, lower_ok: bool, min_groups: int = 1) -> bool:
    joined = "".join(groups).replace("&", "")
    if len(groups) < min_groups or not 3 <= len(joined) <= 8:
        return False
    digits = sum(ch.isdigit() for ch in joined)
    if not digits or digits == len(joined):
        return False
    if any(_NOT_PLATE_GROUP.fullmatch(g) for g in groups):
        return False
    if joined.isupper() or not any(ch.islower() for ch in joined):
        return any(ch.isalpha() for ch in joined)
    # typed a character at a time ("k-m-1-8-z-t-r", "y r 7 0 k l p": the screen's folding joins "k l p"), round 47
    spelt = sum(len(g) == 1 for g in groups) >= 4
    if not lower_ok or digits < (2 if spelt else 3) or not joined.islower():
        return False
    lex = lexicon()
    return not any(g.isalpha() and len(g) > 1 and (g in lex.english or g in lex.vocab.acronyms) for g in groups)


def _cut(text: str, run: list[re.Match[str]], i: int, j: int) -> bool:
    """run[i:j] is joined by a hyphen to the group before or after it."""
    return (j < len(run) and text[run[j - 1].end():run[j].start()] == "-") or (
        i > 0 and text[run[i - 1].end():run[i].start()] == "-")


def _first_plate(text: str, a: int, b: int, *, lower_ok: bool, min_groups: int = 1,
                 first_only: bool = False) -> tuple[int, int] | None:
    for run in _runs(text, a, b):
        # the longest plate starting at each group, tried left to right
        for i in range(len(run)):
            for j in range(len(run), i, -1):
                if _cut(text, run, i, j) and not all(g.end() - g.start() == 1 for g in run):
                    continue  # part of a longer hyphenated code ("CR-2026-007"): no plate
                if _plate([g.group() for g in run[i:j]], lower_ok=lower_ok, min_groups=min_groups):
                    return run[i].start(), run[j - 1].end()
            if first_only:
                return None
        if first_only:
            return None
    return None


def cued_plate_spans(src: Source, words: frozenset[str], digits: bool) -> Iterator[Span]:
    if not digits:
        return
    text = src.text
    if not words.isdisjoint(_PLATE_CUES):
        seen: dict[str, tuple[int, int] | None] = {}  # each distinct window read once (its offsets from its start)
        for m in islice(src.at_words(_CUE, words & _PLATE_CUES), _MOST):
            end = min(len(text), m.end() + _AHEAD)
            stop = _CLAUSE_END.search(text, m.end(), end)
            end = stop.start() if stop else end
            key = text[m.end() - 1:end + 1]
            if key not in seen:
                got = _first_plate(text, m.end(), end, lower_ok=True)
                seen[key] = None if got is None else (got[0] - m.end(), got[1] - m.end())
            if (off := seen[key]) is not None:
                yield "vehicle", m.end() + off[0], m.end() + off[1]
    cue, gate = _vehicle_cue()
    if not words.isdisjoint(gate):
        for m in islice(src.at_words(cue, words & gate), _MOST):
            gap = _GAP.match(text, m.end())
            if gap and (found := _first_plate(text, gap.end(), min(len(text), gap.end() + 12), lower_ok=False,
                                              min_groups=2, first_only=True)):
                yield "vehicle", *found


def before_digit_runs(src: Source) -> Iterator[int]:
    """Where pointers.LOWER_PLATE (a plate in lower case) can start, in order: one to three characters before a run of
    digits (its letters and a space come first), so the engine is not asked to try it at every character."""
    last = -1
    for d in digit_runs(src):
        for start in (d - 3, d - 2, d - 1):
            if start > last:
                last = start
                yield start

