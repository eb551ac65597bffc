"""Knowledge upkeep figures: rebuild time (overlay merged, new search index) at the shipped size and at 10,000
entries; publish-to-live (a version committed by one process until another process's answers use it, with its
5 s check); answer p95 while a rebuild runs in the background. Prints figures only.

    .venv/bin/python benchmarks/bench_kbedit.py            # SQLite scratch database
    DATABASE_URL=postgresql://127.0.0.1:5432/test .venv/bin/python benchmarks/bench_kbedit.py
"""

from __future__ import annotations

import os
import statistics
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert

from bot.kbedit.forms import editable
from bot.liveknowledge import LiveKnowledge
from bot.logs import configure
from knowledge import load_knowledge_base
from storage.db import Database
from storage.kbedit import KnowledgeVersion
from storage.scratch import create_scratch_database

QUESTIONS = ("who pays for the halton arrangements", "what is a lado", "how do i escalate a disagreement in wirral",
             "rapid review timescale", "who chairs the warrington partnership")


def versions(count: int, start_id: int = 1) -> list[dict]:
    """`count` new entries (copies of shipped ones under new ids) as approved version rows."""
    base = list(load_knowledge_base())
    now = datetime.now(UTC)
    rows = []
    for i in range(count):
        e = base[i % len(base)]
        content = {**editable(e), "id": f"{e.partnership}.bench.e{start_id + i}", "see_also": []}
        rows.append(dict(team_id="TBENCH", entry_id=content["id"], version=1, partnership=e.partnership,
                         change="new", content=content, draft_id=start_id + i, reason="bench", author_id="U1",
                         approved_by="U2", drafted_at=now, approved_at=now))
    return rows


def rebuild_seconds(db: Database) -> float:
    live = LiveKnowledge(db)
    started = time.perf_counter()
    live.refresh()
    return time.perf_counter() - started


def main() -> None:
    configure("console", "WARNING")
    scratch = create_scratch_database(os.environ.get("DATABASE_URL"), prefix="sgb_bench_kbedit")
    db = Database(scratch.url)
    try:
        shipped = len(load_knowledge_base())
        with db.session() as s:
            s.execute(insert(KnowledgeVersion), versions(1))
        print(f"rebuild at the shipped size ({shipped} entries + 1 version): {rebuild_seconds(db):.2f} s")

        # publish-to-live: another process (its own LiveKnowledge) with the default 5 s check
        other = LiveKnowledge(db)
        other.refresh()
        held = other.current().version
        with db.session() as s:
            s.execute(insert(KnowledgeVersion), versions(1, start_id=2))
        published = time.perf_counter()
        while other.current().version == held:
            time.sleep(0.01)
        print(f"publish-to-live in another process (5 s check): {time.perf_counter() - published:.2f} s")

        with db.session() as s:
            rows = versions(10_000 - shipped, start_id=10)
            for k in range(0, len(rows), 2000):
                s.execute(insert(KnowledgeVersion), rows[k:k + 2000])
        print(f"rebuild at 10,000 entries: {rebuild_seconds(db):.2f} s")

        # answer p95 while the 10,000-entry rebuild runs in the background (the shipped snapshot answers)
        live = LiveKnowledge(db)
        live.current().answerer.answer("warm up", None)
        builder = threading.Thread(target=live.refresh)
        timings: list[float] = []
        builder.start()
        while builder.is_alive():
            q = QUESTIONS[len(timings) % len(QUESTIONS)]
            started = time.perf_counter()
            live.current().answerer.answer(q, None)
            timings.append((time.perf_counter() - started) * 1000)
        builder.join()
        quiet: list[float] = []
        for i in range(len(timings) or 50):
            started = time.perf_counter()
            live.current().answerer.answer(QUESTIONS[i % len(QUESTIONS)], None)
            quiet.append((time.perf_counter() - started) * 1000)
        p95 = statistics.quantiles(timings, n=20)[-1] if len(timings) >= 20 else max(timings or [0])
        print(f"answer p95 during the rebuild: {p95:.1f} ms over {len(timings)} answers "
              f"(after it, at 10,000 entries: {statistics.quantiles(quiet, n=20)[-1]:.1f} ms)")
    finally:
        db.dispose()
        scratch.drop()


if __name__ == "__main__":
    main()
