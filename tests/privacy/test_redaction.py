"""Redaction (round 34, the red team's findings 8, 10 and 14): what `redact` leaves of a name, and what a dense
repeated shape costs it. Through the real app: tests/answers (the "not helpful" value and the kept question)."""

from __future__ import annotations

import pytest

from bot.privacy import published, redact


def test_a_dense_repeated_shape_redacts_to_a_short_text() -> None:
    """'Ab1-' repeated: 10,000 names, each once its own [removed], grew the text to 110,000 characters for the next
    pass to screen again (62 ms); removals apart by a few characters and no letter are now one."""
    for unit in ("Ab1-", "a.b@"):
        assert len(redact(unit * 10_000)) < 100, unit


def test_a_mailbox_at_no_public_domain_is_judged_without_reading_the_text_before(monkeypatch) -> None:
    """'a.b@' repeated: 5,000 addresses, each had the 60 characters before it searched for 'shared inbox'
    (15 us each) though only an address at a public body's domain can be a team's."""
    class Refuse:
        def search(self, _text: str) -> None:
            raise AssertionError("read")

    monkeypatch.setattr(published, "_SHARED", Refuse())
    assert not published.team_mailbox("a.b@a.b", "the team use a shared mailbox, ")
    with pytest.raises(AssertionError):
        published.team_mailbox("cw.lac@nhs.net", "the team use a shared mailbox, ")


def test_spans_apart_by_a_word_stay_apart() -> None:
    assert redact("Kayla Nowak and Amy Jones came") == "[removed] and [removed] came"
