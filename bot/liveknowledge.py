"""The knowledge every answer in this process uses: the shipped files plus the business unit's approved
versions (storage/kbedit.py), rebuilt when the newest version changes, without a restart. Each workspace has its
own overlay: an edit approved in one workspace never changes another workspace's answers.

Answers never wait on the database here: `current()` returns the snapshot in hand at once and, at most every
`check_seconds`, starts one background check of the overlay's version number; a changed number builds a
new knowledge base and search index off to the side and swaps the pair in whole. If the database cannot be
read the last good snapshot stays (the 999 line and the front door are always answered from memory).
`refresh()` does the same check at once (after an approval in this process, and at start).
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from bot.logs import get_logger
from knowledge.answering import Answerer, get_answerer
from knowledge.base import KnowledgeBase, load_knowledge_base
from knowledge.models import Confirmation, Entry
from storage.db import Database
from storage.kbedit import KnowledgeVersion, newest_versions, overlay_version, team_versions

log = get_logger(__name__)

CHECK_SECONDS = 5.0  # how stale another process's approval may be here, before the rebuild


@dataclass(frozen=True)
class Snapshot:
    version: int  # the overlay version number it was built at (-1: the shipped files only, never checked)
    kb: KnowledgeBase
    answerer: Answerer


def version_entry(row: KnowledgeVersion) -> Entry | None:
    """The entry an approved version holds, confirmed by its approver; None when retired or unreadable."""
    if row.content is None:
        return None
    try:
        data = {**row.content, "confirmed": Confirmation(by=row.approved_by, on=row.approved_at.date())}
        return Entry.model_validate(data)
    except ValidationError:  # validated when drafted; a later schema change must not stop answering
        log.error("knowledge.overlay_entry_invalid", entry_id=row.entry_id, version=row.version)
        return None


def overlay(base: KnowledgeBase, rows: list[KnowledgeVersion]) -> KnowledgeBase:
    """The shipped entries with each entry's newest approved version in its place (new ones appended)."""
    newest = {r.entry_id: r for r in rows}
    entries: list[Entry] = []
    for e in base:
        row = newest.pop(e.id, None)
        if row is None:
            entries.append(e)
        elif row.content is not None:  # an edit; one that no longer validates keeps the shipped entry, never none
            entries.append(version_entry(row) or e)  # (a front door dropped would leave the 999 line without it)
    entries += [e for r in newest.values() if (e := version_entry(r)) is not None]
    files = {e.id: base.files.get(e.id, "database") for e in entries}
    return KnowledgeBase(entries, files)


ALL = ""  # the snapshot for callers with no workspace (the CLI, the clock's national timescales): every overlay


class LiveKnowledge:
    """One snapshot per workspace that has approved versions (its own overlay on the shipped files); a workspace
    with none answers from the shipped files; callers with no workspace get every workspace's versions."""

    def __init__(self, db: Database | None, base: KnowledgeBase | None = None,
                 check_seconds: float = CHECK_SECONDS, path: Path | None = None) -> None:
        self.db = db
        self._path = path  # the shipped files' folder (None: knowledge/data)
        self.check_seconds = check_seconds
        self._base = base
        self._plain: Snapshot | None = None  # the shipped files only
        self._snapshots: dict[str, Snapshot] = {}  # team id (ALL: every team) -> its overlay
        self._version = -1  # the deployment's overlay version the snapshots were built at
        self._lock = threading.Lock()  # one build at a time
        self._checking = False
        self._checked_at = 0.0

    @property
    def base(self) -> KnowledgeBase:
        if self._base is None:
            self._base = load_knowledge_base(self._path)
        return self._base

    def current(self, team_id: str | None = None) -> Snapshot:
        """The workspace's snapshot in hand, now; a background check starts when the last is older than
        check_seconds. A workspace with no approved versions (as of the last check) has the shipped files."""
        if self._plain is None:
            self._plain = Snapshot(-1, self.base, get_answerer(self.base))
        snap = self._snapshots.get(ALL if team_id is None else team_id, self._plain)
        if self.db is not None and time.monotonic() - self._checked_at >= self.check_seconds and not self._checking:
            self._checking = True
            threading.Thread(target=self._check_quietly, name="knowledge-refresh", daemon=True).start()
        return snap

    @property
    def kb(self) -> KnowledgeBase:
        return self.current().kb

    @property
    def answerer(self) -> Answerer:
        return self.current().answerer

    def _check_quietly(self) -> None:
        try:
            self.refresh()
        except Exception as exc:  # database down or slow: keep answering from the snapshot in hand
            log.warning("knowledge.refresh_failed", error=type(exc).__name__)
        finally:
            self._checking = False

    def refresh(self) -> bool:
        """Check the overlay's version now; rebuild and swap the snapshots of the workspaces whose versions
        changed (and the all-workspaces one). True when a new snapshot is in."""
        if self.db is None:
            return False
        with self._lock:
            self._checked_at = time.monotonic()
            with self.db.read() as s:
                version = overlay_version(s)
                if version == self._version:
                    return False
                teams = team_versions(s)
                held = {team: snap.version for team, snap in self._snapshots.items()}
                wanted = {**teams, ALL: version} if teams else {}
                changed = [team for team, v in wanted.items() if held.get(team) != v]
                only = next(iter(teams)) if len(teams) == 1 else None  # one workspace: its overlay is everyone's
                started = time.perf_counter()
                kbs = {team: overlay(self.base, newest_versions(s, None if team == ALL else team))
                       for team in changed if not (team == ALL and only is not None)}  # read before the session ends
            built = {team: Snapshot(wanted[team], kb, Answerer(kb)) for team, kb in kbs.items()}
            if only is not None and ALL in changed:
                built[ALL] = built.get(only) or self._snapshots[only]
            self._snapshots = {team: built.get(team) or self._snapshots[team] for team in wanted}
            self._version = version
            log.info("knowledge.rebuilt", version=version, workspaces=len(changed),
                     seconds=round(time.perf_counter() - started, 3))
            return True
