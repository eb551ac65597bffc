"""The worry detector's data files, validated: worry.yaml (cues per category, who a message is about, signs of a
real situation) with frames.yaml (question forms that read as procedural) as its `frames`. Kept apart from the
detector (knowledge/safety.py) so each file stays readable; a malformed pattern fails here, at load.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from knowledge.safety_frames import FrameLexicon
from knowledge.safety_patterns import pattern_problem

LEXICON_PATH = Path(__file__).resolve().parent / "data" / "safety" / "worry.yaml"
FRAMES_PATH = LEXICON_PATH.with_name("frames.yaml")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


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
    witness: list[str] = Field(default_factory=list)  # "social worker noticed ...": the one telling, not accused
    harmed_by: list[str] = Field(default_factory=list)  # "abused by", "hit ~1 by": the harm said right before "by"
    with_: list[str] = Field(alias="with", min_length=1)
    weight: float = Field(gt=0)


class Lexicon(_Strict):
    """The validated contents of worry.yaml, with frames.yaml as `frames`."""

    version: int
    threshold: float
    extra_cue_weight: float = Field(ge=0)
    extra_cue_cap: int = Field(ge=0)
    anchor_weight: float = Field(ge=0)
    situation_cap: float = Field(ge=0)
    negation_window: int = Field(ge=0, le=6)
    negators: list[str]
    negation_turns: list[str] = Field(default_factory=list)  # "won't stop crying": the negator is about "stop"
    # a new subject between a negator and a cue starts another clause: "if I don't go they'll hurt my sister"
    negation_stops: list[str] = Field(default_factory=list)
    # a later question about the partnership's own business ("..., what did Ofsted say?", "..., who chairs the exec?")
    other_questions: list[str] = Field(default_factory=list)
    sets: dict[str, list[str]]
    anchors: list[str]
    model_frame_veto: float = Field(default=3.0, ge=0)  # the backstop stays quiet at this frame weight
    context_veto: float = Field(default=2.5, ge=0)  # ... and in a case study or review framed this strongly
    # ... and at this lower weight when no cue heavier than a topic word was read ("who's the lado? need their name")
    # and the message is about someone only by a pronoun ("a poem for her leaving card"): "her" may be any adult
    model_pronoun_veto: float = Field(default=1.0, ge=0)
    adult_only: list[str] = Field(default_factory=list)  # about an adult (adult safeguarding is out of scope) ...
    child_words: list[str] = Field(default_factory=list)  # ... unless the message also names a child
    adult_strong: list[str] = Field(default_factory=list)  # plainly an adult ("elderly", "she's 84", "dementia") ...
    minor_words: list[str] = Field(default_factory=list)  # ... unless a word only a child is ("her son" may be 50)
    young_kin: list[str] = Field(default_factory=list)  # ... or kin usually a child ("his granddaughter") ...
    loose_minor: list[str] = Field(default_factory=list)  # ... "lads" alone is no child beside an adult's cue
    adult_explicit: list[str] = Field(default_factory=list)  # ... in a message not naming adult safeguarding itself
    own_matters: list[str] = Field(default_factory=list)  # a housing, money or work matter, no child in it
    specific_weight: float = Field(ge=0)
    # "Housing support worker in Birkenhead. ...": a writer's label may end with where they work, after one of these
    # words and in at most `label_place_words` words
    label_places: list[str] = Field(default_factory=list)
    label_place_words: int = Field(default=4, ge=0, le=8)
    specific: list[str] = Field(default_factory=list)
    imminent: list[str] = Field(default_factory=list)  # "tonight", "in an hour": harm to a particular child soon
    imminent_frames: float = Field(default=1.0, ge=0)  # ... then a procedural frame weighs at most this
    # of those, a habit ("every day", "daily"): inside a hypothetical's own clause it is the case put, not a time now
    habitual: list[str] = Field(default_factory=list)
    situation: list[str]
    frames: FrameLexicon
    categories: dict[str, Category]
    precedence: list[str] = Field(default_factory=list)
    allegation: AllegationRule

    @model_validator(mode="after")
    def _patterns_are_valid(self) -> Lexicon:
        problems: list[str] = []
        pats = [("anchors", p) for p in self.anchors] + [("situation", p) for p in self.situation]
        pats += [("specific", p) for p in self.specific]
        pats += [("adult_only", p) for p in self.adult_only] + [("child_words", p) for p in self.child_words]
        pats += [("adult_strong", p) for p in self.adult_strong] + [("minor_words", p) for p in self.minor_words]
        pats += [("own_matters", p) for p in self.own_matters] + [("young_kin", p) for p in self.young_kin]
        pats += [("adult_explicit", p) for p in self.adult_explicit]
        pats += [("other_questions", p) for p in self.other_questions]
        pats += self.frames.patterns()
        pats += [(f"categories.{n}", p) for n, c in self.categories.items() for ps in c.cues.values() for p in ps]
        pats += [("allegation", p) for p in (*self.allegation.staff, *self.allegation.reporter,
                                                      *self.allegation.witness)]
        for where, p in pats:
            err = pattern_problem(p, self.sets)
            if err:
                problems.append(f"{where}: {p!r}: {err}")
        for name in (*self.precedence, self.allegation.category, *self.allegation.with_):
            if name not in self.categories:
                problems.append(f"unknown category {name!r}")
        if problems:
            raise ValueError("; ".join(problems))
        return self


def raw_lexicon(path: Path = LEXICON_PATH, frames: Path | None = None) -> dict:
    """worry.yaml with frames.yaml (beside it) as its `frames` key, before validation."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    raw["frames"] = yaml.safe_load((frames or path.with_name(FRAMES_PATH.name)).read_text(encoding="utf-8"))
    return raw


def load_lexicon(path: Path = LEXICON_PATH) -> Lexicon:
    return Lexicon.model_validate(raw_lexicon(path))
