"""Screening free text for things that could identify a child before anything is stored or posted.

Findings name the *kind* of identifier only; the matched text is never returned, logged or kept.
The check is deliberately cautious: a false alarm costs the user a rewording, a miss costs a child's privacy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ROLE_WORDS = (
    "child|children|boy|girl|baby|infant|toddler|son|daughter|pupil|student|young person|yp|sibling|"
    "brother|sister|mother|mum|mom|father|dad|stepfather|stepmother|step-father|step-mother|stepdad|stepmum|"
    "parent|carer|guardian|grandmother|grandfather|grandparent|nan|gran|grandma|grandpa|aunt|uncle|cousin|"
    "partner|boyfriend|girlfriend|foster carer|victim|perpetrator|suspect|named|called|known as|aka"
)
_NAME = r"[A-Z][a-z'\-]+(?:\s+[A-Z][a-z'\-]+)*"

_PATTERNS: list[tuple[str, re.Pattern[str], str]] = [
    (
        "email",
        re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
        "an email address",
    ),
    (
        "postcode",
        re.compile(r"\b(?:GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})\b", re.IGNORECASE),
        "a postcode",
    ),
    (
        "phone",
        re.compile(r"(?<!\d)(?:\+44\s?\(?0?\)?\s?|\(?0)\d(?:[\s\-()]?\d){8,9}(?!\d)"),
        "a phone number",
    ),
    (
        "full_date",
        re.compile(r"\b\d{1,2}[/.\-]\d{1,2}[/.\-](?:19|20)?\d{2}\b"),
        "a full date (use the form's date fields; a date in free text can identify a child)",
    ),
    (
        "date_of_birth",
        re.compile(
            r"\b(?:d\.?o\.?b\.?|date of birth|born(?: on)?|birthday)\b[\s:\-]*"
            r"(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]+\s+\d{2,4}|[A-Za-z]+\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d[\d/.\-]*)",
            re.IGNORECASE
        ),
        "a date of birth",
    ),
    (
        "titled_name",
        re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Master)\.?\s+[A-Z][a-z'\-]+"),
        "a person's name",
    ),
    (
        "role_name",
        re.compile(rf"\b(?i:{_ROLE_WORDS})\b[\s,:'-]+(?:(?i:is|was|named|called|aged?)\s+)?({_NAME})"),
        "a person's name",
    ),
]

_NHS_CANDIDATE = re.compile(r"(?<!\d)(\d{3})[\s-]?(\d{3})[\s-]?(\d{4})(?!\d)")

# Capitalised words that commonly follow role words and are not names.
_NOT_NAMES = {
    "Services", "Service", "Social", "Care", "Protection", "Plan", "Police", "School", "Team", "The", "A", "An",
    "Council", "Hospital", "Health", "Trust", "Board", "Partnership", "Panel", "In", "On", "At", "And", "Of",
    "Looked", "After", "Need", "Needs", "Mental", "Early", "Help", "CAMHS", "GP", "I", "He", "She", "They",
    "It", "Has", "Had", "Was", "Is", "Who", "With", "From", "To", "For", "Not", "No", "Agency", "Agencies",
    "Constabulary", "Borough", "Commissioning", "Group", "NHS", "Children", "Childrens", "Ofsted", "Local",
    "Authority", "Designated", "Safeguarding", "Lead", "Manager", "Front", "Door", "Integrated", "Access",
    "Referral", "Practice", "Review", "Rapid", "Serious", "Case", "Education", "Housing", "Probation", "Youth",
    "Justice", "Academy", "College", "Nursery", "Home", "Unit", "Department", "Ward", "Clinic", "Centre",
    "Exploitation", "Working", "Criminal", "Sexual", "Abuse", "Neglect", "Death", "Deaths", "Overview",
    "Sub-Group", "Subgroup", "Forum", "Executive", "Scrutiny", "Quality", "Assurance", "Improvement",
    "Learning", "Development", "Contextual", "Missing", "Trafficking", "Domestic", "Violence",
}


@dataclass(frozen=True)
class Finding:
    kind: str
    description: str


def nhs_number_valid(digits: str) -> bool:
    """Modulus 11 check digit, as the NHS number standard defines it."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def find_identifiers(text: str | None) -> list[Finding]:
    """Kinds of likely personal identifiers in `text` (one finding per kind)."""
    if not text:
        return []
    found: dict[str, Finding] = {}
    for m in _NHS_CANDIDATE.finditer(text):
        if nhs_number_valid("".join(m.groups())):
            found["nhs_number"] = Finding("nhs_number", "an NHS number")
            break
    for kind, pattern, description in _PATTERNS:
        for m in pattern.finditer(text):
            if kind == "role_name" and not _looks_like_name(m.group(1)):
                continue
            if kind == "phone" and "nhs_number" in found and _NHS_CANDIDATE.search(m.group(0)):
                continue
            found.setdefault(kind, Finding(kind, description))
            break
    return list(found.values())


def _looks_like_name(candidate: str) -> bool:
    first = candidate.split()[0]
    return first not in _NOT_NAMES and not first.isupper()


def describe(findings: list[Finding]) -> str:
    """A field-level message asking for an anonymised reference instead."""
    kinds = ", ".join(sorted({f.description.split(" (")[0] for f in findings}))
    return (
        f"This looks like it contains {kinds}. Please remove it: use the anonymised case reference, "
        "never a child's or family member's name or details."
    )


def redact(text: str) -> str:
    """Replace anything that looks like an identifier with [removed] (for the few places free text is kept)."""
    out = text
    for m in list(_NHS_CANDIDATE.finditer(out))[::-1]:
        if nhs_number_valid("".join(m.groups())):
            out = out[: m.start()] + "[removed]" + out[m.end() :]
    for kind, pattern, _ in _PATTERNS:
        if kind == "role_name":
            out = pattern.sub(
                lambda m: m.group(0).replace(m.group(1), "[removed]") if _looks_like_name(m.group(1)) else m.group(0),
                out,
            )
        else:
            out = pattern.sub("[removed]", out)
    return out
