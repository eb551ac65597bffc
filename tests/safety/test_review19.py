"""The nineteenth session's review of safety59's frames (issue #10 section 1): a duty asked ("do we need to tell
anyone ...") is how a worried practitioner often opens, so a child described after it still alarms; "in general
what ..." does not hide a case told after it; children playing a role play are no training exercise; "a genuine
allegation" / "a real risk" asked in general stays quiet. Sentences are written here, not copied from any corpus."""

from __future__ import annotations

import pytest

from knowledge.safety import detect_worry

ALARM = [
    # a duty asked, then a child described (fail on 608a89d: the duty frame hid them)
    "do we need to tell anyone? a year 8 girl in my class is 12 and says she is pregnant",
    "do i have to inform someone if a 13 year old says she sleeps at her 22 year old boyfriend's flat",
    "do we still have to notify anyone, the 14 yo on my caseload has a 30 year old 'friend' picking her up",
    # "in general" then a case told with its time
    "in general what happens when a 13 year old is found drunk in a car with two older men - it happened on friday",
    # children doing a role play, one telling of home
    "the kids did a role play about bedtime and one girl said her uncle gets in her bed",
]

QUIET = [
    # "genuine" / "real" asked in general (fail on 608a89d: read as "it's a real case")
    "at what point is a genuine allegation about a member of staff passed to the lado, is there a test",
    "what counts as a real risk of significant harm under the threshold guidance",
    # guards
    "do we need to attend the strategy meeting if school has already shared its report",
    "writing a role play for our designated leads where a child shows a burn, can you check the script",
]


@pytest.mark.parametrize("text", ALARM)
def test_a_child_described_after_a_duty_or_general_frame_alarms(text: str) -> None:
    assert detect_worry(text).is_worry, detect_worry(text)


@pytest.mark.parametrize("text", QUIET)
def test_genuine_and_real_asked_in_general_stay_quiet(text: str) -> None:
    assert not detect_worry(text).is_worry, detect_worry(text)
