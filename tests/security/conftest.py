"""Security fixtures shared by the files here."""

from __future__ import annotations

import logging

import pytest

from bot.logs import configure


@pytest.fixture
def debug_logs(caplog):  # type: ignore[no-untyped-def]
    """Production log configuration at its most verbose, captured."""
    configure("json", "DEBUG")
    logging.getLogger().addHandler(caplog.handler)
    caplog.set_level(logging.DEBUG)
    yield caplog
    logging.getLogger().removeHandler(caplog.handler)
