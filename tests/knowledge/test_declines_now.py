"""Issue #10 section 2, decline10: what is true *now*, and what a decline offers.

The documents date from 2019-20: a chair, a person, a figure or a frequency asked for now is declined with the
documents' date, what they said then and whom to ask; the same question without a now word is answered. A
decline offers only an entry about what was asked, never another group's.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.vocabulary import VOCABULARY_FILE, VocabularyError, parse_vocabulary
from tests.knowledge.conftest import assert_declined

CWAC = "cheshire-west-and-chester"


@pytest.mark.parametrize(
    ("question", "partnership", "then"),
    [
        ("who chairs the cwac scp executive at present?", CWAC, "Gill Frame"),
        ("who's currently chairing the executive group in cheshire west", CWAC, "Gill Frame"),
        ("is the cheshire west QA&S still meeting bi-monthly", CWAC, "bi-monthly"),
        ("who sits on the warrington strategic safeguarding group these days", "warrington", "Operational Director"),
        ("who is on the wirral partners executive group currently", "wirral", "statutory safeguarding partners"),
    ],
)
def test_a_slot_asked_for_now_is_declined_with_what_the_documents_said_then(ask, question, partnership,
                                                                            then) -> None:
    res = ask(question, partnership)
    assert_declined(res, "date from")
    assert "2019" in res.text and "can't confirm" in res.text
    assert then in res.text  # what the documents said then, with its source
    assert "Source:" in res.text and "For anything else, contact" in res.text


@pytest.mark.parametrize(
    ("question", "partnership", "says"),
    [
        ("who chairs the cwac scp executive", CWAC, "Gill Frame"),  # the arrangements, with their as-of date
        ("how often does the QA&S group meet in cheshire west", CWAC, "bi-monthly"),
        ("is there still an independent chair now the lscb has gone", CWAC, "Independent Chair"),  # the change
        ("does cwac still use the continuum of need", CWAC, "Continuum of Need"),  # no slot asked
        ("who is the lado in halton now", "halton", "LADO"),  # reached as a service
    ],
)
def test_without_a_now_word_or_about_the_change_it_is_answered(ask, question, partnership, says) -> None:
    res = ask(question, partnership)
    assert res.answered and res.outcome == "answer", res.text
    assert says in res.text
    assert "As of" in res.text


@pytest.mark.parametrize(
    ("question", "partnership", "wrong", "right"),
    [
        ("how often does the halton executive meet", "halton", "accountable officers", None),
        ("how often does the wirral partners executive meet", "wirral", "Responsibilities of Wirral partnership",
         "Safeguarding Partners Executive Group"),
    ],
)
def test_a_decline_offers_only_the_group_asked_about(ask, question, partnership, wrong, right) -> None:
    res = ask(question, partnership)
    assert_declined(res, "how often")
    assert wrong not in res.text
    if right is not None:
        assert f"What I hold on this: _{right}" in res.text


def test_vocabulary_rejects_a_now_kind_that_is_no_fact_kind(tmp_path: Path) -> None:
    bad = VOCABULARY_FILE.read_text(encoding="utf-8").replace("    kinds: {a chair: who chairs it,",
                                                               "    kinds: {a chairs: who chairs it,")
    (tmp_path / "v.yaml").write_text(bad, encoding="utf-8")
    with pytest.raises(VocabularyError, match=r"now\.kinds"):
        parse_vocabulary(tmp_path / "v.yaml")


@pytest.mark.parametrize(
    ("question", "partnership"),
    [
        # another process's day windows: the escalation route's days are not a referral decision's
        ("within how many working days does warrington social care make its decision on a referral", "warrington"),
        # a frequency is no count of days or speed ("annual audits", "bi-monthly meetings")
        ("how many days do warrington schools get to send back the section 175 audit", "warrington"),
        ("how fast does the cheshire west QA&S group deal with an exception", CWAC),
    ],
)
def test_a_timescale_must_be_said_of_the_process_asked(ask, question, partnership) -> None:
    assert_declined(ask(question, partnership), "timescale")


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("how many days do i have at step 2 of the escalation process", "three to nine"),
        ("how many days to resolve a professional disagreement", "Day one"),
    ],
)
def test_the_routes_own_days_are_still_answered(ask, question, says) -> None:
    res = ask(question, "warrington")
    assert res.answered and says in res.text, res.text


def test_vocabulary_rejects_not_counted_evidence_the_kind_lacks(tmp_path: Path) -> None:
    bad = VOCABULARY_FILE.read_text(encoding="utf-8").replace(
        "      not_counted: ['\\b(annual|", "      not_counted: ['\\b(yearly|")
    assert bad != VOCABULARY_FILE.read_text(encoding="utf-8")
    (tmp_path / "v.yaml").write_text(bad, encoding="utf-8")
    with pytest.raises(VocabularyError, match="not_counted"):
        parse_vocabulary(tmp_path / "v.yaml")


def test_meet_in_another_sense_is_no_meeting(ask) -> None:
    # "whether the three partners meet their statutory duties" says nothing of how often anyone meets
    assert_declined(ask("does the wirral partnership group meet monthly", "wirral"), "how often")
    res = ask("how often do the halton accountable officers meet", "halton")
    assert res.answered and "every 6 months" in res.text, res.text


def test_a_count_for_now_is_declined_even_beside_a_service_role(ask) -> None:
    # the LADO is reached as a service ("who is the LADO now" is answered), but its 2017-18 count is not today's
    res = ask("how many LADO referrals has cheshire west had this year", CWAC)
    assert_declined(res, "date from March 2018")
    res = ask("who currently sits on the warrington quality assurance group", "warrington")
    assert_declined(res, "who sits on it now")
