"""Field rules for what people type: categories, the case reference's shape, privacy screening.

Every check returns a message a person can act on; nothing of rejected text is kept or logged.
"""

from __future__ import annotations

from bot.labelled import Labelled
from bot.privacy import describe, find_identifiers


class Category(Labelled):
    THRESHOLD = "threshold", "Threshold or referral decision"
    PLAN = "plan", "Plan or its progress"
    INFORMATION_SHARING = "information_sharing", "Information sharing"
    OTHER = "other", "Other"


def category_label(category: str) -> str:
    """What a person reads for a stored category (one no longer offered reads as stored)."""
    return Category(category).label if category in Category._value2member_map_ else category

# An agency's case or record number links to a child's record: the form no longer asks for one, and the
# column (kept, so no migration) holds this placeholder.
NO_CASE_REF = "-"
MAX_TEXT = 2000
MAX_AGENCY = 200


def screen(value: str | None) -> str | None:
    """The privacy check every free-text field passes: a field-level message if it finds an identifier."""
    findings = find_identifiers(value)
    return describe(findings) if findings else None


def check_text(value: str | None, *, required: bool = True, limit: int = MAX_TEXT) -> str | None:
    value = (value or "").strip()
    if not value:
        return "Please fill this in." if required else None
    if len(value) > limit:
        return f"Please keep this under {limit} characters (it has {len(value)})."
    return screen(value)
