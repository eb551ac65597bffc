"""Issue #10 section 2, answers12: facts held in other written forms, rules asked with "meant to", professional
disagreements and entries reached by everyday words.

A slot ("how fast", "how often") is answered when the entry, or a close runner-up, holds the fact in any written
form ("a 24-hour turnaround"); "how many deaths is the footprint meant to cover" asks a rule, not a local count; a
disagreement with another professional is the escalation route, not the child-safety reply. Sentences are written
here, not copied from any set; each was seen failing on main 9fd976f.
"""

from __future__ import annotations

import pytest

from knowledge.safety import detect_worry
from tests.knowledge.conftest import assert_declined

CWAC = "cheshire-west-and-chester"


@pytest.mark.parametrize(
    ("question", "partnership", "says", "entry"),
    [
        ("what's the expected turnaround for the cwac front door on a new contact", CWAC, "24-hour",
         f"{CWAC}.process.i-art-figures"),
        ("how many child deaths a year is a review footprint supposed to cover", None, "60 deaths",
         "national.process.child-death-review"),
        ("halton cdop - how many deaths per year is the footprint meant to be able to review", "halton", "60 deaths",
         "national.process.child-death-review"),
        ("the CE working group in cwac, how frequently and who is it joint with", CWAC, "quarterly",
         f"{CWAC}.group.child-exploitation"),
    ],
)
def test_a_fact_held_in_another_form_is_answered(ask, question, partnership, says, entry) -> None:
    res = ask(question, partnership)
    assert res.outcome == "answer" and res.entry is not None and res.entry.id == entry, res.text
    assert says in res.text


def test_how_quick_asks_a_timescale_no_entry_holds(ask) -> None:
    assert_declined(ask("how quick does halton children's social care have to decide on a referral", "halton"),
                    "do not give a timescale")


@pytest.mark.parametrize(
    "question",
    [
        "disagreement with a gp over whether to refer, talked it through and still stuck, what next in warrington",
        "disagreement w the school dsl about a case, we talked and still stuck, warrington - what is my next step",
    ],
)
def test_a_professional_disagreement_reaches_the_escalation_route(ask, question) -> None:
    assert not detect_worry(question).is_worry
    res = ask(question, "warrington")
    assert not res.safety and res.entry is not None, res.text
    assert res.entry.id == "warrington.escalation.professional-differences"


def test_a_disagreement_about_a_hurt_child_stays_a_worry() -> None:
    said = "i disagree with the social worker, the boy has bruises and says dad hit him last night"
    assert detect_worry(said).is_worry


@pytest.mark.parametrize(
    ("question", "partnership"),
    [
        ("my 12 year old nephew's mate has been living with a neighbour for two months while his mum works abroad, "
         "is that a thing i should report?", "halton"),
        ("a girl in year 8 is stopping with her friend's family for the whole summer, dad's working away. cheshire "
         "west - does that need flagging", CWAC),
    ],
)
def test_a_concept_described_rather_than_named_reaches_its_entry(ask, question, partnership) -> None:
    res = ask(question, partnership)
    assert res.entry is not None and "private-fostering" in res.entry.id, res.text
    assert "28 days" in res.text


def test_a_description_missing_a_sign_is_not_the_concept() -> None:
    from knowledge.described import named

    assert named("staying with a friend for a few weeks: who chairs the halton executive") == ["private fostering"]
    assert named("my friend is staying with us, who chairs the halton executive") == []


def test_a_malformed_description_fails_naming_the_field(tmp_path) -> None:
    from knowledge.vocabulary import VOCABULARY_FILE, VocabularyError, parse_vocabulary

    text = VOCABULARY_FILE.read_text(encoding="utf-8")
    assert "      - [staying with, stays with," in text
    bad = text.replace("      - [staying with, stays with,", "      - [Staying With!, stays with,")
    (tmp_path / "v.yaml").write_text(bad, encoding="utf-8")
    with pytest.raises(VocabularyError, match="described"):
        parse_vocabulary(tmp_path / "v.yaml")


@pytest.mark.parametrize(("question", "partnership"), [
    ("cwac escalation - days at each step?", CWAC),  # the Pan Cheshire policy's steps carry no days
    ("what are the steps and days for escalation in wirral", "wirral"),
])
def test_days_asked_beside_the_steps_are_a_timescale(ask, question, partnership) -> None:
    """Sixteenth session (blind-bi): the days asked beside an escalation's steps, where the documents give none."""
    assert_declined(ask(question, partnership), "do not give a timescale")


def test_the_days_are_answered_where_the_steps_carry_them(ask) -> None:
    res = ask("what are the steps and days in the warrington escalation policy", "warrington")
    assert res.outcome == "answer" and "Day one" in res.text, res.text
