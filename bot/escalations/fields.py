"""Field rules for what people type: categories, the case reference's shape, privacy screening.

Every check returns a message a person can act on; nothing of rejected text is kept or logged.
"""

from __future__ import annotations

import re
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

# An agency system's reference: letters, digits and - / _ . ; at least one digit; no spaces (so no names).
_CASE_REF = re.compile(r"^[A-Za-z0-9][A-Za-z0-9/_.\-]{2,39}$")
MAX_TEXT = 2000
MAX_AGENCY = 200


def check_case_ref(value: str) -> str | None:
    value = value.strip()
    if not _CASE_REF.match(value) or not any(c.isdigit() for c in value):
        return ("Use the anonymised case reference from your agency's system (letters, numbers and - / _ . "
                "only, with at least one number, e.g. LCS-204518), never a name.")
    return screen(value)


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
