"""Procedural questions that use safeguarding words (issue #10 section 1, fourth pass: definitions, policy
hypotheticals for settings other than schools, training prompts, records systems) stay quiet; a definition
question followed by one child of the writer's still alarms. Sentences are written here, not copied from any
corpus."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from knowledge.safety import detect_worry
from knowledge.safety_lexicon import Lexicon, raw_lexicon

QUIET = {
    "a post's term, not a child's age (safety15)": [
        "who replaced the independent chair after her 12 months post transition in halton",
        "the business manager is on a 6 month secondment, who covers the rapid review paperwork?",
        "who took on the scrutineer role in wirral once his 12 months were up",  # a period that ends (safety46)
    ],
    "a time with no one in its clause (safety47)": [
        "who's the business manager at the moment? need to ring them about a step 2 dispute",
    ],
    "a group named by what it works on (safety48)": [
        "youth worker, does halton have a group that looks at child exploitation and county lines, how often does it "
        "meet",  # an alarm before the change
        "is there a panel that focuses on child sexual exploitation in halton, who sits on it",
    ],
    "an idiom, not images shared (safety49)": [
        "SW here, school unhappy with us closing a CIN case and it's going round in circles, is there an escalation "
        "policy or do we just go manager to manager",
    ],
    "the name of a scheme asked (safety50)": [
        "whats the scheme called where police let nurseries know about a DV incident at a child's home overnight",
    ],
    "a published review named by a child's letter (safety52)": [
        "what were the main messages of the Child Z review on home schooling",  # an alarm before the change
        "our DSLs want a summary of the baby K review around bruising in non mobile babies",
    ],
    "definition: the same thing as": [
        "is county lines grooming the same thing as criminal exploitation of a child, or wider?",
    ],
    "hypothetical for a setting other than a school": [
        "what should a youth club do where a 15 year old is believed to be carrying a knife for dealers?",
        "how should a pharmacist respond where a 14 year old is thought to be buying pills to overdose?",
    ],
    "a trainer's prompt": [
        "the facilitator asked us to picture a baby rushed to A&E with a fractured skull, who leads?",
        "our tutor had us consider a 2 month old with a broken leg brought into A&E, what should the notes say",
    ],
    "records systems": [
        "where in MyConcern do I note that a pupil had a bruise on her arm?",
        "what box on the referral form covers a child who is missing education?",
        "the return interview template for a runaway teenager keeps crashing and won't submit, who fixes it?",
        "should body maps showing a child's bruises be stored on the pupil's file or only on paper?",
    ],
    "a definition by a long phrase, or where the term falls": [
        "is locking kids in their bedroom all weekend treated as neglect or as emotional abuse?",
        "is giving a toddler vodka to make him sleep viewed as neglect in England?",
    ],
    "course context and training answers": [
        "during the training a teenager cutting her arms was the example given, was the right answer a CAMHS referral?",
        "saw a video on the course about a boy forced to sell drugs by his cousin, may I use it with our parents?",
    ],
}

ALARM = {
    "a definition, then one of the writer's children": [
        "would a slipper across the legs count as abuse? one of our year 2s has red welts on her thighs",
        "is it classed as radicalisation - a year 10 girl keeps posting that the attackers were heroes",
        "does shouting count as emotional harm, my pupil says her dad screams that she's worthless",
        "which field do I use? the boy in my class has burn marks on his hands today",
    ],
}


@pytest.mark.parametrize("kind", sorted(QUIET))
def test_procedural_questions_stay_quiet(kind: str) -> None:
    alarmed = [t for t in QUIET[kind] if detect_worry(t).is_worry]
    assert not alarmed, alarmed


@pytest.mark.parametrize("kind", sorted(ALARM))
def test_a_worry_shaped_like_a_procedural_question_alarms(kind: str) -> None:
    missed = [t for t in ALARM[kind] if not detect_worry(t).is_worry]
    assert not missed, missed


def test_a_scenario_stays_general_after_a_turn_to_one_child() -> None:
    """A training scenario frames the whole message, even when a later segment reads like one child now."""
    assert not detect_worry("for the course quiz: what counts as neglect? a year 4 boy keeps coming in hungry").is_worry


def test_turns_to_is_validated() -> None:
    raw = raw_lexicon()
    bad = {**raw, "frames": {**raw["frames"], "turns_to": ["@nosuchset has"]}}
    with pytest.raises(ValidationError, match=r"frames\.turns_to: '@nosuchset has': unknown set"):
        Lexicon.model_validate(bad)
