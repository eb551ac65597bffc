"""The screen's word lists and cue words, loaded once from bot/privacy/data/ and validated at load.

Names, English words and places are large lists built from public sources by
scripts/build_privacy_lexicon.py, and British and Irish places named in two or more words by
scripts/build_place_phrases.py (each file's first line names its source and licence); cue words and
allow-lists are in vocabulary.yaml. A missing, empty or malformed file stops the bot at start, not mid-request.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, field_validator, model_validator

DATA = Path(__file__).resolve().parent / "data"
_ENTRY = re.compile(r"[a-z][a-z'\-]{0,38}[a-z]")
_VOCAB_ENTRY = re.compile(r"[a-z0-9][a-z0-9'&+/:\- ]{0,40}")
# Smallest plausible size of each built list: a truncated file is an error, not a quietly weaker screen.
_MINIMUM = {"first_names": 5000, "first_names_extra": 100, "surnames": 5000, "surnames_frequent": 1000,
            "english_words": 30000, "english_rare": 20000, "proper_nouns": 1000, "places": 2000,
            "place_phrases": 1000}


def fold(word: str) -> str:
    """Lower case without accents or curly apostrophes: the form every list is looked up in."""
    decomposed = unicodedata.normalize("NFKD", word.casefold().replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class Vocabulary(BaseModel):
    """vocabulary.yaml: every key is a list of lower-case words or short phrases."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    role_words: frozenset[str]
    initial_roles: frozenset[str]
    relation_after_possessive: frozenset[str]
    person_relations: frozenset[str]
    person_states: frozenset[str]
    person_only_acts: frozenset[str]
    named_place_words: frozenset[str]
    person_verbs: frozenset[str]
    verbs_after: frozenset[str]
    clause_openers: frozenset[str]
    contact_verbs: frozenset[str]
    after_contact: frozenset[str]
    titles: frozenset[str]
    family_nouns: frozenset[str]
    family_home_nouns: frozenset[str]
    family_case_labels: frozenset[str]
    family_describers: frozenset[str]
    family_visit_cues: frozenset[str]
    family_context_words: frozenset[str]
    named_room_nouns: frozenset[str]
    plant_names: frozenset[str]
    plant_context: frozenset[str]
    water_name_words: frozenset[str]
    water_context: frozenset[str]
    common_words: frozenset[str]
    not_names: frozenset[str]
    org_words: frozenset[str]
    acronyms: frozenset[str]
    venue_words: frozenset[str]
    local_places: frozenset[str]
    vehicle_makes: frozenset[str]
    vehicle_words: frozenset[str]
    colours: frozenset[str]
    social_platforms: frozenset[str]
    work_verbs: frozenset[str]
    professional_titles: frozenset[str]
    professional_roles: frozenset[str]
    role_fillers: frozenset[str]
    services: frozenset[str]
    sectors: frozenset[str]
    service_kinds: frozenset[str]
    set_off_service_next: frozenset[str]
    named_ward_nouns: frozenset[str]
    listed_place_preps: frozenset[str]
    done_to_words: frozenset[str]
    team_verb_adverbs: frozenset[str]
    service_units: frozenset[str]
    service_phone_cues: frozenset[str]
    self_phone_cues: frozenset[str]
    service_mobile_cues: frozenset[str]
    singular_referents: frozenset[str]
    rare_traits: frozenset[str]
    rare_belongings: frozenset[str]
    communities: frozenset[str]
    family_compositions: frozenset[str]
    notable_events: frozenset[str]
    settings: frozenset[str]
    service_mailbox_words: frozenset[str]
    eponym_nouns: frozenset[str]
    admin_number_words: frozenset[str]
    casework_meetings: frozenset[str]
    named_place_nouns: frozenset[str]
    patron_titles: frozenset[str]
    event_subjects: frozenset[str]
    incident_words: frozenset[str]
    event_times: frozenset[str]
    event_places: frozenset[str]
    not_event_subject_next: frozenset[str]
    casework_words: frozenset[str]
    service_acronyms: frozenset[str]
    strong_initial_roles: frozenset[str]
    pupil_cues: frozenset[str]
    street_person_cues: frozenset[str]
    street_venues: frozenset[str]
    street_soft_cues: frozenset[str]
    verb_particles: frozenset[str]
    street_types_named: frozenset[str]
    street_types_place: frozenset[str]
    street_types_numbered: frozenset[str]
    street_abbreviations: frozenset[str]
    street_unit_words: frozenset[str]
    dwellings: frozenset[str]
    generic_street_words: frozenset[str]
    personal_number_cues: frozenset[str]
    name_idioms: frozenset[str]
    abstract_name_words: frozenset[str]
    abstract_predicates: frozenset[str]
    pet_words: frozenset[str]
    unique_posts: frozenset[str]
    service_terms: frozenset[str]
    newspaper_titles: frozenset[str]
    solo_jobs: frozenset[str]
    workplace_nouns: frozenset[str]
    shop_chains: frozenset[str]
    screen_shows: frozenset[str]
    public_incident_acts: frozenset[str]
    public_incident_things: frozenset[str]
    allegation_words: frozenset[str]
    case_nouns: frozenset[str]
    published_people: frozenset[str]
    eponym_organisations: frozenset[str]
    fiction_names: frozenset[str]
    fiction_context: frozenset[str]
    fiction_person_cues: frozenset[str]
    org_plural_verbs: frozenset[str]
    not_name_times: frozenset[str]
    season_event_nouns: frozenset[str]
    season_list_words: frozenset[str]
    short_words: frozenset[str]
    label_not_letters: frozenset[str]
    hyphen_not_initials: frozenset[str]
    moods: frozenset[str]
    hospital_beds: frozenset[str]
    hospital_units: frozenset[str]
    parking_words: frozenset[str]
    nickname_prefixes: frozenset[str]
    nickname_not: frozenset[str]
    sibling_sets: frozenset[str]
    age_units: frozenset[str]
    setting_staff_roles: frozenset[str]
    setting_not_last: frozenset[str]
    referral_verbs: frozenset[str]
    document_parts: frozenset[str]
    subject_cues: frozenset[str]
    subject_ends: frozenset[str]
    apposed_people: frozenset[str]
    household_cues: frozenset[str]
    surname_particles: frozenset[str]
    permission_words: frozenset[str]
    person_bare_verbs: frozenset[str]
    house_name_words: frozenset[str]
    hidden_lodgings: frozenset[str]
    nursery_age_rooms: frozenset[str]
    generic_rooms: frozenset[str]
    course_not_words: frozenset[str]
    aside_words: frozenset[str]
    person_participles: frozenset[str]
    post_time_owners: frozenset[str]

    @property
    def setting_staff_words(self) -> frozenset[str]:
        """Each setting role's first word: own_setting.py reads a message only when one is in it."""
        return frozenset(r.split()[0] for r in self.setting_staff_roles) | {"student", "learner", "apprentice"}

    @model_validator(mode="before")
    @classmethod
    def _streets(cls, data: object) -> object:
        """Street types are one list in three kinds: no word in two kinds; named and place ones end an organisation's
        or place's name too ("Grace Road", "Hope Park"), so they join org_words here rather than being copied."""
        if not isinstance(data, dict):
            return data
        kinds = [data.get(f"street_types_{k}") for k in ("named", "place", "numbered")]
        if all(isinstance(k, list) for k in kinds):
            seen = [w for k in kinds for w in k]
            if len(seen) != len(set(seen)):
                raise ValueError(f"street types in two kinds: {sorted({w for w in seen if seen.count(w) > 1})[:3]}")
            if isinstance(data.get("org_words"), list):
                data = {**data, "org_words": [*data["org_words"], *kinds[0], *kinds[1]]}
        return data

    @property
    def street_types(self) -> frozenset[str]:
        """Every street type, of any kind."""
        return self.street_types_named | self.street_types_place | self.street_types_numbered

    @field_validator("*", mode="before")
    @classmethod
    def _words(cls, value: object) -> frozenset[str]:
        if not isinstance(value, list) or not value:
            raise ValueError("must be a non-empty list")
        bad = [v for v in value if not isinstance(v, str) or not _VOCAB_ENTRY.fullmatch(v)]
        if bad:
            raise ValueError(f"entries must be lower-case words: {bad[:3]}")
        return frozenset(value)


