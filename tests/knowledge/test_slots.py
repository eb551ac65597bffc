"""Issue #10 section 2, near-misses: an answer must carry the specific fact asked for (decline9).

A question asking for a slot (how often, who chairs, a phone number, a figure for a year, how many days, one
partner's money) is answered only by an entry that states it *of what is asked*; otherwise it is declined with
the reason and a pointer. Each class has its near-miss (declined) and the fact the documents do give (answered).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.base import load_knowledge_base
from knowledge.counting import counted_in_year, years_in
from knowledge.slots import asked_of, field_states, names_subject
from knowledge.vocabulary import VOCABULARY_FILE, VocabularyError, parse_vocabulary, vocabulary
from tests.knowledge.conftest import assert_declined


@pytest.mark.parametrize(
    ("question", "partnership", "says"),
    [
        # a frequency the entry gives of something else (learning events), or of another group (the accountable
        # officers meet six-monthly; the executive's meetings are not given)
        ("how often does halton's SPG get together", "halton", "how often"),
        ("is the halton safeguarding executive meeting held monthly?", "halton", "how often"),
        # a time the entry gives of something else ("the accountable officers meet every 6 months")
        ("how long have halton's partners got to resolve a disagreement about funding", "halton", "timescale"),
        ("what turnaround does the wirral front door work to", "wirral", "timescale"),
        # no chair named, a negated chair ("names no chair"), another group's chair
        ("does the wirral ensuring outcomes group have a chair", "wirral", "who chairs"),
        ("chair of the wirral partnership group meetings?", "wirral", "who chairs"),
        ("halton health sub group - chair?", "halton", "who chairs"),
        # a phone number asked without the words "phone number"
        ("what's the cwac LADO's number", "cheshire-west-and-chester", "no phone number"),
        ("i-ART telephone?", "cheshire-west-and-chester", "no phone number"),
        # a figure the entry gives under another year ("April 2019: 49 children missing")
        ("how many children went missing in warrington during 2017-18", "warrington", "figure"),
        ("how many children were privately fostered in warrington in 2019", "warrington", "figure"),
        # one partner's share where the documents give only totals
        ("how much did cheshire police put into the lscb in 2017-18", "cheshire-west-and-chester", "cost"),
        # a total for a year the entry does not give
        ("what was the cwac partnership's total income in 2019-20", "cheshire-west-and-chester", "cost"),
        # when a group meets, which the documents do not give; a national timescale for another thing
        ("which day does the warrington impact forum meet", "warrington", "when that meets"),
        ("how long does a warrington table top de-brief take", "warrington", "timescale"),
        # another area asked about beside a served place
        ("we moved from widnes to wrexham, who runs child protection in wrexham", "halton", "not Wrexham"),
    ],
)
def test_a_slot_the_documents_do_not_state_of_what_is_asked_is_declined(ask, question, partnership, says) -> None:
    assert_declined(ask(question, partnership), says)


@pytest.mark.parametrize(
    ("question", "partnership", "says"),
    [
        ("how often do cwac's child exploitation working group get together", "cheshire-west-and-chester",
         "quarterly"),
        ("does the cheshire west QA&S group meet bi-monthly", "cheshire-west-and-chester", "bi-monthly"),
        ("how frequently do halton's three accountable officers meet", "halton", "every 6 months"),
        ("how often is the DBS check of a wirral partnership member reviewed", "wirral", "3 years"),
        # the time stands in the defining clause, not beside the question's words
        ("how many days before a child living with a family friend counts as privately fostered in cwac",
         "cheshire-west-and-chester", "28 days"),
        # the linked national timescale the answer shows
        ("warrington rapid review panel - how quickly must it finish", "warrington", "15 working days"),
        ("who chairs cheshire west's rapid review panel", "cheshire-west-and-chester", "Independent Chair"),
        ("how many contacts were made to the LADO in warrington in april 2019", "warrington", "317"),
        ("how many referrals to warrington children's social care in 2017-18", "warrington", "1,288"),
        ("how much did partners commit for 2019-2020 in cheshire west", "cheshire-west-and-chester", "218,866"),
        ("when does marac meet in cheshire west", "cheshire-west-and-chester", "monthly"),
        # a figure's "number" is not a phone number
        ("cwac number and rate of children in care at march 2018", "cheshire-west-and-chester", "488"),
        ("I work in Knowsley but the child lives in Birkenhead: how do I escalate a disagreement", None,
         "escalat"),
    ],
)
def test_a_slot_the_documents_do_state_is_answered(ask, question, partnership, says) -> None:
    res = ask(question, partnership)
    assert res.outcome == "answer" and res.answered and says in res.text, res.text


def test_structured_fields_state_a_slot() -> None:
    kb = load_knowledge_base()
    kinds = {k.name: k for k in vocabulary().out_of_scope.fact_kinds}
    assert field_states(kinds["a frequency"], kb.get("cheshire-west-and-chester.group.child-exploitation"))
    assert not field_states(kinds["a frequency"], kb.get("halton.group.executive"))
    assert field_states(kinds["a timescale"], kb.get("warrington.escalation.professional-differences"))  # windows
    assert not field_states(kinds["a timescale"], kb.get("halton.dispute.safeguarding-partners"))
    reviews = kb.get("warrington.process.reviews")
    assert not field_states(kinds["a timescale"], reviews)
    assert field_states(kinds["a timescale"], reviews, [kb.get(r) for r in reviews.see_also])  # linked


def test_a_count_falls_under_the_last_year_named_before_it() -> None:
    text = "2017-18: 1,288 referrals; 12 children under police protection. april 2019: 49 children missing"
    assert years_in("in 2017/18 and april 2019") == {2017, 2018, 2019}
    assert counted_in_year(text, ["referr"], {2017, 2018}, 5)
    assert not counted_in_year(text, ["miss"], {2017, 2018}, 5)
    assert counted_in_year(text, ["miss"], {2019}, 5)
    assert counted_in_year("no years here: 7 referrals", ["referr"], {2019}, 5)  # undated: not contradicted


def test_vocabulary_rejects_an_unknown_slot_field_and_a_bad_focus(tmp_path: Path) -> None:
    text = VOCABULARY_FILE.read_text(encoding="utf-8")
    assert "      fields: [group.frequency]\n" in text
    (tmp_path / "v.yaml").write_text(text.replace("      fields: [group.frequency]\n",
                                                  "      fields: [group.how_often]\n"), encoding="utf-8")
    with pytest.raises(VocabularyError, match=r"fields.*group\.how_often"):
        parse_vocabulary(tmp_path / "v.yaml")
    (tmp_path / "w.yaml").write_text(text.replace("        - asked: [meet, meets,", "        - asked: [Meet!, meets,"),
                                     encoding="utf-8")
    with pytest.raises(VocabularyError, match="focus"):
        parse_vocabulary(tmp_path / "w.yaml")


def test_a_focus_phrase_is_not_what_is_asked_about() -> None:
    freq = next(k for k in vocabulary().out_of_scope.fact_kinds if k.name == "a frequency")
    asked, others = asked_of(freq, "how often does the partners executive get together", weighed=True)
    assert "meet" in asked and others is not None
    assert "togeth" not in others and "execut" in others  # "work together" elsewhere is not the executive meeting
    assert not names_subject(frozenset({"work", "togeth", "meet"}), others, lambda s: 2.0)
    assert names_subject(frozenset({"meet"}), frozenset({"ce"}), lambda s: 5.0)  # "ce": too short to judge
