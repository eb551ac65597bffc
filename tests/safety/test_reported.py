"""Issue #10 section 1, safety17: a worry reported on, inside a question about something else.

Seen quiet on main before the change (each sentence written here, not copied from a corpus):
* someone rang or called in about one child ("the shop called in about a 12 yr old ...");
* a child asked the writer for something and said what is happening ("a lad of 13 asked me about ...");
* a day of the week places one child's event in time ("... who collapsed on Tuesday");
* someone was seen doing it ("the caretaker was seen kicking a year 4 boy");
* a later "what's next for him" follows up the situation told, it does not make the message a procedural question.
Quiet: a case that may one day happen ("if a child ever tells us ...") and a review of a past case ("the review
where the toddler died ...").
"""

from __future__ import annotations

import pytest

from knowledge.safety import detect_worry

ALARM = [
    "the newsagent has called in a 13 yr old taking stuff to order, someone older waits outside in a van. "
    "what referral route for possible CCE",
    "any books on wellbeing we can give teens? a girl of about 15 asked me for one on how to stop cutting, said she "
    "has been doing it since easter. should i have done something else?",
    "which absence code do we use when a pupil dies? its a year 10 boy who died on Sunday after taking something. his "
    "little sister is on our roll too. anything else?",
    "a parent told reception our school nurse, who also runs a cub pack, was seen smacking a 6 year old at cubs. who "
    "should this be passed to?",
    "officers at a disturbance report a 5 week old with a floppy leg, parents say it got stuck in the cot bars. im on "
    "the desk - whats next for the baby",
]

QUIET = [
    "making a sign for the gym wall: if a gymnast ever tells us a coach touched them, which number should go on it - "
    "lado or police?",
    "is there a 7 minute briefing on the review where the 4 year old died of neglect and had untreated rickets? our "
    "clinic wants it",
]


@pytest.mark.parametrize("text", ALARM)
def test_a_reported_worry_alarms_whatever_else_is_asked(text: str) -> None:
    assert detect_worry(text).is_worry, text


@pytest.mark.parametrize("text", QUIET)
def test_a_case_that_may_happen_or_a_review_stays_quiet(text: str) -> None:
    assert not detect_worry(text).is_worry, text
