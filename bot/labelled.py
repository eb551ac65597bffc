"""An enumeration whose members carry the words people read, declared once beside their values.

Before this, a capability wrote its enum and then a dict of labels keyed by it (escalation categories, knowledge
draft changes), two lists to keep in step. `NAME = "value", "Label"` keeps both on one line.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self


class Labelled(StrEnum):
    """A StrEnum member is its value (stored, compared, sent to Slack); `.label` is what a person reads."""

    label: str

    def __new__(cls, value: str, label: str) -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member
