"""Issue #10 sections 1-2, decline17: a worried message that asks what the arrangements leave to others still gets
999 and the front door first, then says plainly that the rest is not answered here; another area's own service or
practice is declined beside a served place however it is asked. Sentences are written here, not copied from any set.
"""

from __future__ import annotations

import json

import pytest

from knowledge.safety import SAFETY_LEAD
from tests.knowledge.test_cli import run


@pytest.mark.parametrize(
    ("question", "partnership", "what"),
    [
        ("nurse at a walk-in centre in runcorn, 15 yr old says her bf is 19 and wants the morning after pill without "
         "her nan knowing, can i prescribe it?", "halton", "morning after pill"),
        ("paeds reg here - 3 month old with a bruise on her thigh, dad can't explain it. do i request a skeletal "
         "survey before i ring anyone?", "wirral", "skeletal survey"),
    ],
)
def test_a_worry_asking_clinical_advice_gets_999_and_the_front_door_then_a_plain_decline(question, partnership,
                                                                                         what) -> None:
    proc = run("ask", "--jsonl", stdin=json.dumps({"question": question, "partnership": partnership}) + "\n")
    assert proc.returncode == 0, proc.stderr
    res = json.loads(proc.stdout)
    assert res["text"].startswith(SAFETY_LEAD) and res["safety"]
    assert "children's social care" in res["text"]  # the front door line, before the decline
    assert "do not give clinical advice" in res["text"] and what in res["text"]
    assert res["text"].index("children's social care") < res["text"].index("clinical advice")
    assert not res["answered"] and res["outcome"] == "cannot_answer" and res["entry_id"] is None


def test_a_worry_with_a_question_the_arrangements_answer_is_still_answered(ask) -> None:
    res = ask("a 7 year old told me his dad hits him with a belt, who do i ring in halton", "halton")
    assert res.answered and res.safety and "clinical advice" not in res.text


@pytest.mark.parametrize(
    ("question", "partnership", "other"),
    [
        ("we're a wallasey primary but a few pupils live over in bootle - which threshold document does sefton use?",
         "wirral", "Sefton"),
        ("lad lives in prescot and comes to our school in widnes, can you send me the knowsley levels of need",
         "halton", "Knowsley"),
        ("our nursery is in warrington, one family is from leigh - do wigan have a MASH?", "warrington", "Wigan"),
    ],
)
def test_another_areas_own_practice_beside_a_served_place_is_declined(ask, question, partnership, other) -> None:
    res = ask(question, partnership)
    assert not res.answered and "only hold the published arrangements" in res.text and other in res.text, res.text


@pytest.mark.parametrize(
    ("question", "partnership"),
    [("what did ofsted find when they last came to halton", "halton"),
     ("what did the inspectors find in wirral's last inspection", "wirral")],
)
def test_findings_are_an_inspections_only_when_the_entry_says_them_of_an_inspection(ask, question, partnership) -> None:
    """decline18: 'improvement information' in a review entry is no inspection's finding."""
    res = ask(question, partnership)
    assert not res.answered and "inspection" in res.text, res.text


def test_an_inspection_entry_that_gives_its_findings_still_answers(ask) -> None:
    res = ask("cheshire west JTAI - what did the inspectors find?", "cheshire-west-and-chester")
    assert res.answered and "strong partnership working" in res.text, res.text


@pytest.mark.parametrize(
    ("question", "partnership"),
    [("how quickly does the LADO in cheshire west have to get back to a school", "cheshire-west-and-chester"),
     ("how long has the LADO got to reply to an allegation about a foster carer in cheshire west",
      "cheshire-west-and-chester")],
)
def test_a_frequency_is_no_time_to_respond(ask, question, partnership) -> None:
    """decline19: 'training runs three times a year' beside 'allegations' gives no time for the LADO to respond."""
    res = ask(question, partnership)
    assert not res.answered and "timescale" in res.text, res.text
