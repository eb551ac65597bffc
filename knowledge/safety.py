"""Spotting a worry about a child's safety, so the answer can lead with 999 and the front door.

Practitioners rarely write "abuse" or "risk": they write "dad whacked him", "hasn't come home",
"mum turned up drunk". The vocabulary (cues per category, who a message is about, signs of a real
situation) lives in `knowledge/data/safety/worry.yaml`, and the question forms that read as procedural
in `frames.yaml` (read by `safety_frames.py`), both validated in `safety_lexicon.py`; the scoring is small and
general:

    best cue + further cues + anchor (a person) + situation signs - procedural frames >= threshold

Matching is over word tokens (`safety_patterns.py`), linear in the length of the message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from knowledge.safety_apart import names_someone, told_after_question, told_apart_from_questions, told_as_real
from knowledge.safety_frames import FrameReader
from knowledge.safety_lexicon import LEXICON_PATH, Lexicon, load_lexicon
from knowledge.safety_model import WorryModel, get_model
from knowledge.safety_patterns import (
    Matcher,
    Pattern,
    clause_breaks,
    clauses,
    compile_patterns,
    joined_pieces,
    matcher,
    segment_pieces,
    segments,
)

_LABEL_END = re.compile(r"[.?!;:,\n]|\s[-\u2013\u2014]+\s")  # where the first segment ends (as in segments())
SAFETY_LEAD = ":rotating_light: *If a child is in immediate danger, call 999 now.*"
LABEL_WORDS = 3  # a first segment this short, with no worry or question word, is who writes


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
    strongest: float = 0.0  # the heaviest cue read (a topic word such as "lado" weighs 1)


class Detector:
    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self._label_places = frozenset(lex.label_places)
        s = lex.sets
        cues = [p for name, cat in lex.categories.items() for weight, pats in cat.cues.items()
                for p in compile_patterns(pats, s, name, float(weight))]
        self._cues = Matcher(cues)
        self._anchors, self._adult, self._child_words, self._adult_strong, self._minor_words, self._specific, \
            self._situation = (matcher(pats, s) for pats in (lex.anchors, lex.adult_only, lex.child_words,
                                                              lex.adult_strong, lex.minor_words, lex.specific,
                                                              lex.situation))
        self._named_anchors = matcher([a for a in lex.anchors if a != "@pronoun"], s)
        self.reader = FrameReader(lex.frames, s)
        self._own_matters = matcher(lex.own_matters, s)
        self._young_kin, self._adult_explicit = matcher(lex.young_kin, s), matcher(lex.adult_explicit, s)
        self._other_questions = matcher(lex.other_questions, s)
        self._imminent = matcher(lex.imminent, s)
        self._habitual = matcher(lex.habitual, s)
        self._staff, self._reporter, self._witness, self._harmed_by = (matcher(pats, s) for pats in (
            lex.allegation.staff, lex.allegation.reporter, lex.allegation.witness, lex.allegation.harmed_by))
        self._negators = frozenset(lex.negators)
        self._turns = frozenset(lex.negation_turns)
        self._loose_minor = frozenset(lex.loose_minor)
        self._stops = frozenset(lex.negation_stops)

    def _negated(self, toks: list[str], start: int, breaks: frozenset[int] = frozenset()) -> bool:
        """A negator in the few words before a cue, within its comma segment, denies it."""
        lo = max(0, start - self.lex.negation_window, *(b for b in breaks if b <= start))
        return any(toks[j] in self._negators and toks[j + 1] not in self._turns
                   and self._stops.isdisjoint(toks[j + 1:start]) for j in range(lo, start))

    def detect(self, text: str, use_model: bool = True) -> Worry:
        """The lexicon's reading; when it sees no worry, the statistical backstop may still raise one. A worry read
        only in general words whose harm is done by someone who works with children ("she was abused by a teacher at
        our school") is an allegation: its first step is the LADO."""
        worry = self._detect(text, use_model)
        if worry.is_worry and worry.category == "general" and self.harm_by_staff(text):
            cat = self.lex.allegation.category
            return replace(worry, category=cat, label=self.lex.categories[cat].label)
        return worry

    def _detect(self, text: str, use_model: bool) -> Worry:
        parts = clauses(text or "")  # tokenised once for every reading below
        words = [t for toks in parts for t in toks]
        if ((self._adult.find(words) and not self._child_words.find(words))
                or (self.reader.found_outside(self._adult_strong, words) and not self._maybe_child(words))):
            return Worry(False, 0.0)  # adult safeguarding: the answer flow declines it and points to adult care
        if (own := self._own_matters.spans(words)) and not (self._child_words.outside(words, own)
                                                            or self._minor_words.outside(words, own)):
            return Worry(False, 0.0)  # the writer's own or an adult's housing, money or work matter: no child's worry
        segs = segments(text or "")
        found = [self._cues.find(toks) for toks in parts]
        topics = [self.reader.topics(toks, [(i, e) for _p, i, e in f]) for toks, f in zip(parts, found, strict=True)]
        breaks = clause_breaks(text or "")
        worry = self._lexicon(parts, segs, found, topics, self._writer_label(segs, text), breaks)
        # clauses after a described worry whose worry words all name a topic: an aside ("... - also when is the next
        # county lines training?"), so the worry is read without it and its question does not outweigh the worry
        described = next((n for n, (f, (t, _s)) in enumerate(zip(found, topics, strict=True)) if len(t) < len(f)),
                         len(parts))
        aside = [n > described and bool(t) and len(t) == len(found[n]) for n, (t, _s) in enumerate(topics)]
        if not worry.is_worry and any(aside):
            keep = [n for n, a in enumerate(aside) if not a]
            asked = [g for g in segs if not self._topic_only(g)]
            rest = self._lexicon([parts[n] for n in keep], asked, [found[n] for n in keep], [topics[n] for n in keep],
                                 self._writer_label(segs, text), [breaks[n] for n in keep])
            worry = rest if rest.is_worry else worry
        if not worry.is_worry and (told := told_apart_from_questions(self, text)):
            first = self.detect(told, use_model=False)  # judged on what was told, without the second question
            if first.is_worry and self.reader.told_as_real(clauses(told), segments(told)):
                return first
        if not worry.is_worry and (told := told_after_question(self, text)):
            # "where's the template? also a yr 10 girl ...": what was told, when a cue in it says what happens
            after = self.detect(told, use_model=False)
            if after.is_worry and after.strongest > self.lex.specific_weight and told_as_real(self, told):
                return after
        if not worry.is_worry and (item := self.reader.last_item(text)) and (alone := self.detect(item)).is_worry:
            return alone  # "few things - ... ofsted? ... lastly, a yr 9 boy ...": the last item on its own
        model = get_model() if use_model else None
        if (not worry.is_worry and model is not None
                and self.model_says_worry(text, worry, model, [spans for _t, spans in topics])):
            category = worry.category or "general"
            return Worry(True, worry.score, category, self.lex.categories[category].label, worry.cues,
                         worry.frames, by_model=True)
        return worry

    def adult_reading(self, text: str) -> str:
        """"child" when the message names someone who can only be a child (an age, "pupil", "young person"), "adult"
        when it plainly concerns an adult ("vulnerable adult", "dementia"), else "" ("her son" may be either)."""
        words = [t for toks in clauses(text or "") for t in toks]
        if self._maybe_child(words):
            return "child"
        return "adult" if self._adult.find(words) or self.reader.found_outside(self._adult_strong, words) else ""

    def _maybe_child(self, words: list[str]) -> bool:
        """A word only a child is, or kin usually a child ("his granddaughter") in a message that does not name adult
        safeguarding itself: an older adult named beside them may be the one harming a child. A group word that also
        names young men ("lads on the estate") alone is no child beside a plain adult's cue."""
        loose = self._loose_minor
        return bool(any(not (e - i == 1 and words[i] in loose) for _p, i, e in self._minor_words.find(words))
                    or (self._young_kin.find(words) and not self._adult_explicit.find(words)))

    def model_says_worry(self, text: str, lexicon: Worry, model: WorryModel,
                         topics: list[list[tuple[int, int]]] | None = None) -> bool:
        """Either may raise the alarm; the model only for a message about someone (a child, a parent, "she", an age;
        not a child word in a topic's name, "the child abuse audit") that does not read as a clear procedural question
        nor, with no cue read, names an immigration or benefit status (`frames.status`)."""
        parts = clauses(text or "")
        if lexicon.frames >= self.lex.model_frame_veto or (not lexicon.cues and self.reader.status_named(parts)):
            return False
        strong = self.reader.in_context(parts, self.lex.context_veto)
        if strong and not self.reader.reading(parts, segments(text or ""))[1]:
            return False  # a case study, a review or training material, with no child now or in particular
        topics = topics or [[] for _ in parts]
        if not any(self.reader.found_outside(self._anchors, toks, t) for toks, t in zip(parts, topics, strict=True)):
            return False  # about no one: "book annual leave for Friday" is not a worry, whatever its style
        weak = lexicon.strongest <= self.lex.frames.topic_weight  # no cue, or only a topic word ("lado")
        if weak and lexicon.frames >= self.lex.model_pronoun_veto and not any(
                self.reader.found_outside(self._named_anchors, toks, t) for toks, t in zip(parts, topics, strict=True)):
            return False
        return model.probability(text) >= model.threshold

    def harm_by_staff(self, text: str) -> bool:
        """Someone who works with children is named as the one harming, after "by" ("if I think a child is being
        abused by a teacher", "neglected by their childminder"): an allegation's route (the LADO) is meant. Not the
        one who noticed or was told ("if a childminder suspects ...", "tells a teacher", "noticed by her teacher"): the
        harm is said right before that "by" (worry.yaml allegation.harmed_by)."""
        for toks in clauses(text or ""):
            by = {end - 1 for _p, _i, end in self._harmed_by.find(toks)}  # the "by" each harm is done by
            if by and any(by.intersection(range(max(0, i - 3), i)) for _p, i, _e in self._staff.find(toks)):
                return True
        return False

    def _accused_staff(self, toks: list[str], label: int = 0) -> bool:
        """Someone who works with children is named as more than the writer ("foster carer here", a label of
        `label` words opening the message: "Youth worker: ...") or the one who noticed ("the social worker saw
        bruises"): an allegation may be meant."""
        if any(end == len(toks) for _p, _i, end in self._reporter.find(toks, start_only=True)):
            return False
        found = [(i, end) for _p, i, end in self._staff.find(toks) if end > label]
        if len(toks) <= 4 and any(toks[end:] == ["here"] for _i, end in found):
            return False  # "dinner lady here"
        return any(not self._witness.at(toks, end) for _i, end in found)

    def _imminent_now(self, toks: list[str]) -> bool:
        """A time soon in a clause, unless it is a habit inside a hypothetical ("if a child ... every day")."""
        opened = self.reader.hypothetical_at(toks)
        return any(i < opened or not self._habitual.at(toks, i) for _p, i, _e in self._imminent.find(toks))

    def _soon_put_in_general(self, segs: list[list[str]]) -> bool:
        """Every segment saying a time soon ("every day", "in an hour") is itself put in general ("in general is a
        kid on a bus every day ...")."""
        soon = [seg for seg in segs if self._imminent.find(seg)]
        return bool(soon) and all(self.reader.put_in_general([seg]) for seg in soon)

    def _writer_label(self, segs: list[list[str]], text: str) -> int:
        """Words of a role the message opens with as a label ("Youth worker: ...", "football coach, ...", "Housing
        support worker in Birkenhead. ..."), or 0. A dash is not a label's end: "Music tutor - two families say he ..."
        names the one accused."""
        first = segs[0] if segs else []
        cut = _LABEL_END.search(text or "")
        at, room = self._label_places, self.lex.label_place_words
        if not first or len(first) > 4 + room or cut is None or cut.group(0).strip() not in (":", ".", ","):
            return 0
        ends = [end for _p, _i, end in self._staff.find(first)]
        return len(first) if any(e == len(first) or (e <= 4 and first[e] in at and len(first) - e <= room)
                                 for e in ends) else 0

    def _lexicon(self, parts: list[list[str]], segs: list[list[str]], found: list[list[tuple[Pattern, int, int]]],
                 topics: list[tuple[set[int], list[tuple[int, int]]]], label: int = 0,
                 breaks: list[frozenset[int]] | None = None) -> Worry:
        if not parts:
            return Worry(False, 0.0)
        lex = self.lex
        best: dict[str, float] = {}
        seen: set[str] = set()
        extras: set[str] = set()  # cues that describe something (not a topic's name) count as further cues
        staff = negated = False
        for n, toks in enumerate(parts):
            topical = topics[n][0]
            for k, (p, i, _end) in enumerate(found[n]):
                negates_itself = p.slots[0].words & self._negators
                if not negates_itself and self._negated(toks, i, breaks[n] if breaks else frozenset()):
                    negated = True
                    continue
                seen.add(p.text)
                weight = min(p.weight, lex.frames.topic_weight) if k in topical else p.weight
                if k not in topical:
                    extras.add(p.text)
                best[p.tag] = max(best.get(p.tag, 0.0), weight)
            staff = staff or self._accused_staff(toks, label if n == 0 else 0)
        if negated and not best:
            # harm is named only to be denied ("no bruises", "didn't hit him"): the backstop stays quiet too
            return Worry(False, 0.0, frames=lex.frames.frame_cap)
        specific = any(self.reader.found_outside(self._specific, toks, t)
                       for toks, (_k, t) in zip(parts, topics, strict=True))
        if specific:
            best["general"] = max(best.get("general", 0.0), lex.specific_weight)
        if staff and any(best.get(c, 0.0) >= 2 for c in lex.allegation.with_):  # harm, not a topic word
            cat = lex.allegation.category
            best[cat] = max(best.get(cat, 0.0), lex.allegation.weight)
        # a later segment opening as a question counts unless it asks about this situation ("what happens now")
        # ... nor a follow-up about it ("... - what's the process?"); courtesies alone ("hi,") do not open the message
        first = next((n for n, seg in enumerate(segs) if self.reader.past_preamble(seg)), 0)
        if first == 0 and len(segs) > 1 and self._label_only(segs[0]):
            first = 1  # "Ward clerks: what's the process ...": the writer's label, then the question
        # ... but only once someone has been told of: "youth worker. who would I contact about CSE generally" asks
        told_at = next((n for n, seg in enumerate(segs) if names_someone(self, seg)), len(segs))
        asks = [seg for n, seg in enumerate(segs) if n <= max(first, told_at)
                or not (self._situation.find(seg, start_only=True) or self.reader.follows_up(seg))]
        frames = self.reader.frames(parts, asks)
        if not best:
            return Worry(False, 0.0, frames=frames)
        if frames > lex.imminent_frames and max(best.values()) >= 1 and specific and \
                any(self._imminent_now(toks) for toks in parts) \
                and not self.reader.in_context(parts) \
                and not self._soon_put_in_general(segs):
            # "is there a protocol for burns on a 3yo ... mum is collecting him in an hour": a process question about a
            # particular child at risk now is a worry first (issue #10 section 1); "in general is a kid on a bus every
            # day ..." puts it about no child in particular, unless the time is told apart from the general question
            # ("in general what's the protocol for burns - a 3yo here ... mum is collecting him in an hour"); a time
            # inside the hypothetical's own clause ("if a child arrives hungry every day, what should staff do") is the
            # case put
            frames = lex.imminent_frames
        top = max(best.values())
        extra = min(lex.extra_cue_cap, max(0, len(extras) - 1)) * lex.extra_cue_weight
        anchor = lex.anchor_weight if any(self.reader.found_outside(self._anchors, toks, t)
                                          for toks, (_k, t) in zip(parts, topics, strict=True)) else 0.0
        situation = 0 if self.reader.fictional(parts) else min(lex.situation_cap, len(set().union(
            *(self.reader.before_hypothetical(self._situation, toks) for toks in parts))))
        score = top + extra + anchor + situation - frames
        category = next((c for c in lex.precedence if best.get(c, 0) >= 3), None)
        if category is None:
            category = max(best, key=lambda c: (best[c], c != "general"))
        return Worry(score >= lex.threshold, round(score, 2), category, lex.categories[category].label, sorted(seen),
                     frames, strongest=top)

    def _label_only(self, seg: list[str]) -> bool:
        """The message opens with a short label of who writes ("Ward clerks:", "housing officer -"): at most
        LABEL_WORDS words, no worry word and no question word in them."""
        return 0 < len(seg) <= LABEL_WORDS and not self._cues.find(seg) and not self.reader.opens_as_question(seg)

    def _topic_only(self, seg: list[str]) -> bool:
        """A segment whose worry words all name a topic ("when is the next county lines training")."""
        cues = self._cues.find(seg)
        return bool(cues) and len(self.reader.topics(seg, [(i, e) for _p, i, e in cues])[0]) == len(cues)

    def question_part(self, text: str, *, with_cues: bool = False) -> str:
        """The parts of a worry that ask something else ("... - what's the threshold in Halton?"): segments
        that open as a question and carry no cue, so the answer can also find the entry they ask for. `with_cues`:
        a question naming a cue too ("... is that private fostering?"), when no other segment asks."""
        keep: list[str] = []
        for seg, toks in segment_pieces(text):
            if self._asks_else(toks, with_cues):
                keep.append(seg.strip())
                continue
            # "she seems fine but at what point is it private fostering and do i need to tell someone": a question
            # opening after a joining word, apart from the situation question the reply already answers
            keep += [piece for piece, ptoks in joined_pieces(seg) if self._asks_else(ptoks, with_cues)]
        return " ".join(keep)

    def _asks_else(self, toks: list[str], with_cues: bool) -> bool:
        """A piece that opens as a question and is not "who do I ring" / "what happens now" (the reply says)."""
        return bool(toks and self.reader.opens_as_question(toks) and (with_cues or not self._cues.find(toks))
                    and not self._situation.find(toks))


@lru_cache(maxsize=4)
def get_detector(path: Path = LEXICON_PATH) -> Detector:
    return Detector(load_lexicon(path))


def detect_worry(question: str) -> Worry:
    return get_detector().detect(question)


def is_safety_worry(question: str) -> bool:
    """True when the question reads as a worry about a particular child's safety."""
    return detect_worry(question).is_worry
