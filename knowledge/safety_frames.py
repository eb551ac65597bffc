"""How strongly a message reads as a question about process rather than a worry about one child now.

A practitioner asks "if a teacher is accused of hitting a pupil, who leads?" or "how long do we have to
notify after a child dies" with the same words a worry uses; what differs is who the message is about and
when. The vocabulary lives in `data/safety/frames.yaml` (validated here, patterns checked against the sets
of `worry.yaml`); the reading is

    frames = largest opening frame of any segment ("how long", "who leads", "say a", "is it ever")
           + frames anywhere ("definition", "training", "in the review of", "role play")
           + `hypothetical_weight` for a question whose only children are indefinite ("a pupil", "a 15 year old")
    minus `particular_relief` when one real child is described now ("told me", "on my caseload"; a time such as
    "last night" only in a clause that is no hypothetical), or a particular child ("his dad", "the girl says")
    in a message with no general or historic marker.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from knowledge.safety_patterns import Matcher, compile_patterns, matcher, segment_pieces


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Frame(_Strict):
    pattern: str
    weight: float = Field(gt=0)
    general: bool = False  # a message opening a segment with it is about no child in particular ("suppose a")
    question: bool = True  # False for a note's heading ("meeting notes:", "anyone know"): no question about "a child"


class FrameLexicon(_Strict):
    """The validated contents of frames.yaml."""

    frame_cap: float = Field(ge=0)
    particular_relief: float = Field(ge=0)  # frames weigh this much less for a particular child
    hypothetical_weight: float = Field(ge=0)  # a question about "a pupil", "a parent" and no one in particular
    question_weight: float = Field(ge=0)  # an opening frame this heavy makes the message a question
    start: list[Frame] = Field(default_factory=list)  # when a segment opens with it
    anywhere: list[Frame] = Field(default_factory=list)  # wherever it appears
    context: list[Frame] = Field(default_factory=list)  # a review, a training scenario: a frame and general
    now: list[str] = Field(default_factory=list)  # one real child now: relief whatever else the message says
    # a matter told as over ("back the same day and fine", "the DSL sorted it"): a frame, and no relief for the child
    settled: list[str] = Field(default_factory=list)
    settled_weight: float = Field(default=2.0, ge=0)
    recent: list[str] = Field(default_factory=list)  # "last night": as `now`, in a clause that is no hypothetical
    own_case: list[str] = Field(default_factory=list)  # "if a kid i work with": the writer's own child, even if put
    particular: list[str] = Field(default_factory=list)  # one real child, unless a general marker says otherwise
    generic: list[str] = Field(default_factory=list)  # "if a child", "should a school": a hypothetical
    # an immigration or benefit status ("no recourse to public funds", "leave to remain"): a legal matter asked about;
    # with no cue read the statistical backstop stays quiet (knowledge/safety.py)
    status: list[str] = Field(default_factory=list)
    indefinite: list[str] = Field(default_factory=list)  # "a pupil", "any 15 year old"
    definite: list[str] = Field(default_factory=list)  # "the boy", "her son": someone in particular
    report: list[str] = Field(default_factory=list)  # a segment opening "a boy in year 6 ...": a child described
    follow_up: list[str] = Field(default_factory=list)  # "what's the process?" after a worry asks about it
    preamble: list[str] = Field(default_factory=list)  # "sorry to bother you but", "hi", "can you help": read past it
    no_child: list[str] = Field(default_factory=list)  # "every 6 months", "16 year olds", "for year 9": no one child
    period_only: list[str] = Field(default_factory=list)  # a clause that is only a period ("... ? 3 months?"): no age
    # a later segment opening with one child and what is happening ("what counts as X? a year 11 boy keeps ...")
    turns_to: list[str] = Field(default_factory=list)
    # a worry word used as the name of a topic ("the FGM working group", "training on county lines", "the difference
    # between CCE and county lines"): it counts as no more than `topic_weight`, and a child word inside the name
    # ("child abuse audit") names no child
    topic_weight: float = Field(default=1.0, ge=0)
    topic_before: list[str] = Field(default_factory=list)  # ends where the worry word starts ("training on")
    topic_after: list[str] = Field(default_factory=list)  # starts where the worry word ends ("... working group")
    topic_links: list[str] = Field(default_factory=list)  # joins worry words into one name ("FGM and forced marriage")
    topic_group: list[str] = Field(default_factory=list)  # "... group": a topic's name unless a `topic_thing` precedes
    topic_thing: list[str] = Field(default_factory=list)  # "joined a far right group": a group in the world
    conditional: list[str] = Field(default_factory=list)  # "if", "when": a `generic` marker opening a hypothetical
    next_item: list[str] = Field(default_factory=list)  # "lastly", "one more thing": the next item of a list
    added: list[str] = Field(default_factory=list)  # "also", "btw", "ps": something added after a question
    fictional: list[str] = Field(default_factory=list)  # "a made up yr 9 girl": no real child, whatever the time
    # a question's opening ("is a ...", "how does a ...") that, after one child told of, asks about the writer's own
    # setting: its "a volunteer", "a food parcel" is no case put ("say a ...", "suppose ..." are)
    asks_apart: list[str] = Field(default_factory=list)

    def patterns(self) -> list[tuple[str, str]]:
        """(where, pattern) for validation against the lexicon's sets."""
        out = [(f"frames.{k}", f.pattern) for k in ("start", "anywhere", "context") for f in getattr(self, k)]
        for k in _LISTS:
            out += [(f"frames.{k}", p) for p in getattr(self, k)]
        return out


