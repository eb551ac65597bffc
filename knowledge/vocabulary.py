"""The search vocabulary (`data/vocabulary.yaml`), validated with pydantic and loaded once.

The words that make a practitioner's question meet the documents (stopwords, spellings, acronyms,
concept groups, place names) and the out-of-scope cues live in data so a business unit can extend them
without touching code. A bad file fails loudly naming the field, like the knowledge base itself.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from knowledge.partnerships import PARTNERSHIPS

VOCABULARY_FILE = Path(__file__).resolve().parent / "data" / "vocabulary.yaml"
OTHER_AREAS_NAME = "other_areas.yaml"  # beside the vocabulary: councils and towns whose arrangements are not held
_WORD = re.compile(r"^[a-z0-9&£]+( [a-z0-9&£]+)*$")  # "£" alone asks for an amount


def _check_phrases(phrases: list[str]) -> list[str]:
    if bad := [p for p in phrases if not _WORD.match(p)]:
        raise ValueError(f"phrases must be lower-case words separated by single spaces: {bad[:5]}")
    return phrases


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Described(_Strict):
    """A concept practitioners describe rather than name ("staying with a family friend for 6 weeks"): a message
    holding a phrase of every group of `signs` asks about `name` (knowledge/described.py)."""

    name: str
    signs: list[list[str]] = Field(min_length=2)
    unless: list[str] = Field(default_factory=list)  # phrases that make the message about something else

    @field_validator("signs")
    @classmethod
    def _signs(cls, v: list[list[str]]) -> list[list[str]]:
        if not all(v):
            raise ValueError("every group of signs needs a phrase")
        return [_check_phrases(group) for group in v]


class ScopeRule(_Strict):
    """One class of question the documents do not answer."""

    reason: str = Field(min_length=10)
    pointer: str = Field(min_length=10)
    phrases: list[str] = Field(min_length=1)
    unless: list[str] = Field(default_factory=list)
    first_year: int | None = None
    # a worried message asking this gets 999 and the front door, then this decline ("... can I prescribe?")
    beside_worry: bool = False
    asked_only: bool = False  # ... only when a clause that asks holds it, not the case told ("no money for food")
    # other areas: with a served place named too ("moved from Chester to Flintshire"), the other area is still what
    # is asked about when one of these words stands right before it
    asked_after: list[str] = Field(default_factory=list)
    asked_before: list[str] = Field(default_factory=list)  # ... or one of these right after it ("X social services")
    asked_doing: list[str] = Field(default_factory=list)  # ... or it does one of these: "what does sefton use"
    # ... or the question compares the two ("the same threshold document as", "like warrington does"): nothing is
    # held on the other area, so `compared_reason` says so and what is held here may be offered
    compared: list[str] = Field(default_factory=list)
    compared_before: list[str] = Field(default_factory=list)  # only right before a place ("like", "unlike")
    compared_anywhere: list[str] = Field(default_factory=list)  # also outside the asking clauses ("X vs Y: ...")
    compared_reason: str | None = None
    # a move into a served place ("family just moved to halton from knowsley last week") says where the question is
    # about, not what it asks: beside a served place the search drops it (`moved` verbs, `moved_when` times)
    moved: list[str] = Field(default_factory=list)
    moved_when: list[str] = Field(default_factory=list)
    moved_who: list[str] = Field(default_factory=list)  # who moved, dropped with it ("the family", "mum and kids")
    # where the asker worked before ("the GCP2 we used in stockport", "in knowsley we did the CAF", "moved from
    # wigan"): the asker's past, not what is asked; that area's name is dropped before any decline or search
    been: list[str] = Field(default_factory=list)  # the asker of themselves, in the past ("we used", "my old")
    been_at: list[str] = Field(default_factory=list)  # ... then the place after one of these ("in", "at")

    _phrases = field_validator("phrases", "unless", "asked_after", "asked_before", "compared",
                               "compared_before", "compared_anywhere", "moved", "moved_when",
                               "moved_who", "been", "been_at")(_check_phrases)


class AdultRule(ScopeRule):
    """Adult safeguarding. An `unless` word ("child", "baby") makes it a child's question; so does a `relatives` word
    ("son") unless the message plainly concerns an adult ("vulnerable adult, her son takes her money")."""

    relatives: list[str] = Field(default_factory=list)

    _relatives = field_validator("relatives")(_check_phrases)


class TopicRule(ScopeRule):
    """A named class of topics the documents do not cover (office matters, public services, the law)."""

    name: str = Field(min_length=2)


# The structured fields that can state a fact for the entry's own subject (`FactKind.fields`).
SLOT_FIELDS = ("group.frequency", "group.chair", "timescale", "route.windows", "contact.phone", "contact.email",
               "contact.address")


class SlotFocus(_Strict):
    """'how often does X *meet*': asked with one of `asked`, the fact must stand beside one of `shown`."""

    asked: list[str] = Field(min_length=1)
    shown: list[str] = Field(min_length=1)
    # a shown word followed by one of these (after "the / their / its") is another sense: "meet their duties"
    other_senses: list[str] = Field(default_factory=list)

    _phrases = field_validator("asked", "shown", "other_senses")(_check_phrases)


class FactKind(_Strict):
    """A kind of fact (a figure, a cost...) the question asks for and the entry must contain."""

    name: str
    reason: str = Field(min_length=10)
    pointer: str = Field(min_length=10)
    cues: list[str] = Field(min_length=1)
    evidence: list[str] = Field(min_length=1)
    prefer_figures: bool = False  # a question asking for this kind prefers entries made of figures
    prefer_holder: bool = False  # a near runner-up holding this fact (an email) is answered before the top
    contact: bool = False  # a contact detail (phone, email, web or postal address): for what is asked, or declined
    beside_worry: bool = False  # a worried message asking this gets 999 and the front door, then this decline
    worry_cues: list[str] = Field(default_factory=list)  # ... asked so only ("name of the", not "knows her name")
    holder_by_field: bool = False  # ... only when it holds it plainly (its own field; under the word asked)
    near: int | None = None  # evidence must stand within this many words of what is asked (a name by its role)
    local_only: bool = False  # only a partnership's own entry can hold it (a count in the area)
    national_holds: bool = False  # a national entry holds it for every area (the rapid review's 15 working days)
    unless: list[str] = Field(default_factory=list)  # with any of these the question asks something else
    about_person: list[str] = Field(default_factory=list)  # beside a person the documents name, asks for this kind
    person_asks: list[str] = Field(default_factory=list)  # "who runs ...": a person is asked, even beside an `unless`
    # The slot must be stated *of what is asked*: evidence within this many words of a word the question asks
    # it of (or of a `focus` word), unless one of `fields` states it in the entry's structured payload.
    subject_near: int | None = Field(default=None, ge=1)
    focus: list[SlotFocus] = Field(default_factory=list)
    focus_only: bool = False  # `subject_near` applies only when a focus is asked ("how much did the *police* pay")
    needs_focus: bool = False  # the kind is asked only with a focus word ("when does X *meet*")
    fields: list[str] = Field(default_factory=list)
    # with a focus ("who *chairs* the practice improvement group"), the evidence must stand beside the asked subject's
    # weighty words too, not anywhere in the entry: another body's chair is not the one asked about
    beside_subject: bool = False
    dated: bool = False  # a year asked must be one the entry gives (as for figures)
    # asked with `counted` ("how many days", "how quickly"), the `not_counted` evidence (a frequency) does not answer
    counted: list[str] = Field(default_factory=list)
    what_ends: list[str] = Field(default_factory=list)  # "what's the X's budget": a what-question ending so asks too
    not_counted: list[str] = Field(default_factory=list)
    # adjectives among the evidence ("quarterly") that, right before another noun ("quarterly report"), describe
    # that noun: with a focus they count only before a focus word ("quarterly meetings") or no noun at all
    qualifiers: list[str] = Field(default_factory=list)
    _cues = field_validator("cues", "unless", "what_ends", "about_person", "person_asks", "counted", "qualifiers",
                            "worry_cues")(_check_phrases)

    @field_validator("fields")
    @classmethod
    def _fields(cls, v: list[str]) -> list[str]:
        if unknown := [f for f in v if f not in SLOT_FIELDS]:
            raise ValueError(f"unknown structured field(s) {unknown} (known: {', '.join(SLOT_FIELDS)})")
        return v

    @model_validator(mode="after")
    def _not_counted(self) -> FactKind:
        if stray := [p for p in self.not_counted if p not in self.evidence]:
            raise ValueError(f"not_counted {stray} is not one of the kind's evidence patterns")
        return self

    @field_validator("evidence")
    @classmethod
    def _regexes(cls, v: list[str]) -> list[str]:
        for pattern in v:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"evidence {pattern!r} is not a valid regular expression: {exc}") from exc
        return v


class NowRule(_Strict):
    """'who chairs the executive now': what is true today, which documents of 2019-20 cannot confirm."""

    words: list[str] = Field(min_length=1)  # now, currently, still, latest, this year ...
    anchored: list[str] = Field(default_factory=list)  # "now the LSCB has gone": the documents' own change
    kinds: dict[str, str] = Field(min_length=1)  # fact kind name -> what cannot be confirmed ("who chairs it")
    asks: dict[str, str] = Field(default_factory=dict)  # other cues ("who sits on") -> what
    events: dict[str, str] = Field(default_factory=dict)  # "has the website launched yet" (with `event_words`)
    event_words: list[str] = Field(default_factory=list)  # yet, by now
    # "which years have been agreed so far": a question opening with one of these asks what the documents list
    event_lists: list[str] = Field(default_factory=list)  # which, what
    # "how often is it now? heard it was only twice a year": the asker checks a claim of the slot against the documents
    claims: list[str] = Field(default_factory=list)  # heard it, told me its ...
    before_role: list[str] = Field(default_factory=list)  # "who is the *new* director": the holder after the documents
    reason: str = Field(min_length=10)  # with {as_of} and {what}
    pointer: str = Field(min_length=10)

    _phrases = field_validator("words", "anchored", "event_words", "event_lists", "claims",
                               "before_role")(_check_phrases)


class AfterRule(ScopeRule):
    """Events after the documents. "what changed with Working Together 2023", "what changed for the partnerships":
    a `changes` cue with a later year asks what changed, locally (a `local` word, a served place) or with no other
    subject than what changed (`changed_of`: working together, guidance), which the 2019 documents cannot say."""

    changes: list[str] = Field(default_factory=list)
    local: list[str] = Field(default_factory=list)
    changed_of: list[str] = Field(default_factory=list)
    bounds: list[str] = Field(default_factory=list)  # "beyond 2021": a later year named only where the entry ends

    _after = field_validator("changes", "local", "changed_of", "bounds")(_check_phrases)


class OutOfScope(_Strict):
    other_areas: ScopeRule
    adult: AdultRule
    after_documents: AfterRule
    now: NowRule | None = None
    topics: list[TopicRule] = Field(default_factory=list)
    fact_kinds: list[FactKind] = Field(default_factory=list)
    council_words: list[str] = Field(default_factory=list)  # "the local council": named for the area asked about

    @model_validator(mode="after")
    def _now_kinds(self) -> OutOfScope:
        if unknown := sorted(set(self.now.kinds) - {k.name for k in self.fact_kinds}) if self.now else []:
            raise ValueError(f"out_of_scope.now.kinds names no fact kind: {unknown}")
        return self


class Vocabulary(_Strict):
    stemmer: Literal["light", "pystemmer"] = "light"
    stopwords: frozenset[str]
    generic: frozenset[str]
    folds: dict[str, str]
    spellings: dict[str, str]
    numbers: dict[str, str] = Field(default_factory=dict)
    informal: dict[str, str] = Field(default_factory=dict)
    acronyms: dict[str, str]
    concepts: list[tuple[str, ...]]
    described: list[Described] = Field(default_factory=list)  # a concept told as a situation
    places: dict[str, list[str]]
    help_words: frozenset[str]
    list_cues: list[str] = Field(default_factory=list)
    contact_cues: list[str] = Field(default_factory=list)
    action_cues: list[str] = Field(default_factory=list)
    level_cues: list[str] = Field(default_factory=list)  # "which level would that sit at": the area's threshold
    membership_cues: list[str] = Field(default_factory=list)  # "are we a relevant agency": the area's agency list
    kind_cues: list[str] = Field(default_factory=list)  # "schools like ours": the word before says the asker's kind
    example_ends: frozenset[str] = frozenset()  # "staff like coaches or leaders come to": where examples end
    service_cues: list[str] = Field(default_factory=list)  # "how do i apply for a DBS": getting one, not what it is
    what_first_category: str | None = None  # safety category whose "what to do first" leads an action question
    front_door_categories: frozenset[str] = frozenset()  # harms whose "what do I do if..." the front door answers
    own_route_words: frozenset[str] = frozenset()  # ... unless one of these names a process of its own ("death")
    group_cues: list[str] = Field(default_factory=list)
    name_cues: list[str] = Field(default_factory=list)  # "what do they call the plan here": a name asked for
    engagement_cues: list[str] = Field(default_factory=list)  # "which groups does youth justice sit on"
    engagement_openers: list[str] = Field(default_factory=list)  # ... in a clause opening so
    who_cues: list[str] = Field(default_factory=list)  # "who's on the panel": people or a body, not a timescale
    partner_cues: list[str] = Field(default_factory=list)  # "who are the safeguarding partners": the area's partners
    asking_words: list[str] = Field(default_factory=list)
    asking_cues: list[str] = Field(default_factory=list)  # a time or frequency asked: the subject test applies
    role_nouns: frozenset[str] = frozenset()
    ordinary_words: frozenset[str] = frozenset()  # chat words: a fixed low weight, not their idf (search.py)
    self_roles: list[str] = Field(default_factory=list)  # "SW here, ...": who asks, read as context (roles.py)
    own_role_modifiers: list[str] = Field(default_factory=list)  # "as a brand new DSL": weighs nothing (roles.py)
    not_ing_verbs: frozenset[str] = frozenset()  # "during", "training": -ing words that place no one (roles.py)
    pointing_back_words: frozenset[str] = frozenset()  # "to which job titles": a question leaning on the one before
    role_heads: frozenset[str] = frozenset()  # "DA worker here": a role's head noun, said of oneself (roles.py)
    role_verbs: dict[str, str] = Field(default_factory=dict)  # "who chairs X" asks for the X's chair
    now_words: list[str] = Field(default_factory=list)  # "who is the DCS now": today's holder of a role
    route_roles: frozenset[str] = frozenset()  # "who is the LADO (now)": the route to the role, not a person
    route_asks: frozenset[str] = frozenset()  # "lado contact pls": a way to reach a route role asked for
    holder_roles: frozenset[str] = frozenset()  # "who is the WSP manager": a person asked for, not what the post does
    question_words: frozenset[str] = frozenset()
    relayed_verbs: list[str] = Field(default_factory=list)  # "my manager asked ...": who asks is not the topic
    clause_fillers: frozenset[str] = frozenset()  # "so", "quick one": skipped before a clause's first word
    clause_openers: frozenset[str] = frozenset()  # besides question_words: a clause starting so asks ("list ...")
    request_cues: list[str] = Field(default_factory=list)  # "can you", "walk me through": the clause asks
    remark_openers: frozenset[str] = frozenset()  # "..., need it for induction": a remark after the last comma
    remark_statements: list[str] = Field(default_factory=list)  # "..., back home it was different": a remark too
    back_references: frozenset[str] = frozenset()  # "is that right?": the clause before is what it asks about
    # "the wirral spotlight sessions, how long do they last?": besides back_references, words that make a short
    # question lean on the clause before it even when it opens with a question word
    pointing_words: frozenset[str] = frozenset()
    # "whose view wins?", "what's the service called?": a clause of only these asks about the one before
    subjectless_words: frozenset[str] = frozenset()
    recourse_questions: list[str] = Field(default_factory=list)  # "..., what can the partnership do?": leans back
    recourse_fillers: frozenset[str] = frozenset()  # read past in a recourse question ("ultimately", "in the end")
    choice_fillers: frozenset[str] = frozenset()  # "is it still X or ...": read past (question.py)
    choice_none: frozenset[str] = frozenset()  # "is it the same as ... or": a first choice offering no answer
    agency_name_noise: frozenset[str] = frozenset()
    agency_everyday: dict[str, str] = Field(default_factory=dict)  # "dental" -> "dentist": names an agency's example
    group_name_noise: frozenset[str] = frozenset()
    out_of_scope: OutOfScope

    @field_validator("stopwords", "generic", "help_words", "agency_name_noise", "group_name_noise", "role_nouns",
                     "ordinary_words", "route_roles", "route_asks", "holder_roles", "question_words", "clause_fillers",
                     "clause_openers", "back_references", "remark_openers", "pointing_words", "subjectless_words",
                     "recourse_fillers", "choice_fillers", "choice_none", mode="before")
    @classmethod
    def _split(cls, v: str | list[str]) -> frozenset[str]:
        return frozenset(v.split() if isinstance(v, str) else v)

    @field_validator("acronyms")
    @classmethod
    def _acronyms(cls, v: dict[str, str]) -> dict[str, str]:
        if bad := [k for k, exp in v.items() if not k.isalnum() or k != k.lower() or not _WORD.match(exp)]:
            raise ValueError(f"acronyms must be lower-case alphanumeric with a folded expansion: {bad[:5]}")
        return v

    _cue_lists = field_validator("list_cues", "contact_cues", "group_cues", "who_cues", "action_cues", "level_cues",
                                  "membership_cues", "kind_cues", "service_cues", "engagement_cues", "now_words",
                                  "name_cues", "partner_cues", "relayed_verbs", "request_cues", "remark_statements",
                                  "recourse_questions")(_check_phrases)

    @field_validator("spellings", "informal", "role_verbs", "agency_everyday")
    @classmethod
    def _one_word(cls, v: dict[str, str]) -> dict[str, str]:
        if bad := [k for k, w in v.items() if not (k.isalnum() and k == k.lower() and w.isalpha() and w == w.lower())]:
            raise ValueError(f"each entry maps one lower-case word to one lower-case word: {bad[:5]}")
        return v

    @field_validator("numbers")
    @classmethod
    def _numbers(cls, v: dict[str, str]) -> dict[str, str]:
        if bad := [k for k, d in v.items() if not (k.isalpha() and d.isdigit())]:
            raise ValueError(f"numbers map a word to digits: {bad[:5]}")
        return v

    @field_validator("concepts")
    @classmethod
    def _groups(cls, v: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
        if short := [i + 1 for i, group in enumerate(v) if len(group) < 2]:
            raise ValueError(f"concept group #{short[0]} needs at least two words")
        return v

    _self_roles = field_validator("self_roles", "own_role_modifiers")(_check_phrases)

    @model_validator(mode="after")
    def _ordinary(self) -> Vocabulary:
        """One copy of each list: an ordinary word is not also a stopword or a generic word."""
        if both := sorted(self.ordinary_words & (self.stopwords | self.generic)):
            raise ValueError(f"ordinary_words repeats stopwords or generic words: {both}")
        return self

    @model_validator(mode="after")
    def _places(self) -> Vocabulary:
        if unknown := [slug for slug in self.places if slug not in PARTNERSHIPS]:
            raise ValueError(f"places: unknown partnership slug(s) {unknown} (known: {', '.join(PARTNERSHIPS)})")
        seen: dict[str, str] = {}
        for slug, names in self.places.items():
            for name in names:
                if name in seen:
                    raise ValueError(f"places: {name!r} is listed under both {seen[name]} and {slug}")
                seen[name] = slug
        if clash := sorted(set(seen) & set(self.out_of_scope.other_areas.phrases)):
            raise ValueError(f"out_of_scope.other_areas repeats served place names: {clash}")
        return self

    @property
    def place_slugs(self) -> dict[str, str]:
        """Place name -> partnership slug."""
        return {name: slug for slug, names in self.places.items() for name in names}


class VocabularyError(ValueError):
    """The vocabulary file is invalid; the message names the field."""


def _with_elsewhere(raw: object, path: Path) -> object:
    """Other areas' councils and towns (`other_areas.yaml` beside the vocabulary, a long list kept as its own data)
    join `out_of_scope.other_areas.phrases`; the phrases are then validated as any vocabulary list."""
    areas = raw.get("out_of_scope", {}).get("other_areas") if isinstance(raw, dict) else None
    if not path.exists() or not isinstance(areas, dict):
        return raw
    more = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("places") or []
    areas["phrases"] = list(dict.fromkeys([*areas.get("phrases", []), *more]))
    return raw


def parse_vocabulary(path: Path = VOCABULARY_FILE) -> Vocabulary:
    try:
        raw = _with_elsewhere(yaml.safe_load(path.read_text(encoding="utf-8")), path.with_name(OTHER_AREAS_NAME))
    except (OSError, yaml.YAMLError) as exc:
        raise VocabularyError(f"{path.name}: cannot read YAML: {exc}") from exc
    try:
        return Vocabulary.model_validate(raw)
    except ValidationError as exc:
        problems = [f"{path.name}: field {'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()]
        raise VocabularyError("; ".join(problems)) from exc


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The shipped vocabulary, parsed once per process."""
    return parse_vocabulary()
