"""Round 17 (branch privacy17): unique events as practitioners note them, and the practice text that stays clean.

A child, what happened and when and where it happened identify them to everyone who saw it or read of it. Notes drop
the article ("lad taken to a&e on sat night"), shorten the weekday ("on fri", "weds night"), name an injury or an
admission ("a fractured skull", "admitted to ... with a head injury") or a film that went round. A note with no
article is read as "a child": both a day and a place are needed. None of these sentences is from a corpus or a probe
set; each FOUND line was seen passing the screen before the change.
"""

from __future__ import annotations

import pytest

from bot.privacy import find_identifiers, redact

FOUND = [
    "kid taken into leighton hospital on sat afternoon after the crash at the retail park",
    "the toddler admitted to the countess on weds with a fractured arm",
    "the girl in the video that went round the academy on tues",
    "boy found near the canal in Runcorn on the 14th",
    "the 11yo left in the car outside the Morrisons in Widnes on fri night",
]

CLEAN = [
    # practice text: injuries, admissions and films of any child, with no particular day or place
    "a fracture in a non-mobile baby always needs a child protection medical",
    "if a child is brought into a&e with burns the nurse checks the history",
    "videos going round schools should be reported, not shared",
    # no article: any young person, so a place alone is not enough
    "yp found at the bus station are taken home by the police",
    # a shortened weekday of a meeting
    "core group moved to weds night at the family hub",
]


@pytest.mark.parametrize("text", FOUND)
def test_a_unique_event_is_found(text):
    assert "event" in {f.kind for f in find_identifiers(text)}, text
    assert not find_identifiers(redact(text))


@pytest.mark.parametrize("text", CLEAN)
def test_practice_text_about_events_stays_clean(text):
    assert find_identifiers(text) == []
