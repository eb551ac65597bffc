"""answers22 (blind-bk, blind-bl): a worried message is declined beside the 999 line only for what its own asking
clauses ask (a housing band, a police decision, an email address the documents do not give), never for a setting named
around them; a year range after the documents is declined though the entry names its first year; a question naming no
subject of its own ("whose view wins?", "what's the service called?") asks about what was said before it. Sentences
are written here, not copied from any set."""

from __future__ import annotations

import pytest

from knowledge.safety import SAFETY_LEAD


@pytest.mark.parametrize(
    ("question", "partnership", "says"),
    [
        ("support worker in widnes. mum and her two girls have left a violent partner and are in a refuge - where "
         "would they sit on the housing waiting list?", "halton", "do not cover that"),
        ("youth worker in chester. a 13 year old we know was picked up after a fight and mum is worried - will the "
         "police do a voluntary interview with him or arrest him?", "cheshire-west-and-chester",
         "police operational decisions"),
        ("school DSL in wallasey, a 9 year old has told us her uncle hurts her. should the police arrest the uncle "
         "before anyone talks to mum?", "wirral", "police operational decisions"),
        ("allegation about a dinner lady hitting a child, whats the LADO email for warrington please",
         "warrington", "no email address"),
    ],
)
def test_what_the_worried_message_asks_is_declined_beside_999(ask, question, partnership, says) -> None:
    res = ask(question, partnership)
    assert res.safety and res.text.startswith(SAFETY_LEAD), res.text
    assert not res.answered and res.outcome == "cannot_answer" and says in res.text, res.text


@pytest.mark.parametrize(
    ("question", "partnership"),
    [
        ("letting agent here - the 13yo son of one of my tenants is staying with a neighbour (not family) for a couple "
         "of months while mum works away. does anyone need to be told?", "cheshire-west-and-chester"),
        ("housing officer query: a 15 year old has moved in with a friend's family, not relatives, for the summer. is "
         "that private fostering?", "warrington"),
    ],
)
def test_a_setting_named_around_the_question_is_no_decline(ask, question, partnership) -> None:
    res = ask(question, partnership)
    assert res.answered and "private" in res.text.lower() and "do not cover that" not in res.text, res.text


@pytest.mark.parametrize(
    ("question", "partnership"),
    [("how much did the partners put into the cheshire west partnership in 2022-23 after the freeze",
      "cheshire-west-and-chester"),
     ("what will each partner contribute to the cwac partnership in 2021-22, beyond the two years",
      "cheshire-west-and-chester")],
)
def test_a_year_range_after_the_documents_is_declined(ask, question, partnership) -> None:
    res = ask(question, partnership)
    assert not res.answered and "date from 2019" in res.text, res.text


def test_a_year_range_the_documents_cover_is_answered(ask) -> None:
    res = ask("what were the cwac partner contributions for 2019-20", "cheshire-west-and-chester")
    assert res.answered and "218,866" in res.text, res.text


@pytest.mark.parametrize(
    ("question", "partnership", "expect"),
    [
        ("on the call the CCG and police said no serious incident notification was needed but the DCS wanted one. in "
         "cheshire west whose decision stands?", "cheshire-west-and-chester", "DCS will proceed"),
        ("deputy head in ellesmere port asked me who gives schools safeguarding advice and holds them to account in "
         "cheshire west, what's the service called?", "cheshire-west-and-chester",
         "Safeguarding Children in Education"),
    ],
)
def test_a_question_naming_no_subject_asks_about_what_was_said(ask, question, partnership, expect) -> None:
    res = ask(question, partnership)
    assert res.answered and expect in res.text, res.text
