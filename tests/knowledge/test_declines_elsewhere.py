"""Issue #10 section 2, decline11: out of scope, said plainly.

An adult at risk is adult safeguarding even beside a relative ("her son"), and gets no child's 999 line; a worry
about a child in another area keeps the 999 line but says plainly that only four partnerships' arrangements are
held, and is not counted as answered; a figure asked for a running period ("this month") is declined with what
the documents said then; a chair is the chair of the body asked, not any chair the entry names; a day or step label
("day 1, days 3-9") is no child's age. Sentences are written here, not copied from any set.
"""

from __future__ import annotations

import json

import pytest

from knowledge.safety import SAFETY_LEAD, detect_worry
from tests.knowledge.conftest import assert_declined
from tests.knowledge.test_cli import run

CWAC = "cheshire-west-and-chester"


@pytest.mark.parametrize(
    ("question", "partnership"),
    [
        ("vulnerable adult in wirral, her son keeps taking her pension - how do i raise it?", "wirral"),
        ("elderly man with dementia, daughter may be hitting him, who do i tell in halton", "halton"),
        ("section 42 concern: grandson is taking money from a care home resident in chester", CWAC),
        ("adult with a learning disability in warrington being bullied by housemates, who takes that", "warrington"),
    ],
)
def test_an_adult_beside_a_relative_is_adult_safeguarding_without_a_childs_999_line(ask, question,
                                                                                  partnership) -> None:
    res = ask(question, partnership)
    assert_declined(res, "adult safeguarding")
    assert "adult social care" in res.text
    assert "999" not in res.text and not res.safety


@pytest.mark.parametrize(
    ("question", "partnership", "says"),
    [
        ("my nan looks after my son - where do i send a referral in halton", "halton", "Halton"),
        ("a vulnerable adult's 6 year old child is left alone, who do i refer to in warrington", "warrington",
         "999"),
    ],
)
def test_a_child_described_beside_an_adult_is_still_a_childs_question(ask, question, partnership, says) -> None:
    res = ask(question, partnership)
    assert "That is adult safeguarding" not in res.text
    assert says in res.text


@pytest.mark.parametrize(
    "question",
    [
        "girl from birkenhead now staying with mum in wrexham, whats wrexham social services duty number",
        "our family moved from wallasey - can you give me the knowsley MASH details",
        # decline15: the service asked of the other area, though the served place is named the same way after it
        "whos the LADO for cheshire east? its about a dance teacher who works across wirral and cheshire east",
    ],
)
def test_another_areas_service_beside_a_served_place_is_declined(ask, question) -> None:
    res = ask(question, "wirral")
    assert not res.answered and "only hold the published arrangements" in res.text, res.text


def test_a_worry_about_a_child_in_another_area_leads_with_999_and_is_not_answered() -> None:
    questions = [{"question": "boy on my list was hit by his stepdad and has moved to sefton, how do i refer to "
                              "sefton's front door", "partnership": "wirral"},
                 {"question": "a child told me he is being hit at home", "partnership": "warrington"}]
    proc = run("ask", "--jsonl", stdin="".join(json.dumps(q) + "\n" for q in questions))
    assert proc.returncode == 0, proc.stderr
    away, here = (json.loads(line) for line in proc.stdout.splitlines())
    assert away["text"].startswith(SAFETY_LEAD) and away["safety"]
    assert "only hold the published arrangements" in away["text"] and "Sefton" in away["text"]
    assert "children's social care" in away["text"] and "Wirral local authority" not in away["text"]
    assert not away["answered"] and away["outcome"] == "cannot_answer" and away["entry_id"] is None
    assert here["answered"] and here["safety"]  # a worry at home is still answered with the local front door


@pytest.mark.parametrize(
    "question",
    [
        "how many children are subject to a cp plan in warrington so far this year",
        "how many children in need has warrington got this week",
        "what are warrington's referral statistics at the minute",
    ],
)
def test_a_figure_for_a_running_period_is_declined_with_what_the_documents_said_then(ask, question) -> None:
    res = ask(question, "warrington")
    assert_declined(res, "can't confirm the figures now")
    assert "What the documents said then" in res.text and "1,288" in res.text


def test_the_same_figure_without_a_period_is_answered(ask) -> None:
    res = ask("how many referrals did warrington children's social care receive", "warrington")
    assert res.answered and "1,288" in res.text


@pytest.mark.parametrize(
    ("question", "partnership"),
    [
        ("who chairs cheshire west's practice improvement group", CWAC),
        ("who is the chair of the child exploitation working group in cheshire west", CWAC),
    ],
)
def test_a_chair_is_the_chair_of_the_group_asked(ask, question, partnership) -> None:
    res = ask(question, partnership)
    assert_declined(res, "do not say who")
    assert "Gill Frame" not in res.text


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("who chairs the executive in cheshire west", "Gill Frame"),
        ("who chairs rapid review meetings in cheshire west", "Independent Chair"),
    ],
)
def test_a_chair_beside_the_body_asked_is_answered(ask, question, says) -> None:
    res = ask(question, CWAC)
    assert res.answered and says in res.text, res.text


@pytest.mark.parametrize(
    "question",
    [
        "halton escalation: what's the step by step timescale? e.g. day 1, days 2-5",
        "cwac dispute process - how long is each stage, stage 1, stage 2 weeks etc",
    ],
)
def test_a_day_or_step_label_is_no_childs_age(question) -> None:
    assert not detect_worry(question).is_worry


def test_a_childs_age_still_alarms() -> None:
    assert detect_worry("3 days ago a 4 year old told me her dad burns her with cigarettes").is_worry


def test_per_step_windows_the_route_lacks_are_declined(ask) -> None:
    res = ask("wirral professional escalation - how many days at each step, day 1, days 2-6 and so on?", "wirral")
    assert_declined(res, "do not give a timescale")
    assert not res.safety


@pytest.mark.parametrize(
    ("question", "partnership", "other"),
    [
        ("family came from halton in the summer. what's stockport's escalation process when we disagree with a "
         "social worker there?", "halton", "Stockport"),
        ("wirral family, now living with nan near the coast - sefton's levels of need, which level is neglect?",
         "wirral", "Sefton"),
    ],
)
def test_another_areas_own_process_beside_a_served_place_is_declined(ask, question, partnership, other) -> None:
    """answers29: "X's escalation procedures" asks about area X's process (the possessive folds away), even when the
    message also names the served area the family came from."""
    assert_declined(ask(question, partnership), other)


@pytest.mark.parametrize(
    ("question", "partnership"),
    [
        ("what did the JTAI in halton find about neglect?", "halton"),
        ("what did the inspectors in halton find about neglect?", "halton"),
        ("what did the JTAI in wirral say about missing children", "wirral"),
    ],
)
def test_a_place_inside_a_cue_does_not_hide_it(ask, question, partnership) -> None:
    """decline16: "what did the JTAI in wirral say": the place sits inside "jtai ... say"; the findings are declined."""
    assert_declined(ask(question, partnership), "do not give that inspection's findings")