# the writer, or an age: someone a time in the same clause can place now (with the child, kin and staff words)
WRITER = frozenset({"i", "ive", "im", "we", "weve", "were", "me", "us", "my", "our", "yo", "yos", "old"})

# the plain pattern lists of frames.yaml, each compiled to a Matcher `_<name>` by FrameReader
_LISTS = ("now", "own_case", "settled", "recent", "particular", "generic", "indefinite", "definite", "report",
          "no_child", "period_only", "preamble", "follow_up", "turns_to", "topic_before", "topic_after", "topic_links",
          "topic_group", "topic_thing", "conditional", "next_item", "fictional", "status", "added", "asks_apart")


_TIME_CLAUSE = frozenset({"after", "following", "before", "until", "while"})  # opens a clause of the question's


def _inside(toks: list[str], segs: list[list[str]]) -> bool:
    """Whether the words `toks` appear together inside one of `segs`."""
    n = len(toks)
    return any(s[j:j + n] == toks for s in segs for j in range(len(s) - n + 1))


class FrameReader:
    """Compiled frames.yaml: the procedural weight of a tokenised message."""

    def __init__(self, fl: FrameLexicon, sets: dict[str, list[str]]) -> None:
        self.fl = fl
        weighted = {k: [p for f in getattr(fl, k) for p in compile_patterns([f.pattern], sets, tag, f.weight)]
                    for k, tag in (("start", "start"), ("anywhere", "any"), ("context", "context"))}
        self._start = Matcher(weighted["start"])
        self._anywhere = Matcher(weighted["anywhere"] + weighted["context"])
        self._general_starts = frozenset(f.pattern for f in fl.start if f.general)
        self._note_starts = frozenset(f.pattern for f in fl.start if not f.question)
        for name in _LISTS:
            setattr(self, f"_{name}", matcher(getattr(fl, name), sets))
        self._child = frozenset(w for w in sets.get("child", []) if not w.endswith("*"))
        self._ages = frozenset(w for w in sets.get("num", []) if w.isdigit() and 0 < int(w) < 18)
        # someone a time can place now ("he's with me at the moment", "I just saw"; "who is the chair at the moment"
        # places no one)
        self._people = self._child | frozenset(w for k in ("pronoun", "family", "minor", "staff")
                                               for w in sets.get(k, []) if not w.endswith("*")) | WRITER

    def follows_up(self, toks: list[str]) -> bool:
        """Whether a later segment asks about the situation just described ("what's the process?")."""
        return bool(self._follow_up.find(self.past_preamble(toks), start_only=True))

    def past_preamble(self, toks: list[str]) -> list[str]:
        """A segment without its opening courtesies ("sorry to bother you but", "hi", "quick question"), so the
        question behind them opens the segment."""
        for _ in range(3):
            ends = [e for _p, _i, e in self._preamble.find(toks, start_only=True) if e > 0]
            if not ends:
                break
            toks = toks[max(ends):]
        return toks

    def opens_as_question(self, toks: list[str]) -> float:
        """The weight of the frame a segment opens with (0 when none)."""
        return max((p.weight for p, _i, _e in self._start.find(self.past_preamble(toks), start_only=True)),
                   default=0.0)

    def found_outside(self, found: Matcher, toks: list[str], topics: list[tuple[int, int]] = ()) -> bool:
        """Whether `found` matches outside a number that names no child ("at 3 months", "for year 9") and outside
        a topic's name ("the child abuse audit")."""
        return found.outside(toks, [*self._no_child_spans(toks), *topics])

    def _no_child_spans(self, toks: list[str]) -> list[tuple[int, int]]:
        """Numbers and names that name no child: `no_child`, and a clause that is only a period ("3 months?", a
        guessed timescale after a question)."""
        whole = [(0, len(toks))] if (0, len(toks)) in self._period_only.spans(toks) else []
        return [*self._no_child.spans(toks), *whole]

    def particular_in(self, toks: list[str]) -> bool:
        """A particular child named outside an indefinite phrase ("15 year old", but not "a 15 year old") or a
        number that names no child ("every 6 months")."""
        return self._particular.outside(toks, [*self._indefinite.spans(toks), *self._no_child_spans(toks)])

    def topics(self, toks: list[str], cues: list[tuple[int, int]]) -> tuple[set[int], list[tuple[int, int]]]:
        """Which of `cues` (start, end in `toks`) name a topic rather than something happening, and the spans of
        those names. Worry words that overlap, touch or are joined by `topic_links` ("CCE and county lines",
        "FGM and forced marriage") make one name; it is a topic when `topic_before` ends where it starts
        ("training on", "difference between") or `topic_after` starts where it ends ("working group", "audit")."""
        links = {i: e for i, e in self._topic_links.spans(toks)}
        befores = {e: i for i, e in self._topic_before.spans(toks)}
        order = sorted(range(len(cues)), key=lambda k: cues[k])
        names: list[tuple[list[int], int, int]] = []  # cue indices, start, end
        heads = {k for k in order if self._topic_after.at(toks, cues[k][0]) or self._topic_group.at(toks, cues[k][0])}
        for k in order:
            i, e = cues[k]
            if k in heads:
                continue  # a worry word that is also a name's head ("the FGM forum"): read below
            if names:
                ks, lo, hi = names[-1]
                while hi < i and hi in links:
                    hi = links[hi]
                if i <= hi:
                    names[-1] = ([*ks, k], lo, max(names[-1][2], e))
                    continue
            names.append(([k], i, e))
        topical: set[int] = set()
        spans: list[tuple[int, int]] = []
        for ks, first, hi in names:
            lo = first - 1 if first > 0 and toks[first - 1] in self._child else first  # "child abuse audit"
            # a child word may also close the name ("the bruising in non-mobile infants protocol")
            end = next((j for j in range(hi, min(hi + 2, len(toks)) + 1)
                        if j == len(toks) or toks[j] not in self._child), hi)
            after = [e for _p, _i, e in self._topic_after.find(toks[end:], start_only=True)]
            if not any(j >= 0 and self._topic_thing.at(toks, j) for j in (lo - 1, lo - 2)):  # "in a neo nazi group"
                after += [e for _p, _i, e in self._topic_group.find(toks[end:], start_only=True)]
            if lo in befores or first in befores or after:
                topical.update(ks)
                spans.append((befores.get(lo, befores.get(first, lo)), (end if after else hi) + max(after, default=0)))
        topical.update(k for k in heads if any(a < cues[k][0] and cues[k][1] <= b for a, b in spans))
        return topical, spans

    def before_hypothetical(self, found: Matcher, toks: list[str]) -> set[str]:
        """What `found` matches in a clause before a hypothetical opens ("if a child told us ..." is no child now;
        "where a pupil has told me ..." is)."""
        opened = self.hypothetical_at(toks)
        return {p.text for p, i, _e in found.find(toks) if i < opened}

    def hypothetical_at(self, toks: list[str]) -> int:
        """Where a hypothetical opens in a clause ("if a child ..."), or its length when none does."""
        return min((i for i, _e in self._generic.spans(toks) if self._conditional.at(toks, i)), default=len(toks))

    def frames(self, parts: list[list[str]], segs: list[list[str]]) -> float:
        return self.reading(parts, segs)[0]

    def last_item(self, text: str) -> str:
        """The text from the last segment that opens the next item of a list ("few things - ... lastly, a yr 9 boy
        ..."), without its marker, or "" when no later segment opens so."""
        pieces = segment_pieces(text)
        for k in range(len(pieces) - 1, 0, -1):
            ends = [e for _p, _i, e in self._next_item.find(pieces[k][1], start_only=True)]
            if ends:
                rest = " ".join(piece for piece, _toks in pieces[k:])
                return rest if max(ends) < len(pieces[k][1]) else " ".join(piece for piece, _t in pieces[k + 1:])
        return ""

    def fictional(self, parts: list[list[str]]) -> bool:
        """The writer marks the child as not real ("a made up yr 9 girl", "for our exam q: ..."): what the message
        tells ("said", "last night") is the exercise's, no sign of a real situation."""
        return self._fictional.any(parts)

    def status_named(self, parts: list[list[str]]) -> bool:
        """An immigration or benefit status is named ("mum has no recourse to public funds, can she apply for
        indefinite leave to remain"): what is asked is a legal process, not a sign of harm."""
        return self._status.any(parts)

    def in_context(self, parts: list[list[str]], at_least: float = 0.0) -> bool:
        """A training scenario, a review or "not a real child" frames the message ("role play tomorrow, script line
        is ..."): a time in it is the session's, not a child's. `at_least`: only a context frame of that weight (a
        case study, a review; not "a video on his phone")."""
        return any(p.tag == "context" and p.weight >= at_least
                   for toks in parts for p, _i, _e in self._anywhere.find(toks))

    def told_as_real(self, parts: list[list[str]], segs: list[list[str]]) -> bool:
        """Told as something that happened, not put as a case: one child now or in particular, or no hypothetical,
        review, figure or settled matter in it at all."""
        if not parts or self._conditional.at(parts[0], 0) or parts[0][0] in _TIME_CLAUSE:
            return False  # "after a serious injury to a child in care, when ...": the question's time clause
        _frames, relieved, general, settled = self.reading(parts, segs)
        return relieved or not (general or settled or self._no_child.any(parts))

    def _asked_apart(self, segs: list[list[str]]) -> list[list[str]]:
        """Later segments that open as a question and name no child, after a segment told of someone in particular
        ("one of my cubs says ...", "dad brought a 4 month old ..."): "is a food parcel enough", "does a clinic need
        its own policy" ask about the writer's own setting, not a case put about a child."""
        out: list[list[str]] = []
        told = False
        for s in segs:
            particular = self.particular_in(s)
            names_child = not self._child.isdisjoint(s) or self._indefinite.find(s) or particular
            if told and self._asks_apart.find(s, start_only=True) and not names_child:
                out.append(s)
            told = told or particular or bool(self._now.find(s))
        return out

    def marked_general(self, parts: list[list[str]], segs: list[list[str]]) -> bool:
        """A hypothetical or general marker ("if a child", "say a", "in general"), leaving out a question's own
        ("..., says his mum's partner ... - how does a volunteer do a referral?": "a volunteer" is no case put)."""
        segs = [self.past_preamble(s) for s in segs]
        apart = self._asked_apart(segs)
        return (any(not _inside(toks[i:e], apart) for toks in parts for _p, i, e in self._generic.find(toks))
                or self.put_in_general([s for s in segs if s not in apart]))

    def put_in_general(self, segs: list[list[str]]) -> bool:
        """A segment opens by putting the question in general ("in general", "hypothetically", "say a ...")."""
        return any(p.text in self._general_starts for s in segs
                   for p, _i, _e in self._start.find(self.past_preamble(s), start_only=True))

    def reading(self, parts: list[list[str]], segs: list[list[str]]) -> tuple[float, bool, bool, bool]:
        """(frames, whether `particular_relief` applied, whether the message is general, whether settled)."""
        fl = self.fl
        segs = [self.past_preamble(s) for s in segs]
        opened = [p for s in segs for p, _i, _e in self._start.find(s, start_only=True)]
        start = max((p.weight for p in opened), default=0.0)
        found = {p.text: p for toks in parts for p, _i, _e in self._anywhere.find(toks)}
        frames = start + sum(p.weight for p in found.values())
        context = any(p.tag == "context" for p in found.values())  # a review or training case (as `in_context`)
        # one child now; a time counts only in a clause that is not itself a hypothetical ("if a child ... today")
        now = (any(self.before_hypothetical(self._now, t) or (self._recent.find(t) and not self._generic.find(t)
                                                               and not self._people.isdisjoint(t))
                   for t in parts) or any(self._now.find(s) and not self._generic.find(s) for s in segs)
               or self._own_case.any(parts)) \
            and not self._fictional.any(parts)  # "training scenario today where a made up yr 9 girl ..."
        # a general question, then one child now in a later segment; a training scenario or review stays general
        # ... or a later segment that is only a child's age ("which team do I call for a child starving herself? 13,
        # fainted in PE")
        now = now or (not context and any(self._turns_to.find(s, start_only=True)
                                          or (len(s) == 1 and s[0] in self._ages) for s in segs[1:]))
        particular = (now or any(self.particular_in(toks) for toks in parts)
                      or any(self._report.find(seg, start_only=True) and not self._generic.find(seg, start_only=True)
                             for seg in segs))  # "a boy in year 6 ...", not "a child who has been ..."
        general = context or self.marked_general(parts, segs)
        asked = max((p.weight for p in opened if p.text not in self._note_starts), default=0.0)
        if (asked >= fl.question_weight and not particular and self._indefinite.any(parts)
                and not self._definite.any(parts)):
            general = True  # a question about "a pupil", "a parent", "a 15 year old": no one in particular
            frames += fl.hypothetical_weight
        settled = self._settled.any(parts)
        frames = min(fl.frame_cap, frames + (fl.settled_weight if settled else 0.0))
        relieved = bool((now or (particular and not general)) and not settled)
        if relieved:
            frames = max(0.0, frames - fl.particular_relief)  # "how soon can someone see him, he has ..."
        return frames, relieved, bool(general), bool(settled)
