"""What the weekly digest and `list` commands show of an open case review or escalation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class OpenItem:
    ref: str  # anonymised reference, e.g. CR-2026-007 or ESC-2026-014
    kind: str  # "case_review" | "escalation"
    title: str  # state or step, never free text
    partnership: str | None
    next_deadline: date | None
    deadline_label: str  # e.g. "Rapid review due"
    overdue: bool
