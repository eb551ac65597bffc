"""The worry's category decides the route shown under the 999 line (routes.yaml), so a worry read under the wrong
category sends the practitioner to the wrong first step. safety31: men giving a child money or gifts at houses she
is taken to is sexual exploitation (was criminal exploitation or a general worry); a baby who does not babble and is
never looked at is emotional harm (was a general worry). safety37: a child sleeping at an adult's flat is sexual
exploitation (was a general worry), and staff who "was told by" a pupil are the ones who heard, not the ones accused
(was an allegation against staff). Sentences are written here; each category was seen wrong on the commit before the
change.
"""

from __future__ import annotations

import pytest

from knowledge.safety import detect_worry


@pytest.mark.parametrize(("text", "category"), [
    ("her 'friend' drives her to flats where older men buy her stuff, she's 15", "sexual_exploitation"),
    ("14 yr old says a man takes her to parties at different houses where men give her money", "sexual_exploitation"),
    ("hv: 11m old very quiet, no babbling, dad never holds her or looks at her, she's left in the cot all day",
     "emotional"),
    ("my colleague was told by a pupil that a year 9 girl is sleeping at a 24 year old's flat, what's the route",
     "sexual_exploitation"),
    ("our TA was told by a year 3 boy that his dad punches him when he wets the bed", "physical"),
    # safety49: "going round" is images shared only beside a place or an image word ("going round in circles" is not)
    ("theres a video of him going round snapchat, he is 13", "online_harm"),
])
def test_the_worry_is_read_under_its_own_category(text: str, category: str) -> None:
    worry = detect_worry(text)
    assert worry.is_worry and worry.category == category, worry


def test_a_seven_minute_briefing_is_about_a_past_case() -> None:
    """safety31: a "7 minute briefing" (the learning-review summary format) on a child who died is no worry now."""
    worry = detect_worry("is there a 7 minute briefing on the baby who drowned in the bath, for our nursery staff")
    assert not worry.is_worry, worry
