"""One thread writes every waiting `processed_events` claim in one transaction.

A claim per request, each its own transaction, queued on the process's write lock and paid one disk flush
(SQLite) each: at 60-200 requests a second the queue grew until the HTTP gate's wait ran out and the
server's threads sat in it. Here requests that arrive together share one INSERT and one commit, so the
wait on the acknowledgement path is about one commit however busy the server is.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future
from queue import Empty, SimpleQueue

from sqlalchemy.exc import SQLAlchemyError

from bot.logs import get_logger
from storage.claims import claim_new
from storage.db import Database

log = get_logger(__name__)

MAX_BATCH = 500
_Item = tuple[Database, str, str, "Future[bool]"]


class ClaimWriter:
    """`claim(db, team_id, key)` -> a future: True for the first claim of the key, False for a repeat.

    A database fault resolves every claim of the batch True (the caller lets the request through)."""

    def __init__(self) -> None:
        self._queue: SimpleQueue[_Item] = SimpleQueue()
        self._thread: threading.Thread | None = None
        self._start_lock = threading.Lock()

    def claim(self, db: Database, team_id: str, key: str) -> Future[bool]:
        """Queue a claim; ids are cut to the columns' widths, so one odd id cannot fail a batch (PostgreSQL)."""
        future: Future[bool] = Future()
        self._queue.put((db, team_id[:32], key[:64], future))
        if self._thread is None:
            with self._start_lock:
                if self._thread is None:
                    self._thread = threading.Thread(target=self._run, name="claim-writer", daemon=True)
                    self._thread.start()
        return future

    def _run(self) -> None:
        while True:
            batch = [self._queue.get()]
            while len(batch) < MAX_BATCH:
                try:
                    batch.append(self._queue.get_nowait())
                except Empty:
                    break
            by_db: dict[Database, list[_Item]] = {}
            for item in batch:
                by_db.setdefault(item[0], []).append(item)
            for db, items in by_db.items():
                self._write(db, items)

    @staticmethod
    def _write(db: Database, items: list[_Item]) -> None:
        keys = list(dict.fromkeys((team, key) for _, team, key, _ in items))
        try:
            with db.session() as s:
                won = claim_new(s, keys)
        except SQLAlchemyError as exc:
            log.warning("claims.unavailable", error=type(exc).__name__, waiting=len(items))
            won = set(keys)
        for _, team, key, future in items:
            first = (team, key) in won
            won.discard((team, key))  # the same key twice in one batch: only the first wins
            future.set_result(first)


WRITER = ClaimWriter()  # one per process: the HTTP gate's replay claims and the event ids share its batches
