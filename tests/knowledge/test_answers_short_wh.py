"""Issue #10 section 2, answers36: a short question that names its own subject after a question word ("halton - who
are the safeguarding partners now the LSCB has gone") stands apart from the remark after it, and the plainest
question about the partners finds the partners, not their disputes. Sentences are written here, not copied from any
set; each was seen failing on main ad60c07.
"""

from __future__ import annotations

import pytest

from knowledge.question import split_context


def test_a_short_wh_question_stands_apart_from_the_remark_after_it() -> None:
    asking, context = split_context("halton - who are the safeguarding partners now the old board has been scrapped")
    # answers52: a place alone before it is context too (the area is read from the whole message)
    assert asking == "who are the safeguarding partners", (asking, context)
    assert context == "halton now the old board has been scrapped"


@pytest.mark.parametrize(
    ("question", "partnership"),
    [
        ("runcorn - who are the safeguarding partners now the LSCB has been scrapped", "halton"),
        ("who are the safeguarding partners in wirral", "wirral"),
        ("which organisations are the statutory partners in wirral", "wirral"),
        ("which organisations are the statutory partners in cheshire west", "cheshire-west-and-chester"),
    ],
)
def test_the_partners_are_answered_with_the_partners(ask, question, partnership) -> None:
    res = ask(question, partnership)
    assert res.outcome == "answer" and res.entry is not None, res.text
    assert res.entry.id == f"{partnership}.partners.safeguarding-partners", res.text


@pytest.mark.parametrize(
    ("question", "partnership"),
    [
        ("I run a netball club in Hoylake - does our club count as part of the wirral arrangements?", "wirral"),
        ("we're a housing association in warrington, are we actually part of the partnership?", "warrington"),
    ],
)
def test_whether_we_are_part_of_it_is_the_areas_agency_list(ask, question, partnership) -> None:
    """answers39: "does our club count as part of ...", "are we actually part of ...": the area's agency list."""
    res = ask(question, partnership)
    assert res.outcome == "answer" and res.entry is not None and res.entry.agencies, res.text


def test_keeping_an_eye_on_is_overseeing(ask) -> None:
    """answers42: "keeps an eye on", "keeps tabs on" are the documents' "oversees" (vocabulary.yaml phrase folds)."""
    res = ask("which halton group keeps an eye on how well services are doing through audits", "halton")
    assert res.outcome == "answer" and res.entry is not None and res.entry.id == "halton.group.spg", res.text


def test_a_yes_or_no_follow_up_is_context_for_the_question_before_it(ask) -> None:
    """answers43: "what does the X do? is it the same as the old Y": the first question names what is asked about;
    the follow-up's words ("the old board") must not pull in another entry."""
    assert split_context("what is the halton safeguarding practice group for? is it the same as the old subgroup") \
        == ("what is the halton safeguarding practice group for?", "is it the same as the old subgroup")
    res = ask("what does the wirral partnership group do? is it just the old board renamed", "wirral")
    assert res.outcome == "answer" and res.entry is not None, res.text
    assert res.entry.id == "wirral.group.partnership-group", res.entry.id
