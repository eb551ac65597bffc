"""Alembic environment: the URL comes from the caller's config (see storage/migrate.py), never from a file."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine, event, pool

from storage.db import normalise_url
from storage.models import metadata

config = context.config


def run_migrations_offline() -> None:
    context.configure(url=normalise_url(config.get_main_option("sqlalchemy.url")), target_metadata=metadata,
                      literal_binds=True, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connectable = config.attributes.get("connection")
    if connectable is None:
        engine = create_engine(normalise_url(config.get_main_option("sqlalchemy.url")), poolclass=pool.NullPool)
        if engine.dialect.name == "sqlite":
            _one_sqlite_transaction(engine)
        with engine.connect() as connection:
            _run(connection)
        engine.dispose()
    else:
        _run(connectable)


def _one_sqlite_transaction(engine) -> None:  # type: ignore[no-untyped-def]
    """pysqlite commits each DDL statement on its own: ~150 journal syncs on a new database, seconds on a busy
    disk. Taking transaction control (as storage/db.py does for the app) makes the upgrade one transaction:
    all or nothing, and one sync."""

    @event.listens_for(engine, "connect")
    def _manual(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_conn.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:  # type: ignore[no-untyped-def]
        conn.exec_driver_sql("BEGIN")


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