class Lexicon(BaseModel):
    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)
    first_names: frozenset[str]
    surnames: frozenset[str]
    frequent_surnames: frozenset[str]  # surnames common enough that "the Greens" is a family
    english: frozenset[str]
    rare_english: frozenset[str]  # rarer words: ordinary when in no name list ("stakeholders")
    proper_nouns: frozenset[str]
    places: frozenset[str]  # every word of a place name
    place_names: frozenset[str]  # whole place names
    place_phrases: frozenset[str]  # GB and Irish places named in two or more words, read as phrases only
    vocab: Vocabulary


_PHRASE = re.compile(r"[a-z][a-z\-]{1,30}(?: [a-z][a-z\-]{0,30}){1,3}")  # place_phrases: two to four words


def _word_list(data: Path, name: str, entry: re.Pattern[str] = _ENTRY) -> frozenset[str]:
    """A built list: its first line names the source and licence, every entry has the list's shape, and it is not
    shorter than its `_MINIMUM` (a truncated file is an error, not a quietly weaker screen)."""
    path = data / f"{name}.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or not lines[0].startswith("# ") or "source:" not in lines[0]:
        raise ValueError(f"{path.name}: first line must name the source and licence")
    words = lines[1:]
    bad = [w for w in words if not entry.fullmatch(w)]
    if bad:
        raise ValueError(f"{path.name}: malformed entries {bad[:3]}")
    if len(words) < _MINIMUM[name]:
        raise ValueError(f"{path.name}: {len(words)} entries, expected at least {_MINIMUM[name]}")
    return frozenset(words)


