"""Issue #10 section 1, safety16: a process question about a particular child at risk soon is a worry first.

"is there a protocol for burns on a 3yo ... mum is collecting him in an hour", "what's the process for a torn frenulum
in a 7 week old? at the home now": a procedural frame ("is there a protocol", "what's the process", "how long does a
referral take") no longer outweighs a particular child with a harm cue and a time that is now or soon (tonight,
tomorrow, in an hour, at the home now, daily). Questions about process with such a time but no particular child stay
quiet. Sentences are written here, not copied from any corpus; the worries were seen quiet on main before the change.
"""

from __future__ import annotations

import pytest

from knowledge.safety import detect_worry

ALARM = [
    "whats the process for a bruise on the cheek of an 8 week old? hv here, at the home now",
    "procedure question - if a 6 yr old tells staff her cousin hurts her when he babysits and he is babysitting tonight"
    " who do we ring",
    "whats the policy if a pupil asks us not to tell anyone about burning herself, shes 14, doing it daily",
    "is there a protocol for a scald on a 2yo, looks like a hot liquid mark, nan is collecting her in an hour",
]

QUIET = [
    "is the neglect training tomorrow still going ahead for the year 9 team",
    "how long does a strategy discussion usually take to arrange, asking for the audit tomorrow",
    "what's the timescale for a section 47 enquiry once a strategy meeting decides one is needed",
]


@pytest.mark.parametrize("text", ALARM)
def test_a_particular_child_at_risk_soon_alarms_whatever_the_frame(text: str) -> None:
    assert detect_worry(text).is_worry, text


@pytest.mark.parametrize("text", QUIET)
def test_a_soon_in_a_process_question_about_no_one_stays_quiet(text: str) -> None:
    assert not detect_worry(text).is_worry, text
