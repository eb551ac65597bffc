"""Note-style messages (issue #10 section 1, held-out misses and false alarms of corpus E): procedural notes,
questions to colleagues, reflection on closed cases, review summaries, statistics and adult safeguarding stay
quiet; a worry written as a terse note (a role label, a negation before a comma, "not picking up", "texted me",
a time that is not an age) still alarms. Sentences are written here, not copied from any corpus."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from knowledge.safety import Detector, detect_worry, get_detector
from knowledge.safety_lexicon import Lexicon, raw_lexicon

QUIET = {
    "meeting notes and actions": [
        "actions from yesterday's board: refresh the neglect pathway and circulate it to schools",
        "minutes of the strategy subgroup - item 2 bruising protocol, agreed with no changes",
        "notes of the exploitation panel: more referrals from colleges this quarter",
    ],
    "asking colleagues": [
        "anyone know a decent session on healthy relationships for year 9?",
        "who's on the executive from health these days?",
    ],
    "terminology and timings": [
        "is 'child sexual exploitation' still the term we use? updating the policy wording",
        "conference timings: initial within 15 working days, review at 3 months then every 6 months?",
    ],
    "reflection on a closed case": [
        "reflecting on a family we closed last spring - should we have challenged the school sooner? for supervision",
        "with hindsight, could agencies have spotted the neglect earlier in that review?",
    ],
    "review summaries and findings about services": [
        "review summary: a 15 year old was exploited for months and professionals did not share what they knew",
        "themes across the last four reviews: babies under one, parental drug use, fathers not seen",
    ],
    "training materials": [
        "our module on neglect uses the example of a boy found eating from bins - is the slide deck online?",
        "looking for a lesson plan on grooming for year 8 assemblies",
    ],
    "statistics": [
        "breakdown of missing episodes by locality please",
        "has there been an increase in self harm among boys?",
    ],
    "a hypothetical told in the present tense": [
        "a 14 year old tells her youth worker she is sleeping with a 20 year old - does that need reporting?",
    ],
    "behind a courtesy": [
        "sorry to bother you but what exactly is meant by significant harm?",
        "not sure if this is the right place but how do we book the multi-agency course?",
        "can you help? who do I contact for the designated officer in Halton",
    ],
    "a process question after a hypothetical": [
        "if a child turns up with a burn, what's the process?",
        "what's the threshold for a neglect referral in Wirral?",
    ],
    "adult safeguarding": [
        "my elderly neighbour's son keeps taking her pension, who do I tell?",
        "my client is 52 and is being financially exploited by his nephew, where do I report it",
    ],
}

ALARM = {
    "a negator before a comma": [
        "the baby has no cot, dog mess on the floor where she sleeps",
        "he can't go home, nowhere to stay tonight, he's 15",
    ],
    "a goodbye and no answer": [
        "17yo texted me 'sorry for everything, bye' and now she's not picking up",
        "she messaged me at 2am saying she'd swallowed a packet of pills",
    ],
    "a role label": [
        "school nurse: yr 8 boy, bruising on both upper arms, says he 'fell'",
        "police: we've just brought a 14yo down from a bridge, she says she'll go back, where does she go",
    ],
    "a child at an adult's address": [
        "police found our 14yo at 3am at the flat of a man she met online",
    ],
    "an age that is not a time": [
        "baby 3 months has a bruise on his cheek",
    ],
    "a courtesy first": [
        "can you help? a girl in my class says her brother's mates make her hold packages for them",
        "sorry to bother you, a 3 year old at nursery has bruises on both ears",
    ],
    "a follow-up question about it": [
        "two brothers aged 4 and 6 locked out of the house overnight again - what's the process?",
        "girl says her stepdad films her in the shower - does this meet threshold?",
        "boy of 13 sleeping in a stairwell since friday, where do I send it?",
    ],
    "an adult marker beside a child": [
        "nan has dementia and the 4yo is left with her all day",
    ],
}


@pytest.mark.parametrize("kind", sorted(QUIET))
def test_notes_and_general_questions_stay_quiet(kind: str) -> None:
    alarmed = [t for t in QUIET[kind] if detect_worry(t).is_worry]
    assert not alarmed, alarmed


@pytest.mark.parametrize("kind", sorted(ALARM))
def test_a_worry_written_as_a_note_alarms(kind: str) -> None:
    missed = [t for t in ALARM[kind] if not detect_worry(t).is_worry]
    assert not missed, missed


def test_a_negator_denies_only_within_its_comma_segment() -> None:
    """"no cot, dog mess ..." is no denial; "no bruises on his arms" still is."""
    det = get_detector()
    assert det.detect("the baby has no cot, dog mess on the floor", use_model=False).is_worry
    denied = det.detect("my pupil has no bruises on his arms, the home visit went well", use_model=False)
    assert not denied.is_worry and denied.frames == det.lex.frames.frame_cap


def test_a_time_in_months_is_no_child() -> None:
    """"at 3 months" is a time: no anchor, no specific child; "baby 3 months" is a child."""
    det = get_detector()
    assert det.detect("first review at 3 months, then every 6 months", use_model=False).score == 0.0
    assert det.detect("baby 3 months has a bruise on his cheek", use_model=False).is_worry


def test_new_lexicon_lists_are_validated() -> None:
    raw = raw_lexicon()
    Detector(Lexicon.model_validate(raw))
    for key in ("adult_strong", "minor_words"):
        bad = {**raw, key: ["@nosuchset"]}
        with pytest.raises(ValidationError, match=f"{key}: '@nosuchset': unknown set"):
            Lexicon.model_validate(bad)
    bad = {**raw, "frames": {**raw["frames"], "no_child": ["~2 months"]}}
    with pytest.raises(ValidationError, match=r"frames\.no_child: '~2 months': the first slot"):
        Lexicon.model_validate(bad)


def test_start_frames_are_read_past_a_courtesy() -> None:
    """"sorry to bother you but what counts as ..." opens with "what counts as"; a courtesy alone opens nothing."""
    reader = get_detector().reader
    words = str.split  # a message's tokens
    assert reader.past_preamble(words("sorry to bother you but what counts as neglect")) == ["what", "counts", "as",
                                                                                             "neglect"]
    assert reader.opens_as_question(words("hi quick question how long is a section 47")) > 0
    assert reader.opens_as_question(["can", "you", "help"]) == 0
