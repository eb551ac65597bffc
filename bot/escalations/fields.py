"""Field rules for what people type: categories, the case reference's shape, privacy screening.

Every check returns a message a person can act on; nothing of rejected text is kept or logged.
"""

from __future__ import annotations

from enum import StrEnum

from bot.privacy import describe, find_identifiers


class Category(StrEnum):
    THRESHOLD = "threshold"
    PLAN = "plan"
    INFORMATION_SHARING = "information_sharing"
    OTHER = "other"


CATEGORY_LABELS: dict[Category, str] = {
    Category.THRESHOLD: "Threshold or referral decision",
    Category.PLAN: "Plan or its progress",
    Category.INFORMATION_SHARING: "Information sharing",
    Category.OTHER: "Other",
}

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
