"""Issue #10 section 2, answers51: a question that points back at what was told ("a mum wants to complain about how
the partnership dealt with her case. is there a process for that?") takes its subject from the telling: the told
words weigh BACK_WEIGHT, not only the context's share, so the complaints entry leads instead of the escalation
process (which "process" alone finds). Written here; seen answered with the escalation process on the commit before.
"""

from __future__ import annotations


def test_a_question_pointing_back_takes_its_subject_from_the_telling(ask) -> None:
    res = ask("a mum wants to complain about how the partnership dealt with her case. is there a process for that?",
              "warrington")
    first = res.entry.id if res.entry is not None else (res.suggestions[0].entry_id if res.suggestions else None)
    assert first == "warrington.process.complaints", res.text
