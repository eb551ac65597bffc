"""Issue #10, answers52 (fourteenth session, from the misses of the fresh development set aq): each class of wording
as sentences written here, none copied from a question set; each test was seen failing on main 9bb0b37.

* the seed's own words for a timescale ("five working days"), not only the figure;
* shorthand practitioners type for domestic abuse ("DV", "DA") is known, not an unknown acronym that blocks an answer;
* "the next school day" answers "how quickly";
* a second question opening inside a worried sentence after "but" / "and" is answered after the 999 line;
* a short question naming its own subject ("whats the partnership called") is not glued to the remark before it.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("partnership", ["halton", "wirral", None])
def test_the_panel_notification_is_given_in_the_documents_words(ask, partnership) -> None:
    res = ask("how many days does the LA have to tell the national panel about a serious incident", partnership)
    assert res.answered, res.text
    assert "five working days" in res.text and "5 working days" in res.text, res.text


@pytest.mark.parametrize("text", ["police attended a DV at a pupil's home, what happens with school",
                                  "is DA training in the multi-agency offer"])
def test_dv_and_da_are_known_shorthand(text) -> None:
    from knowledge.answering import get_answerer

    assert get_answerer().evidence.unknown_acronyms(text) == []


def test_how_quickly_is_answered_by_the_next_school_day(ask) -> None:
    res = ask("under operation encompass how quickly does the school get told", "warrington")
    assert res.answered and res.entry is not None, res.text
    assert res.entry.id == "national.glossary.operation-encompass", res.text
    assert "next school day" in res.text, res.text


def test_a_question_after_but_inside_a_worried_sentence_is_answered(ask) -> None:
    res = ask("youth worker here. one of my 15 year olds has been sleeping at her aunt's mate's flat for a few weeks, "
              "mum moved to Spain. she says it's fine but at what point is that private fostering and should i "
              "tell anyone", "cheshire-west-and-chester")
    assert res.safety and res.text.startswith(":rotating_light:"), res.text
    assert "28 days" in res.text, res.text


@pytest.mark.parametrize(
    ("question", "partnership", "entry"),
    [
        ("just started in runcorn, whats the partnership called now the lscb has gone?", "halton",
         "halton.glossary.hcypsp"),
    ],
)
def test_a_short_question_naming_its_subject_stands_alone(ask, question, partnership, entry) -> None:
    res = ask(question, partnership)
    assert res.answered and res.entry is not None and res.entry.id == entry, res.text


def test_a_short_question_pointing_back_still_takes_the_clause_before() -> None:
    from knowledge.question import split_context

    asking, _context = split_context("the wirral spotlight sessions, how long do they last?")
    assert "spotlight" in asking, asking


@pytest.mark.parametrize(
    ("question", "partnership", "entry"),
    [
        # "where are the X": the entry whose title holds X, not the partnership's contact that matched "site"
        ("where are the procedures for halton nowadays, on the hscb website?", "halton",
         "halton.process.procedures"),
        # "whats the X called" asks for the term; "..., is it ... still" is a follow-up about it
        ("whats the early help assessment called in wirral, is it the CAF?", "wirral",
         "national.glossary.ehat"),
    ],
)
def test_the_entry_named_by_what_is_asked(ask, question, partnership, entry) -> None:
    res = ask(question, partnership)
    assert res.answered and res.entry is not None and res.entry.id == entry, res.text


def test_a_glossary_listing_an_acronym_is_no_better_a_definition_than_the_entry_it_names() -> None:
    """'what does SPG stand for': the glossary entry listing "SPG = ..." among other acronyms gets no definition
    preference over the group whose title is "Safeguarding Practice Group (SPG)"."""
    from knowledge.answering import get_answerer

    _query, hits = get_answerer().rank("what does SPG stand for", "halton", True)
    boost = {h.entry.id: h.boost for h in hits}
    assert boost["halton.glossary.hcypsp"] <= boost["halton.group.spg"], boost


def test_each_question_of_two_is_searched_even_when_the_first_entry_mentions_both(ask) -> None:
    """answers57: an entry holding the words of both questions ("publish", "panel", "report") does not answer both:
    each question is searched on its own ("when do the SoS and ofsted need the report" is the copy sent before)."""
    res = ask("halton LCSPR: deadline to publish, and when do the SoS and ofsted need the report?", "halton")
    ids = [src["entry_id"] for src in res.sources]
    assert ids == ["national.timescale.publication", "national.timescale.report-before-publication"], ids
    assert "six months" in res.text and "seven working days" in res.text


def test_a_worry_asking_an_out_of_hours_number_gets_999_then_plainly_not_held(ask) -> None:
    """answers59: 999 and the front door first; then that the arrangements name no out-of-hours service and where
    its number is, not an entry about something else."""
    res = ask("whats the out of hours number for childrens social care here, a neighbour has just found a little boy "
              "wandering outside in his pyjamas at 1am", "warrington")
    assert res.safety and res.text.startswith(":rotating_light:"), res.text
    assert res.outcome == "cannot_answer" and "out-of-hours" in res.text, res.text


def test_a_worry_asking_a_number_not_held_gets_999_then_plainly_not_held(ask) -> None:
    """answers59b: the phone-number fact may be declined beside a worry, as the out-of-hours rule is."""
    res = ask("whats the direct mobile number for the LADO, i need to ring tonight about one of our coaches who was "
              "messaging a 14 year old", "cheshire-west-and-chester")
    assert res.safety and res.text.startswith(":rotating_light:"), res.text
    assert res.outcome == "cannot_answer" and "no phone number" in res.text, res.text
    assert "LADO" in res.text  # the category's first step still names who to contact first
