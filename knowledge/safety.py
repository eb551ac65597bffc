"""Spotting a worry about a child's safety, so the answer can lead with 999 and the front door.

Practitioners rarely write "abuse" or "risk": they write "dad whacked him", "hasn't come home",
"mum turned up drunk". The vocabulary (cues per category, who a message is about, signs of a real
situation, question forms that read as procedural) lives in `knowledge/data/safety/worry.yaml`,
validated here; the scoring is small and general:

    best cue + further cues + anchor (a person) + situation signs - procedural frames >= threshold

Matching is over word tokens with an index on each pattern's first word, so the cost is linear in
the length of the message (no regular expression with backtracking is involved).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from knowledge.safety_model import WorryModel, get_model

LEXICON_PATH = Path(__file__).resolve().parent / "data" / "safety" / "worry.yaml"
SAFETY_LEAD = ":rotating_light: *If a child is in immediate danger, call 999 now.*"

_SLOT = re.compile(r"^(~[1-5]|(@?[a-z0-9]+\*?)(\|@?[a-z0-9]+\*?)*\??)$")


# -- the data file -------------------------------------------------------------------------------


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Frame(_Strict):
    pattern: str
    weight: float = Field(gt=0)


class Frames(_Strict):
    start: list[Frame] = Field(default_factory=list)
    anywhere: list[Frame] = Field(default_factory=list)


class Category(_Strict):
    label: str = Field(min_length=3)
    cues: dict[int, list[str]]

    @field_validator("cues")
    @classmethod
    def _weights(cls, v: dict[int, list[str]]) -> dict[int, list[str]]:
        if not v or any(w not in (1, 2, 3) for w in v):
            raise ValueError("cue weights are 1, 2 or 3")
        return v


class AllegationRule(_Strict):
    category: str
    staff: list[str] = Field(min_length=1)
    reporter: list[str] = Field(default_factory=list)
    with_: list[str] = Field(alias="with", min_length=1)
    weight: float = Field(gt=0)


class Lexicon(_Strict):
    """The validated contents of worry.yaml."""

    version: int
    threshold: float
    extra_cue_weight: float = Field(ge=0)
    extra_cue_cap: int = Field(ge=0)
    anchor_weight: float = Field(ge=0)
    situation_cap: float = Field(ge=0)
    frame_cap: float = Field(ge=0)
    negation_window: int = Field(ge=0, le=6)
    negators: list[str]
    sets: dict[str, list[str]]
    anchors: list[str]
    model_frame_veto: float = Field(default=3.0, ge=0)  # the backstop stays quiet at this frame weight
    adult_only: list[str] = Field(default_factory=list)  # about an adult (adult safeguarding is out of scope) ...
    child_words: list[str] = Field(default_factory=list)  # ... unless the message also names a child
    specific_weight: float = Field(ge=0)
    specific: list[str] = Field(default_factory=list)
    situation: list[str]
    frames: Frames
    particular: list[str] = Field(default_factory=list)  # "she says", "my pupil": one real child ...
    generic: list[str] = Field(default_factory=list)  # ... unless "a child", "a school" make it a hypothetical
    particular_relief: float = Field(default=0.0, ge=0)  # frames weigh this much less for a particular child
    categories: dict[str, Category]
    precedence: list[str] = Field(default_factory=list)
    allegation: AllegationRule

    @model_validator(mode="after")
    def _patterns_are_valid(self) -> Lexicon:
        problems: list[str] = []
        pats = [("anchors", p) for p in self.anchors] + [("situation", p) for p in self.situation]
        pats += [("specific", p) for p in self.specific]
        pats += [("particular", p) for p in self.particular] + [("generic", p) for p in self.generic]
        pats += [("adult_only", p) for p in self.adult_only] + [("child_words", p) for p in self.child_words]
        pats += [("frames", f.pattern) for f in (*self.frames.start, *self.frames.anywhere)]
        pats += [(f"categories.{n}", p) for n, c in self.categories.items() for ps in c.cues.values() for p in ps]
        pats += [("allegation", p) for p in (*self.allegation.staff, *self.allegation.reporter)]
        for where, p in pats:
            err = _pattern_problem(p, self.sets)
            if err:
                problems.append(f"{where}: {p!r}: {err}")
        for name in (*self.precedence, self.allegation.category, *self.allegation.with_):
            if name not in self.categories:
                problems.append(f"unknown category {name!r}")
        if problems:
            raise ValueError("; ".join(problems))
        return self


def _pattern_problem(pattern: str, sets: dict[str, list[str]]) -> str | None:
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


# -- matching ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Slot:
    words: frozenset[str] = frozenset()
    prefixes: tuple[str, ...] = ()
    optional: bool = False
    gap: int = 0  # >0: skip 0..gap tokens

    def accepts(self, tok: str) -> bool:
        return tok in self.words or any(tok.startswith(p) for p in self.prefixes)


@dataclass(frozen=True)
class _Pattern:
    text: str
    slots: tuple[_Slot, ...]
    tag: str = ""
    weight: float = 0.0


def _compile_slot(slot: str, sets: dict[str, list[str]]) -> _Slot:
    if slot.startswith("~"):
        return _Slot(gap=int(slot[1:]))
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
    return _Slot(frozenset(words), tuple(prefixes), optional)


def _match_from(slots: tuple[_Slot, ...], toks: list[str], i: int) -> int:
    """End index of a match of `slots` starting at toks[i], or -1. Branching is bounded by the gaps."""
    if not slots:
        return i
    head, rest = slots[0], slots[1:]
    if head.gap:
        for skip in range(head.gap + 1):
            if i + skip > len(toks):
                break
            end = _match_from(rest, toks, i + skip)
            if end >= 0:
                return end
        return -1
    if i < len(toks) and head.accepts(toks[i]):
        end = _match_from(rest, toks, i + 1)
        if end >= 0:
            return end
    return _match_from(rest, toks, i) if head.optional else -1


class Matcher:
    """Patterns indexed by their first slot's words (and prefixes), matched over a token list."""

    def __init__(self, patterns: list[_Pattern]) -> None:
        self._by_word: dict[str, list[_Pattern]] = {}
        self._by_prefix: dict[str, list[_Pattern]] = {}
        for p in patterns:
            first = p.slots[0]
            for w in first.words:
                self._by_word.setdefault(w, []).append(p)
            for pre in first.prefixes:
                self._by_prefix.setdefault(pre, []).append(p)
        self._prefix_lengths = sorted({len(k) for k in self._by_prefix})
        self._seen: dict[str, tuple[_Pattern, ...]] = {}  # token -> candidate patterns (bounded below)

    def _candidates(self, tok: str) -> tuple[_Pattern, ...]:
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

    def find(self, toks: list[str], start_only: bool = False) -> list[tuple[_Pattern, int, int]]:
        out: list[tuple[_Pattern, int, int]] = []
        for i, tok in enumerate(toks[:1] if start_only else toks):
            for p in self._candidates(tok):
                end = _match_from(p.slots[1:], toks, i + 1)
                if end >= 0:
                    out.append((p, i, end))
        return out


