"""Wiring between capabilities, in one place: each capability registers what others consume from it.

The weekly digest (bot.reminders.digest) lists open items from every capability without importing any of them:
case reviews and escalations register their `digest_items` here. Called when a process builds its Services.
"""

from __future__ import annotations


def register_all() -> None:
    """Idempotent: safe to call from every runner and test."""
    from bot.case_reviews.service import digest_items as case_review_items
    from bot.escalations.service import digest_items as escalation_items
    from bot.insight.schedule import compose_pack
    from bot.reminders import composers
    from bot.reminders.deliveries import Source
    from bot.reminders.digest import register_source

    register_source(case_review_items)
    register_source(escalation_items)
    composers.register(Source.QA_PACK, compose_pack)
