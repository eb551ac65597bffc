"""A draft's states and the one allowed-transition table: pending until a second person approves or rejects.

`Change` is what a draft does to its entry; the audit action written when it is approved depends on it.
"""

from __future__ import annotations

from enum import StrEnum

from bot.labelled import Labelled


class Change(Labelled):
    EDIT = "edit", "Edit"
    NEW = "new", "New entry"
    RETIRE = "retire", "Retire"
    REVERT = "revert", "Revert"
    REVIEW = "review", "Still right"  # the next review date, confirmed by the person who pressed it


class DraftState(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


class Decision(StrEnum):
    APPROVE = "approve"
    REJECT = "reject"


TRANSITIONS: dict[tuple[DraftState, Decision], DraftState] = {
    (DraftState.PENDING, Decision.APPROVE): DraftState.APPROVED,
    (DraftState.PENDING, Decision.REJECT): DraftState.REJECTED,
}

# The audit action of each step (ids, versions and states only: never the entry's text or the reason).
DRAFTED = "kb.drafted"
REJECTED = "kb.rejected"
REFUSED = "kb.refused"
APPROVALS_SET = "kb.approvals_set"
GAPS_SET = "kb.gaps_set"
APPROVED: dict[Change, str] = {
    Change.EDIT: "kb.approved",
    Change.NEW: "kb.approved",
    Change.RETIRE: "kb.retired",
    Change.REVERT: "kb.reverted",
    Change.REVIEW: "kb.reviewed",
}


class NotPending(ValueError):
    """The draft was already approved or rejected (a stale card, or two people pressing at once)."""


def decide(state: DraftState | str, decision: Decision) -> DraftState:
    try:
        return TRANSITIONS[(DraftState(state), decision)]
    except (KeyError, ValueError):
        raise NotPending(f"{decision} is not allowed from {state}") from None
