"""safety19: a process question that names who should act with a word before it ("what should playground staff
say if ...", "who should office staff ring") opens as a process question, as "what should staff say" does: one
modifier may stand before the staff or setting word. The first case was seen at frames 2.5 on main 6772c98 (the
opening read as no question), 4.0 after; the second already opened as a question there (a guard)."""

from __future__ import annotations

import pytest

from knowledge.safety import get_detector


@pytest.mark.parametrize("text", [
    "what should playground staff say if a kid says 'will you keep a secret'? writing guidance for our helpers",
    "who should office staff ring if a parent turns up drunk at pick up, for our new starter pack",
])
def test_a_modified_staff_word_opens_a_process_question(text: str) -> None:
    worry = get_detector().detect(text, use_model=False)
    assert worry.frames >= 3.0 and not worry.is_worry, worry
