"""The kinds of reply an answer can be, and what may follow each: the answers' transition table.

An answer has no stored state to move through, but each outcome of knowledge.answering allows only some
follow-ups, and two places must agree on them: the buttons bot.answers.blocks puts under a reply, and what
bot.answers.service records (only questions the arrangements could not answer are kept, screened, for review).
A confident answer takes feedback and shows related entries; "did you mean" offers its suggestions; a decline for
a fact the best entry lacks ("the documents do not say how often") offers that entry; an answer that differs by area
asks which one; a help reply is followed by nothing.
"""

from __future__ import annotations

from enum import StrEnum


class Outcome(StrEnum):
    """knowledge.answering.Outcome, one member each (tests/answers/test_states.py keeps them equal)."""

    ANSWER = "answer"
    DID_YOU_MEAN = "did_you_mean"
    ASK_PARTNERSHIP = "ask_partnership"
    CANNOT_ANSWER = "cannot_answer"
    HELP = "help"


class FollowUp(StrEnum):
    FEEDBACK = "feedback"  # helpful / not helpful buttons (a "not helpful" keeps the question, redacted)
    RELATED = "related"  # "Related:" entry buttons under a confident answer
    SUGGESTIONS = "suggestions"  # "did you mean" entry buttons
    CHOOSE_AREA = "choose_area"  # one button per partnership; the question is asked again for the one chosen
    RECORD_UNANSWERED = "record_unanswered"  # the screened question kept for the business unit's review


FOLLOW_UPS: dict[Outcome, frozenset[FollowUp]] = {
    Outcome.ANSWER: frozenset({FollowUp.FEEDBACK, FollowUp.RELATED}),
    Outcome.DID_YOU_MEAN: frozenset({FollowUp.SUGGESTIONS, FollowUp.RECORD_UNANSWERED}),
    Outcome.ASK_PARTNERSHIP: frozenset({FollowUp.CHOOSE_AREA}),
    Outcome.CANNOT_ANSWER: frozenset({FollowUp.SUGGESTIONS, FollowUp.RECORD_UNANSWERED}),  # what is held instead
    Outcome.HELP: frozenset(),
}


def allows(outcome: str, follow_up: FollowUp) -> bool:
    """Whether a reply of this outcome may be followed by `follow_up` (an unknown outcome: by nothing)."""
    try:
        return follow_up in FOLLOW_UPS[Outcome(outcome)]
    except ValueError:
        return False