def alternation(words: frozenset[str]) -> str:
    """A regex alternation of words and short phrases, longest first so 'range rover' wins over 'rover'."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s{1,3}") for w in sorted(words, key=lambda w: (-len(w), w)))


def _vocabulary(data: Path) -> Vocabulary:
    return Vocabulary.model_validate(yaml.safe_load((data / "vocabulary.yaml").read_text(encoding="utf-8")))


@cache
def vocabulary() -> Vocabulary:
    """vocabulary.yaml alone, loaded once per process: the patterns compiled at import (street types) read it."""
    return _vocabulary(DATA)


@cache
def lexicon() -> Lexicon:
    """The screen's lists, loaded once per process."""
    return load(DATA)


def load(data: Path) -> Lexicon:
    """Read and validate every list in `data`; raises ValueError (or pydantic's ValidationError) if one is bad."""
    vocab = vocabulary() if data == DATA else _vocabulary(data)
    place_words = set()
    place_names = _word_list(data, "places") | vocab.local_places
    for place in place_names:
        place_words.update(p for p in re.split(r"[\s\-]+", place) if p)
    return Lexicon(
        first_names=_word_list(data, "first_names") | _word_list(data, "first_names_extra"),
        surnames=_word_list(data, "surnames"),
        frequent_surnames=_word_list(data, "surnames_frequent"),
        english=_word_list(data, "english_words") | vocab.common_words,
        rare_english=_word_list(data, "english_rare"),
        proper_nouns=_word_list(data, "proper_nouns"),
        places=frozenset(place_words),
        place_names=place_names,
        place_phrases=_word_list(data, "place_phrases", _PHRASE),
        vocab=vocab,
    )
