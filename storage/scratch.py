"""Throwaway databases for test runs and benchmarks: a temporary SQLite file, or a private database on the
PostgreSQL server a URL names (created, migrated, dropped), so concurrent runs never share tables."""

from __future__ import annotations

import secrets
import tempfile
from dataclasses import dataclass

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url

from storage.db import normalise_url
from storage.migrate import upgrade


@dataclass
class ScratchDatabase:
    url: str
    _admin: Engine | None = None
    _name: str | None = None

    @property
    def is_postgres(self) -> bool:
        return self._admin is not None

    def drop(self) -> None:
        if self._admin is not None:
            with self._admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{self._name}" WITH (FORCE)'))
            self._admin.dispose()
            self._admin = None


def create_scratch_database(server_url: str | None, prefix: str = "sgb_scratch",
                            target: str = "heads") -> ScratchDatabase:
    """Migrated to every head (or to `target`, for a migration's own test). `server_url` of PostgreSQL gives a new
    database beside it; anything else SQLite."""
    if not server_url or not server_url.startswith(("postgres://", "postgresql")):
        scratch = ScratchDatabase(f"sqlite:///{tempfile.mkdtemp(prefix=prefix)}/scratch.db")
    else:
        base = make_url(normalise_url(server_url))
        name = f"{prefix}_{secrets.token_hex(4)}"
        admin = create_engine(base, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        scratch = ScratchDatabase(base.set(database=name).render_as_string(hide_password=False), admin, name)
    upgrade(scratch.url, target)
    return scratch
