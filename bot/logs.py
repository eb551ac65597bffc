"""Structured logging. Log lines carry ids and outcomes only: never user free text or modal values."""

from __future__ import annotations

import logging
import sys

import structlog


def configure(fmt: str = "json", level: str = "INFO") -> None:
    renderer: structlog.types.Processor = (
        structlog.processors.JSONRenderer() if fmt == "json" else structlog.dev.ConsoleRenderer(colors=False)
    )
    logging.basicConfig(stream=sys.stderr, level=getattr(logging, level), format="%(message)s", force=True)
    # Bolt and slack-sdk log request bodies at DEBUG, Alembic its set-up at INFO: WARNING whatever our level is.
    for noisy in ("slack_bolt", "slack_sdk", "urllib3", "waitress", "apscheduler", "alembic"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            renderer,
        ],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.make_filtering_bound_logger(getattr(logging, level)),
        cache_logger_on_first_use=False,
    )


def get_logger(name: str) -> structlog.stdlib.BoundLogger:
    return structlog.get_logger(name)
