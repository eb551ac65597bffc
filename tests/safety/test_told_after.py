"""Issue #10 section 1, safety18: a child told of after an admin question, and cases put for the question's sake.

Seen quiet or alarmed wrongly on main before the change (each sentence written here, not copied from a corpus):
* after an admin question, "It's a 2 month old with ..." or "7 yo girl admitted with ..." turns to one child now;
* "the girl seems terrified" is said of one child; a religious marriage ("nikah") of a 16-year-old is a forced
  marriage cue; "how many ... tablets would be enough" is a self-harm cue;
* a gas or housing inspection at a family's home is no Ofsted inspection (no review context);
* quiet: the writer's label before a process question ("Dental nurses: what's the process ..."), the learning of a
  case review, and "say the girl is 14 ..." put for the question's sake.
"""

from __future__ import annotations

import pytest

from knowledge.safety import detect_worry

ALARM = [
    "Ward clerk question - which code do I use for a bone survey? It's a 2 month old with a broken arm, the parents "
    "say it got stuck in the cot bars.",
    "Admissions clerk. Does a clerk have to report anything? 7 yo girl admitted with a urine infection, mum said "
    "while I did the form that she'd been cut abroad.",
    "is it lawful for a 16 year old to have a nikah with a 28 year old? they are our tenants and the girl seems "
    "terrified",
    "Pharmacy counter: a 16yo asked how many of her nan's tablets would be enough",
    "Gas engineer. Can I sign off the job before I ring anyone? At the inspection the flat was freezing, two toddlers "
    "in nappies that hadn't been changed for days and dad wouldn't wake up.",
]

QUIET = [
    "Dental nurses: what's the process for flagging a child protection plan on our system?",
    "summary of the learning from the case of the 12 yo boy who died by suicide after bullying - what did it "
    "recommend for clubs?",
    "For FGM, which route applies to a dentist as a registered professional - police or social care? Say the girl is "
    "14 and tells you it was done when she was 5",
]


@pytest.mark.parametrize("text", ALARM)
def test_a_child_told_of_after_an_admin_question_alarms(text: str) -> None:
    assert detect_worry(text).is_worry, text


@pytest.mark.parametrize("text", QUIET)
def test_a_label_a_review_or_a_case_put_for_the_question_stays_quiet(text: str) -> None:
    assert not detect_worry(text).is_worry, text
