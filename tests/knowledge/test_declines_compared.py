"""Issue #10 section 2, decline12: out of scope, said plainly (comparisons, later events, non-child matters).

A comparison of a served area with another one is declined (nothing is held on the other area) and may offer what
is held here; what changed after the documents, or an event asked with "yet", is declined with the documents' date;
the writer's own or an adult's housing, money or work matter is no child's worry; an adult's decline names the
council of the area asked about; a move into a served area is a question about that area. Sentences are written
here, not copied from any set; each was seen failing on main ef6afe2.
"""

from __future__ import annotations

import pytest

from knowledge.base import load_knowledge_base
from knowledge.safety import detect_worry
from tests.knowledge.conftest import assert_declined

CWAC = "cheshire-west-and-chester"


@pytest.mark.parametrize(
    ("question", "partnership", "other"),
    [
        ("are halton's levels of need the same ones oldham works to?", "halton", "Oldham"),
        ("how does the wirral rapid review compare with the one in bolton", "wirral", "Bolton"),
        ("is cheshire west's continuum of need different from derbyshire's threshold guide", CWAC, "Derbyshire"),
        ("does warrington run a quality assurance group like bury does?", "warrington", "Bury"),
        ("do bury and warrington share one threshold document?", "warrington", "Bury"),
        ("halton versus oldham - who are the safeguarding partners?", "halton", "Oldham"),
    ],
)
def test_a_comparison_with_another_area_says_nothing_is_held_on_it(ask, question, partnership, other) -> None:
    res = ask(question, partnership)
    assert_declined(res, f"I hold nothing on {other}")
    assert "compare" in res.text


def test_a_comparison_offers_what_is_held_for_the_served_area(ask) -> None:
    res = ask("is the cheshire west threshold document the same as the one lancashire uses", CWAC)
    assert_declined(res, "I hold nothing on Lancashire")
    assert "What I hold on this: _Continuum of Need" in res.text


def test_a_remark_around_the_question_is_no_comparison(ask) -> None:
    res = ask("came over from a school in bolton and it all feels so different. who chairs the warrington "
              "partnership's scrutiny?", "warrington")
    assert "I hold nothing on" not in res.text


@pytest.mark.parametrize(
    ("question", "partnership", "says"),
    [
        ("what has changed since working together 2023?", None, "what changed locally in or after 2023"),
        ("what changes did working together 2023 bring for the partnerships", None, "in or after 2023"),
        ("has the wirral safeguarding partnership's new website launched yet?", "wirral",
         "date from June 2019, so I can't confirm whether it has launched"),
        ("have the halton levels of need been updated yet", "halton", "whether it has been updated"),
    ],
)
def test_what_came_after_the_documents_is_declined_with_their_date(ask, question, partnership, says) -> None:
    assert_declined(ask(question, partnership), says)


def test_a_subject_the_later_guidance_note_holds_is_still_answered(ask) -> None:
    res = ask("under working together 2023 who are the lead safeguarding partners?", None)
    assert res.answered and res.entry is not None and res.entry.id == "national.update.wt2023"


@pytest.mark.parametrize(
    "question",
    [
        "my landlady still hasn't sorted the leak in my kitchen, who can i complain to",
        "my neighbour has been told she's being evicted and has nowhere to stay",
        "thinking of raising a grievance with HR because my manager keeps shouting at me",
        "my universal credit was cut and i'm behind on bills, who can help",
        "my tenant's housing benefit has stopped and she's now in arrears",
        # what the writer's employer may do to them (seventeenth session; failed on 1435326)
        "could i be disciplined for going over my manager's head on an escalation? looking for hr advice really",
    ],
)
def test_an_adults_or_the_writers_own_matter_is_no_childs_worry(ask, question) -> None:
    assert not detect_worry(question).is_worry
    res = ask(question, "warrington")
    assert res.outcome == "cannot_answer" and not res.safety and "999" not in res.text


@pytest.mark.parametrize(
    "question",
    [
        "our flat is full of mould and the baby keeps coughing at night, my landlord won't do anything",
        "the kids and i are being evicted on friday and we have nowhere to sleep",
    ],
)
def test_the_same_matter_with_a_child_in_it_is_still_a_worry(question) -> None:
    assert detect_worry(question).is_worry


@pytest.mark.parametrize(
    ("question", "partnership", "council"),
    [
        ("a vulnerable adult in runcorn is being financially abused - who takes it", None, "Halton Borough Council"),
        ("self neglect in an elderly man, who do i raise it with", "warrington", "Warrington Borough Council"),
        ("a care home resident has unexplained bruises, who do i tell", CWAC, "Cheshire West and Chester Council"),
        ("adult safeguarding referral for a woman with dementia", "wirral", "Wirral Council"),
        ("who do i contact about safeguarding a woman in her 80s in wallasey", None, "Wirral Council"),
    ],
)
def test_an_adults_decline_names_the_council_of_the_area(ask, question, partnership, council) -> None:
    res = ask(question, partnership)
    assert_declined(res, "adult safeguarding")
    assert f"with {council}'s adult social care team" in res.text


def test_the_council_comes_from_the_knowledge_base() -> None:
    kb = load_knowledge_base()
    assert {slug: kb.council(slug) for slug in kb.partnerships} == {
        CWAC: "Cheshire West and Chester Council", "halton": "Halton Borough Council",
        "warrington": "Warrington Borough Council", "wirral": "Wirral Council"}


@pytest.mark.parametrize(
    ("question", "partnership", "entry"),
    [
        ("the family just moved into widnes from st helens, where do i make a referral", "halton",
         "halton.front-door.childrens-social-care"),
        ("child recently relocated to warrington from stockport - how do i refer", "warrington",
         "warrington.front-door.childrens-social-care"),
        ("a family came over to chester from wrexham last month - where does a referral go", CWAC,
         "cheshire-west-and-chester.front-door.i-art"),
        ("mum and her kids arrived in northwich from wrexham recently, who do i refer them to", CWAC,
         "cheshire-west-and-chester.front-door.i-art"),
        ("the family recently moved to frodsham from wrexham - who should i send a referral to", CWAC,
         "cheshire-west-and-chester.front-door.i-art"),  # who moved is dropped too: not early help for "family"
    ],
)
def test_a_move_into_a_served_area_is_a_question_about_it(ask, question, partnership, entry) -> None:
    res = ask(question, partnership)
    assert res.answered and res.entry is not None and res.entry.id == entry, res.text


def test_a_move_out_to_another_area_is_still_declined(ask) -> None:
    assert_declined(ask("family moved from widnes to st helens, where do i send a referral there", "halton"),
                    "St Helens")