def _compile(patterns: list[str], sets: dict[str, list[str]], tag: str = "", weight: float = 0.0) -> list[_Pattern]:
    return [_Pattern(p, tuple(_compile_slot(s, sets) for s in p.split()), tag, weight) for p in patterns]


# -- text ----------------------------------------------------------------------------------------

_CLAUSE = re.compile(r"[.?!;:\n]+|\s[-\u2013\u2014]+\s")
_SEGMENT = re.compile(r"[.?!;:,\n]+|\s[-\u2013\u2014]+\s")
_TOKEN = re.compile(r"[a-z]+|[0-9]+")


def clauses(text: str) -> list[list[str]]:
    """Lower-cased word tokens per clause; apostrophes dropped ("didn't" -> "didnt"), "6yo" -> "6", "yo"."""
    t = text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("'", "").replace("&", " and ")
    return [toks for part in _CLAUSE.split(t) if (toks := _TOKEN.findall(part))]


# -- detection -----------------------------------------------------------------------------------


@dataclass
class Worry:
    """What the detector read in a message (no text of the message is kept)."""

    is_worry: bool
    score: float
    category: str | None = None
    label: str | None = None
    cues: list[str] = field(default_factory=list)
    frames: float = 0.0  # how strongly the message reads as a question about process
    by_model: bool = False  # raised by the statistical backstop, not the lexicon


