"""safety51 (corpus-ap): a worry told beside a question about whom to contact or where it goes ("who do I even
ring", "is there a local number", "which team", "does this go to the ... panel"), before or after it, is judged on
what was told; a population ("half of our families"), a child from the writer's past, a review, a document for a
population, a policy looked over and training for an audience stay general. Sentences are written here, not copied
from a corpus; the ones marked "guard" already passed on the commit before the change, every other one failed there
(safety53 added a population counted as a number: "the total of children on plans this month").
"""

from __future__ import annotations

import pytest

from knowledge.safety import detect_worry, get_detector
from knowledge.safety_patterns import clauses


@pytest.mark.parametrize("text", [
    # a contact question first, then the writer rang about one child
    "what's the complaints route when the front door never calls back? I phoned on Monday about a boy with burns on "
    "both hands and heard nothing",
    # the told part, then "who do I even phone, is there a local number"
    "at camp a 10 year old had her back covered in marks. who do I even phone, is there a local number?",
    "two men in a car keep handing her packets at the school gate, she's 13. which team?",
    "15 year old glassed in the face at a party, won't say who. is there a number I should call?",
    # where it goes, asked after ("does this go to the ... panel?")
    "boxing gym, 14 year old member came in with his ribs strapped and a cut eye, won't say who did it. does this go "
    "to the serious case review panel?",
    # a post's name asked first, then a year group's child doing something
    "who's our Prevent lead these days? yr 8 girl posting beheading clips in the group chat and saying infidels will "
    "pay",
    # guards
    "who tells the GP after a child dies? our year 4's 7yo brother drowned on Sunday and she keeps saying dad was "
    "shouting",
    "a mum says our volunteer sent her 12 year old a selfie of himself in his boxers. is there a partnership number?",
    "corner shop owner, a 9yo keeps coming in alone for bread, says dad's been asleep for days. does the council have "
    "a contact for shops?",
])
def test_a_worry_beside_a_contact_question_is_a_worry(text: str) -> None:
    assert detect_worry(text).is_worry, detect_worry(text)


@pytest.mark.parametrize(("text", "cue_word"), [
    ("says dad's been asleep for days and there's nothing in the fridge", "asleep"),
    ("the coach sent her a video of himself in his pants", "himself"),
    ("he was shot in the face with a pellet gun", "glassed"),
    ("his legs were covered in marks", "covered"),
])
def test_new_cues_are_read(text: str, cue_word: str) -> None:
    cues = get_detector().detect(text, use_model=False).cues
    assert any(cue_word in cue for cue in cues), cues


@pytest.mark.parametrize("text", [
    # a population, not one child
    "loads of our pupils say they've been sent nudes by strangers online - is there a local campaign we can join?",
    "half of our families are in temporary housing with no heating - who leads on poverty at the partnership?",
    # a population counted as a number over a period (safety53)
    "current total of children on child protection plans across halton this month?",
    "total of young people on CIN plans this quarter for our area please, for the governors",
    # a child from the writer's past
    "a girl I fostered years ago was killed by her partner - does the partnership ever review cases like that?",
    # a domestic homicide review
    "has the DHR about the dad and the two kids been published? we want it for our DA refresher",
    # a document for a population
    "our leaflet for families whose baby has died needs the new CDOP number - who updates it?",
    # guards
    "does the partnership have a contact for charities? our youth club wants someone to look over our child abuse "
    "policy",
    "DSL training for trustees, half day or full? ours still can't see why a coach texting a 13yo is a concern",
    "who would I speak to about child criminal exploitation in general, just so I know for the future",
])
def test_a_population_a_past_case_or_a_document_stays_quiet(text: str) -> None:
    assert not detect_worry(text).is_worry, detect_worry(text)


@pytest.mark.parametrize("text", [
    "someone to look over our child abuse policy",
    "safeguarding training for governors next term",
    "a session on online harms for our year 9 parents",
    "who do we ask, just so I know for the future",
    "the leaflet for parents whose child has died",
])
def test_a_policy_looked_over_training_for_an_audience_or_asking_in_general_is_general(text: str) -> None:
    assert get_detector().reader.in_context(clauses(text)), text
