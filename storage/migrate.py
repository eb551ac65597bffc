"""Schema migrations, run programmatically so `safeguarding-bot db upgrade` needs no alembic.ini on disk.

Each capability owns its own revision off the baseline; `upgrade` goes to every head.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config

from storage.db import ensure_sqlite_dir, normalise_url

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", normalise_url(url).replace("%", "%%"))
    return cfg


def upgrade(url: str, target: str = "heads") -> None:
    ensure_sqlite_dir(normalise_url(url))
    command.upgrade(alembic_config(url), target)


def downgrade(url: str, target: str) -> None:
    """Back to `target` (a revision id, or `<id>@-1`): for tests of a migration's downgrade."""
    command.downgrade(alembic_config(url), target)


def current(url: str) -> None:
    command.current(alembic_config(url), verbose=False)


def revision(url: str, message: str, rev_id: str, head: str = "0001_baseline") -> None:
    """Autogenerate a new revision (developers only)."""
    command.revision(alembic_config(url), message=message, autogenerate=True, rev_id=rev_id, head=head)
