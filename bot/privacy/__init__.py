"""Screening free text for things that could identify a child before anything is stored or posted.

Findings name the *kind* of identifier only; the matched text is never returned, logged or kept.
The check is deliberately cautious: a false alarm costs the user a rewording, a miss costs a child's privacy.
Shapes (numbers, addresses, dates) are in patterns.py, names in names.py, what the public saw or read of a family
in public.py, word lists in data/.

Policy on names that are not a child's (roles.py): a professional named in their role ("DS Patel", "Sarah from the
MASH", "the SW, Jo Briggs", "Karen Ellis (named nurse)") is a worker, not a child's identity, and passes; a name
touched by a family relation or child marker ("mum Ms Okafor", "Dr Haddad's son", "re Jo from the MASH") never
does, so the form cannot become a way to name families. Published service landlines (a front door, duty team or
switchboard number, or the writer's own) pass for the same reason (phones.py); a mobile, or any number with a
family word in its sentence, does not. Several quasi-identifiers about one child or family in one sentence ("the
only Roma family on the site", "a 9-year-old with a rare syndrome in Neston") are found as a combination
(combos.py, the k-anonymity idea).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from bot.privacy import redaction
from bot.privacy.accounts import personal_numbers
from bot.privacy.aged_initials import aged_initial_spans
from bot.privacy.aged_siblings import aged_sibling_spans
from bot.privacy.beds import bed_spans
from bot.privacy.birth_order import birth_order_spans
from bot.privacy.casework_names import casework_name_spans
from bot.privacy.chain_jobs import chain_job_spans, child_of_post_spans, parents_work_spans
from bot.privacy.combos import combination_spans, event_spans
from bot.privacy.dropped_owners import dropped_owner_spans
from bot.privacy.family_home import family_home_spans
from bot.privacy.family_set import family_set_spans
from bot.privacy.feats import feat_spans
from bot.privacy.folding import fold
from bot.privacy.foreign_plates import foreign_plate_spans
from bot.privacy.groups import group_detectors
from bot.privacy.household import household_spans
from bot.privacy.informal import informal_detectors
from bot.privacy.kin_names import kin_name_spans
from bot.privacy.known_as import known_as_detectors
from bot.privacy.loose_shapes import loose_birth_spans, loose_email_spans, loose_reference_spans
from bot.privacy.month_names import month_name_spans
from bot.privacy.named_asides import named_aside_spans
from bot.privacy.named_outright import named_outright_detectors
from bot.privacy.named_parts import named_part_spans
from bot.privacy.names import name_detectors
from bot.privacy.nicknames import nickname_spans
from bot.privacy.own_setting import own_setting_spans
from bot.privacy.paired_initials import paired_initial_spans
from bot.privacy.patterns import Source, Span, detectors, has_digit, nhs_number_valid, words_of
from bot.privacy.plate_cues import cued_plate_spans
from bot.privacy.platform_quotes import quoted_account_spans
from bot.privacy.pointers import pointer_detectors
from bot.privacy.posts import post_child_spans, post_holder_spans
from bot.privacy.pronoun_jobs import pronoun_job_spans
from bot.privacy.public import public_traces
from bot.privacy.schools import school_detectors
from bot.privacy.shared_words import letter_words
from bot.privacy.shortnames import short_owner_spans
from bot.privacy.siblings import sibling_detectors
from bot.privacy.standouts import standout_spans
from bot.privacy.street_units import house_name_spans, numbered_close_spans, street_unit_spans
from bot.privacy.subject_names import apposed_name_spans, subject_name_spans, threshold_subject_spans
from bot.privacy.visited_family import visited_family_spans
from bot.privacy.word_initials import word_initial_spans
from bot.privacy.workplaces import relative_workplaces
from knowledge.collector import collector_paused

__all__ = ["Finding", "describe", "find_identifiers", "nhs_number_valid", "redact"]

DESCRIPTIONS = {
    "nhs_number": "an NHS number",
    "phone": "a phone number",
    "email": "an email address",
    "postcode": "a postcode",
    "address": "a street address",
    "record_reference": "an agency record or case number",
    "date_of_birth": "a date of birth",
    "name": "a person's name",
    "family_name": "a family's surname",
    "initials": "a person's initials",
    "school_year": "a school with a year group",
    "sibling": "a description of a child within their family",
    "social_media": "a social media username",
    "vehicle": "a vehicle registration or description",
    "workplace": "where a family member works",
    "combination": "a combination of details that together point at one child or family",
    "event": "an event with its day or place that points at one child",
    "personal_number": "a national insurance, bank, passport or prisoner number or an IP address",
}
# Slack's limit for a message; longer text is screened in full but never more than this at a time.
_CHUNK = 40_000


@dataclass(frozen=True)
class Finding:
    kind: str
    description: str


def _detectors(text: str) -> list[Iterator[Span]]:
    src = Source(text)
    words = words_of(text) if (split := src.split()) is None else letter_words(split)  # (one split, shared_words.py)
    digits = has_digit(text)
    return [*detectors(src, words), *school_detectors(src, words), *sibling_detectors(src, words),
            *pointer_detectors(src, words, digits),
            *name_detectors(text, src),
            *informal_detectors(src, words, digits), combination_spans(src, words), event_spans(src, words),
            post_child_spans(src, words), post_holder_spans(src, words), personal_numbers(src, words, digits),
            public_traces(src, words),
            *known_as_detectors(src, words), *group_detectors(src, words),
            short_owner_spans(src, words), relative_workplaces(src, words),
            nickname_spans(src, words), *named_outright_detectors(src, words), feat_spans(src, words),
            family_set_spans(src, words), kin_name_spans(src, words), visited_family_spans(src, words),
            aged_initial_spans(src, digits), casework_name_spans(src, words), word_initial_spans(src, words),
            pronoun_job_spans(src, words), bed_spans(src, words, digits),
            aged_sibling_spans(src, words, digits), foreign_plate_spans(src, words, digits),
            own_setting_spans(src, words), dropped_owner_spans(src, words), loose_birth_spans(src, words, digits),
            loose_reference_spans(src, digits), loose_email_spans(src), cued_plate_spans(src, words, digits),
            street_unit_spans(src, words, digits), house_name_spans(src, words),
            numbered_close_spans(src, words, digits), family_home_spans(src, words),
            month_name_spans(src, words), birth_order_spans(src, words, digits),
            subject_name_spans(src, words), apposed_name_spans(src, words),
            threshold_subject_spans(src, words), named_part_spans(src, words), named_aside_spans(src, words),
            household_spans(src, words, digits), standout_spans(src, words),
            chain_job_spans(src, words), parents_work_spans(src, words), child_of_post_spans(src, words),
            quoted_account_spans(src, words), paired_initial_spans(src, words)]


def _spans(text: str) -> list[Span]:
    """Every span found, in the text as typed (found in its folded reading: folding.py)."""
    with collector_paused():
        folded = fold(text)
        if folded.origin is None:
            return [span for detector in _detectors(text) for span in detector]
        return [(kind, *folded.span(a, b)) for detector in _detectors(folded.text) for kind, a, b in detector]


def find_identifiers(text: str | None) -> list[Finding]:
    """Kinds of likely personal identifiers in `text` (one finding per kind, in a stable order).

    Each detector yields one kind and stops at its first span, so a long message full of one kind costs no more
    than finding it once."""
    if not text:
        return []
    with collector_paused():
        kinds = {span[0] for detector in _detectors(fold(text).text) if (span := next(detector, None))}
    return [Finding(k, DESCRIPTIONS[k]) for k in DESCRIPTIONS if k in kinds]


def describe(findings: list[Finding]) -> str:
    """A field-level message asking for an anonymised reference instead."""
    kinds = ", ".join(sorted({f.description for f in findings}))
    return (
        f"This looks like it contains {kinds}. Please remove it: use the anonymised case reference, "
        "never a child's or family member's name or details."
    )


def redact(text: str) -> str:
    """Replace everything `find_identifiers` finds with [removed], a name's other parts beside it too (redaction.py;
    for the few places free text is kept)."""
    return redaction.redact(text, _spans)
