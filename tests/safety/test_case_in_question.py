"""A case told inside a question about the route or put as a hypothetical (issue #10 section 1, branch safety59): a
child playing "in role play" is no training role play, "she's in my form group" or "it happened to one of my
families" makes the hypothetical the writer's own case, "is this the right place for a <child>" brings one; and the
procedural shapes beside them stay quiet. Sentences are written here, not copied from any corpus."""

from __future__ import annotations

import pytest

from knowledge.safety import detect_worry

ALARM = [
    # fail on main b045e43a: "role play" read as a training scenario; the hypothetical's owner not read
    "nursery practitioner, 4yo in role play kept pretending to strangle the baby doll and said 'that's what dad does "
    "to mummy'. manager on a course",
    "hypothetically if a lad has been coming in with cigarette burns on his arms and won't say who did them, what's "
    "the route? he's in my form group",
    "hypothetical but it's a real case - if a 9 yr old is sleeping in a car with his dad and has no food, who do "
    "i call",
    "midwife, is this right place for a newborn with a mark on his cheek and no explanation?",
    # guards (alarm on main too)
    "if a toddler swallowed her mum's methadone and was rushed in, is that a notification? it happened with one of "
    "my families on saturday",
    "health visitor here, is this the right place for a 10 week old with a bruise on her cheek?",
    "is this the right team for a 2 month old with bruising on his ear, not rolling yet",
]

QUIET = [
    # fails on main: "i just want" read as a time now
    "how many children died in the area last year? our head asked, I just want the number for a governor report",
    # guards
    "writing a role play for our designated leads where a child shows a burn, can you check the script",
    "is this the right place to ask about the non mobile baby bruising protocol training dates?",
    "a girl who was on a CP plan moved schools in march, do we get told when her plan is closed?",
    "how do we request the chronology from the previous local authority for a child in care?",
    "the lad we referred to the exploitation panel turned 18 in june, do we still need to attend his review?",
    "how do I book a place on the neglect training for our new childminder?",
]


@pytest.mark.parametrize("text", ALARM)
def test_a_case_told_inside_a_route_question_or_hypothetical_alarms(text: str) -> None:
    assert detect_worry(text).is_worry, detect_worry(text)


@pytest.mark.parametrize("text", QUIET)
def test_route_duty_and_admin_questions_stay_quiet(text: str) -> None:
    assert not detect_worry(text).is_worry, detect_worry(text)
