"""The writer's own child named inside a hypothetical ("if a kid i work with ...") is a case, a general child ("if a
pupil ...") stays general; a worry already passed on that came to nothing is a worry now; a slip in the writer's own
paperwork, an adult who works with no child, a role play's day and "lads" beside an adult's cue give no child's
alarm (branch safety60). Sentences are written here, not copied from any corpus."""

from __future__ import annotations

import pytest

from knowledge.safety import detect_worry

ALARM = [
    # fail on main 0510c9da
    "hypothetically if a girl i mentor had scratches on her neck and said her stepdad grabbed her, who would i ring",
    "I referred a 6 week old with a bruise on his ear a fortnight ago and nothing happened, is that usual?",
    # guards (alarm on main too)
    "say a young person we support turned up with a swollen wrist and said his uncle twisted it, is that police",
    "raised the man who waits outside for a year 8 girl with the dsl in may and it went nowhere",
    "hypothetically if one of mine came in with a black eye and said dad did it, would that go to the front door",
    "told the office about a taxi driver giving a 13yo sweets and lifts, nothing happened",
]

QUIET = [
    # fail on main 0510c9da
    "I entered the wrong postcode for a boy on the referral I sent yesterday, how do I correct it",
    "our new cleaner (no contact with children) has an old caution on her DBS, do we need to tell anyone",
    "for our role play on tuesday: a 9 yr old says her mum's boyfriend hits her. what should the worker say first",
    "a gang of lads keep knocking on my elderly neighbour's door demanding cash, she's got dementia",
    # guards
    "hypothetically if a child had a burn on her hand, who do i call",
    "hypothetically if a pupil disclosed abuse, what should i do",
    "families we support keep asking what early help is, is there a leaflet",
    "we made a referral last term and never heard anything back, is there a timescale for feedback?",
]


@pytest.mark.parametrize("text", ALARM)
def test_own_child_in_a_hypothetical_or_a_worry_that_went_nowhere_alarms(text: str) -> None:
    assert detect_worry(text).is_worry, detect_worry(text)


@pytest.mark.parametrize("text", QUIET)
def test_paperwork_slips_role_play_days_and_adult_matters_stay_quiet(text: str) -> None:
    assert not detect_worry(text).is_worry, detect_worry(text)