class Detector:
    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        s = lex.sets
        cues: list[_Pattern] = []
        for name, cat in lex.categories.items():
            for weight, pats in cat.cues.items():
                cues += _compile(pats, s, name, float(weight))
        self._cues = Matcher(cues)
        self._anchors = Matcher(_compile(lex.anchors, s))
        self._adult = Matcher(_compile(lex.adult_only, s))
        self._child_words = Matcher(_compile(lex.child_words, s))
        self._specific = Matcher(_compile(lex.specific, s))
        self._situation = Matcher(_compile(lex.situation, s))
        self._particular = Matcher(_compile(lex.particular, s))
        self._generic = Matcher(_compile(lex.generic, s))
        self._start = Matcher([p for f in lex.frames.start for p in _compile([f.pattern], s, "start", f.weight)])
        self._anywhere = Matcher([p for f in lex.frames.anywhere for p in _compile([f.pattern], s, "any", f.weight)])
        self._staff = Matcher(_compile(lex.allegation.staff, s))
        self._reporter = Matcher(_compile(lex.allegation.reporter, s))
        self._negators = frozenset(lex.negators)

    def _negated(self, toks: list[str], start: int) -> bool:
        window = toks[max(0, start - self.lex.negation_window) : start]
        return any(t in self._negators for t in window)

    def detect(self, text: str, use_model: bool = True) -> Worry:
        """The lexicon's reading; when it sees no worry, the statistical backstop may still raise one."""
        parts = clauses(text or "")  # tokenised once for every reading below
        words = [t for toks in parts for t in toks]
        if self._adult.find(words) and not self._child_words.find(words):
            return Worry(False, 0.0)  # adult safeguarding: the answer flow declines it and points to adult care
        worry = self._lexicon(parts)
        model = get_model() if use_model else None
        if not worry.is_worry and model is not None and self.model_says_worry(text, worry, model, words):
            category = worry.category or "general"
            return Worry(True, worry.score, category, self.lex.categories[category].label, worry.cues,
                         worry.frames, by_model=True)
        return worry

    def model_says_worry(self, text: str, lexicon: Worry, model: WorryModel, words: list[str] | None = None) -> bool:
        """Either may raise the alarm; the model only for a message about someone (a child, a parent, "she",
        an age) that does not read as a clear procedural question."""
        if lexicon.frames >= self.lex.model_frame_veto:
            return False
        if words is None:
            words = [t for toks in clauses(text or "") for t in toks]
        if not self._anchors.find(words):
            return False  # about no one: "book annual leave for Friday" is not a worry, whatever its style
        return model.probability(text) >= model.threshold

    def _frames(self, parts: list[list[str]]) -> float:
        start = max((p.weight for p, _i, _e in self._start.find(parts[0], start_only=True)), default=0.0)
        anywhere = sum({p.text: p.weight for toks in parts for p, _i, _e in self._anywhere.find(toks)}.values())
        frames = min(self.lex.frame_cap, start + anywhere)
        if any(self._particular.find(t) for t in parts) and not any(self._generic.find(t) for t in parts):
            frames = max(0.0, frames - self.lex.particular_relief)  # "how soon can someone see him, he has ..."
        return frames

    def _lexicon(self, parts: list[list[str]]) -> Worry:
        if not parts:
            return Worry(False, 0.0)
        lex = self.lex
        best: dict[str, float] = {}
        seen: set[str] = set()
        staff = negated = False
        for toks in parts:
            for p, i, _end in self._cues.find(toks):
                negates_itself = p.slots[0].words & self._negators
                if not negates_itself and self._negated(toks, i):
                    negated = True
                    continue
                seen.add(p.text)
                best[p.tag] = max(best.get(p.tag, 0.0), p.weight)
            reporter = any(end == len(toks) for _p, i, end in self._reporter.find(toks, start_only=True))
            staff = staff or (not reporter and bool(self._staff.find(toks)))
        if negated and not best:
            # harm is named only to be denied ("no bruises", "didn't hit him"): the backstop stays quiet too
            return Worry(False, 0.0, frames=self.lex.frame_cap)
        if any(self._specific.find(toks) for toks in parts):
            best["general"] = max(best.get("general", 0.0), lex.specific_weight)
        if staff and any(c in best for c in lex.allegation.with_):
            cat = lex.allegation.category
            best[cat] = max(best.get(cat, 0.0), lex.allegation.weight)
        if not best:
            return Worry(False, 0.0, frames=self._frames(parts))
        top = max(best.values())
        extra = min(lex.extra_cue_cap, max(0, len(seen) - 1)) * lex.extra_cue_weight
        all_toks = [t for toks in parts for t in toks]
        anchor = lex.anchor_weight if self._anchors.find(all_toks) else 0.0
        situation = min(lex.situation_cap, len({p.text for toks in parts for p, _i, _e in self._situation.find(toks)}))
        frames = self._frames(parts)
        score = top + extra + anchor + situation - frames
        category = next((c for c in lex.precedence if best.get(c, 0) >= 3), None)
        if category is None:
            category = max(best, key=lambda c: (best[c], c != "general"))
        return Worry(score >= lex.threshold, round(score, 2), category, lex.categories[category].label, sorted(seen),
                     frames)


    def question_part(self, text: str) -> str:
        """The parts of a worry that ask something else ("... - what's the threshold in Halton?"): segments
        that open as a question and carry no cue, so the answer can also find the entry they ask for."""
        keep: list[str] = []
        for seg in _SEGMENT.split(text or ""):
            toks = _TOKEN.findall(seg.lower().replace("'", "").replace("\u2019", ""))
            if (toks and self._start.find(toks, start_only=True) and not self._cues.find(toks)
                    and not self._situation.find(toks)):  # "who do I ring", "what happens now": the reply says
                keep.append(seg.strip())
        return " ".join(keep)


def load_lexicon(path: Path = LEXICON_PATH) -> Lexicon:
    return Lexicon.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


@lru_cache(maxsize=4)
def get_detector(path: Path = LEXICON_PATH) -> Detector:
    return Detector(load_lexicon(path))


def detect_worry(question: str) -> Worry:
    return get_detector().detect(question)


def is_safety_worry(question: str) -> bool:
    """True when the question reads as a worry about a particular child's safety."""
    return detect_worry(question).is_worry
