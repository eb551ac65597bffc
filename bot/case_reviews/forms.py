"""Reading and checking the case review modals' values: field-level messages, free text screened.

A screened field that fails is never echoed, stored or logged: only the message about its kind is returned.
"""

from __future__ import annotations

from datetime import date

from bot import modals, privacy
from bot.case_reviews import texts
from bot.case_reviews.ids import VALUE, BlockId, date_block
from bot.case_reviews.service import DATE_FIELDS, Notification
from bot.case_reviews.states import Transition
from bot.modals import Values
from bot.timeutil import date_range_problem
from bot.timeutil import today as london_today
from knowledge.partnerships import PARTNERSHIPS

AGENCIES: dict[str, str] = {
    "la_childrens": "Local authority children's services",
    "police": "Police",
    "health_icb": "Health: ICB / CCG",
    "health_provider": "Health: provider trust",
    "gp": "General practice",
    "education": "School or college",
    "early_years": "Early years",
    "probation": "Probation",
    "youth_justice": "Youth justice",
    "housing": "Housing",
    "voluntary": "Voluntary or community sector",
    "other": "Other agency",
}
CRITERIA: dict[str, str] = {
    "abuse_or_neglect": "Abuse or neglect known or suspected",
    "died": "The child has died",
    "seriously_harmed": "The child has been seriously harmed",
}
AGE_BANDS: dict[str, str] = {
    "under_1": "Under 1", "1_4": "1 to 4", "5_10": "5 to 10", "11_15": "11 to 15", "16_17": "16 to 17",
}


# The modals' max_length, checked here too: a forged payload (or the console) is not held to it, and
# PostgreSQL refuses a role over its column's 200 characters where SQLite would store it.
MAX_LENGTH: dict[str, int] = {BlockId.ROLE: 150, BlockId.SUMMARY: 1000, BlockId.RATIONALE: 2000}


def too_long(value: str | None, limit: int) -> str | None:
    if value is not None and len(value) > limit:
        return f"Keep this to {limit} characters (this has {len(value)})."
    return None


def screen(value: str | None) -> str | None:
    """The field message when free text looks like it identifies someone, else None."""
    findings = privacy.find_identifiers(value)
    return privacy.describe(findings) if findings else None


def parse_notification(values: Values, today: date) -> tuple[Notification | None, dict[str, str]]:
    errors: dict[str, str] = {}
    partnership = modals.value(values, BlockId.PARTNERSHIP, VALUE)
    if partnership not in PARTNERSHIPS:
        errors[BlockId.PARTNERSHIP] = "Choose the partnership."
    agency = modals.value(values, BlockId.AGENCY, VALUE)
    if agency not in AGENCIES:
        errors[BlockId.AGENCY] = "Choose the notifying agency."
    role = modals.text(values, BlockId.ROLE, VALUE)
    summary = modals.text(values, BlockId.SUMMARY, VALUE)
    for block, value in ((BlockId.ROLE, role), (BlockId.SUMMARY, summary)):
        if message := too_long(value, MAX_LENGTH[block]) or screen(value):
            errors[block] = message
    incident = modals.picked_date(values, BlockId.INCIDENT, VALUE)
    aware = modals.picked_date(values, BlockId.AWARE, VALUE)
    for block, day in ((BlockId.INCIDENT, incident), (BlockId.AWARE, aware)):
        if day is None:
            errors[block] = texts.DATE_REQUIRED
        elif problem := date_range_problem(day, today):
            errors[block] = problem
    if incident and aware and aware < incident and BlockId.AWARE not in errors:
        errors[BlockId.AWARE] = texts.AWARE_BEFORE_INCIDENT
    criteria = [c for c in modals.selected_many(values, BlockId.CRITERIA, VALUE) if c in CRITERIA]
    if not criteria:
        errors[BlockId.CRITERIA] = texts.CRITERIA_REQUIRED
    elif "abuse_or_neglect" not in criteria or not {"died", "seriously_harmed"} & set(criteria):
        errors[BlockId.CRITERIA] = texts.CRITERIA_NOT_MET
    age = modals.value(values, BlockId.AGE, VALUE)
    if age not in AGE_BANDS:
        errors[BlockId.AGE] = "Choose the child's age band."
    involved = [a for a in modals.selected_many(values, BlockId.AGENCIES, VALUE) if a in AGENCIES]
    if errors:
        return None, {str(k): v for k, v in errors.items()}
    assert partnership and agency and incident and aware and age
    return Notification(partnership=partnership, notifying_agency=agency, notifier_role=role, incident_on=incident,
                        aware_on=aware, criteria=criteria, age_band=age, agencies_involved=involved,
                        summary=summary), {}


def parse_transition(
    values: Values, transition: Transition
) -> tuple[tuple[date | None, str | None, date | None], dict[str, str]]:
    """(date it happened, rationale, planned publication) and field messages (date rules are the service's)."""
    errors: dict[str, str] = {}
    happened = modals.picked_date(values, BlockId.HAPPENED, VALUE)
    if happened is None:
        errors[BlockId.HAPPENED] = texts.DATE_REQUIRED
    rationale = modals.text(values, BlockId.RATIONALE, VALUE)
    if transition.needs_rationale and not rationale:
        errors[BlockId.RATIONALE] = texts.RATIONALE_REQUIRED
    elif message := too_long(rationale, MAX_LENGTH[BlockId.RATIONALE]) or screen(rationale):
        errors[BlockId.RATIONALE] = message
    day = london_today()
    if happened is not None and (problem := date_range_problem(happened, day)):
        errors[BlockId.HAPPENED] = problem
    publication = modals.picked_date(values, BlockId.PUBLICATION, VALUE) if transition.asks_publication_date else None
    if publication and (problem := date_range_problem(publication, day, allow_future=True)):
        errors[BlockId.PUBLICATION] = problem
    elif publication and happened and publication <= happened:
        errors[BlockId.PUBLICATION] = texts.PUBLICATION_BEFORE
    return (happened, rationale if not errors else None, publication), {str(k): v for k, v in errors.items()}


def parse_corrections(values: Values) -> dict[str, date | None]:
    """Only the dates the modal showed (a cleared optional date becomes None)."""
    out: dict[str, date | None] = {}
    for name in (*DATE_FIELDS, "planned_publication_on"):
        if date_block(name) in values:
            out[name] = modals.picked_date(values, date_block(name), VALUE)
    return out
