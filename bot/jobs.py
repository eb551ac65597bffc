"""Every scheduled job, registered in this one visible place (never by import side effects)."""

from __future__ import annotations

from apscheduler.schedulers.base import BaseScheduler

from bot.context import Services


def register_jobs(scheduler: BaseScheduler, services: Services) -> None:
    """Add the product's jobs to `scheduler`. Capabilities add theirs here, one line each."""
