"""A worry told only in general words ("abused") whose harm is done by someone who works with children is an
allegation: the reply's first step is the LADO, not an unrelated entry (issue #10 section 1: allegations against
staff, what to do first)."""

from __future__ import annotations

import pytest

from knowledge.answering import get_answerer
from knowledge.safety import detect_worry


@pytest.mark.parametrize("text", [
    "a pupil told me she was abused by a teacher at our school",
    "she says she was abused by her swimming coach, what do i do",
    "he says he was threatened by his tutor after class",
])
def test_general_harm_by_staff_is_an_allegation(text: str) -> None:
    w = detect_worry(text)
    assert w.is_worry and w.category == "allegation_staff_carer", w


@pytest.mark.parametrize("text", [
    "a pupil told a teacher she was abused at home",  # the teacher was told; no one at work is accused
    "she was abused by her uncle, what do i do",
])
def test_harm_by_family_or_told_to_staff_keeps_its_category(text: str) -> None:
    w = detect_worry(text)
    assert w.is_worry and w.category != "allegation_staff_carer", w


def test_the_reply_names_the_lado_first_after_999() -> None:
    text = get_answerer().answer("a pupil told me she was abused by a teacher at our school", "warrington").text
    assert text.index("999") < text.index("An allegation about someone who works with children") < text.index("LADO")


@pytest.mark.parametrize("text", [
    "she was abused by her uncle, this was noticed by her teacher",
    "a boy was brought in by his social worker and says his stepdad abuses him",
])
def test_the_one_who_noticed_or_came_is_not_accused(text: str) -> None:
    w = detect_worry(text)
    assert w.is_worry and w.category != "allegation_staff_carer", w
