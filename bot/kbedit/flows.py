"""One request's work for knowledge upkeep: the change and its audit row in one transaction, what to tell the
person, then (after the commit) the card in the business-unit channel, the DM to the author and the rebuild.

A refusal found here is returned (`Outcome.refused`), never written here: the listener audits it through
handlers.authorize.refuse. `may_edit(partnership)` is the caller's permission check for the entry's partnership.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from slack_sdk import WebClient

from bot import modals
from bot.authz import REFUSAL
from bot.kbedit import blocks, forms, periods, service, texts
from bot.kbedit.ids import ChangeMeta, EditMeta
from bot.kbedit.states import Change, Decision, DraftState, NotPending
from bot.logs import get_logger
from bot.mrkdwn import echo, escape
from bot.partnerships import business_unit_channel
from bot.services import Services
from bot.timeutil import format_date, to_london
from knowledge.base import KnowledgeBase
from knowledge.models import Entry
from knowledge.partnerships import NATIONAL, display_name
from storage.kbedit import current_version, drafts_of, newest_versions, single_approval, versions_of

log = get_logger(__name__)

MayEdit = Callable[[str], bool]


@dataclass
class Outcome:
    refused: bool = False
    problem: str | None = None  # what to tell the person (a refusal's text when refused)
    entry_id: str = "-"  # what a refusal is audited against
    errors: dict[str, str] = field(default_factory=dict)  # block id -> message (a modal's fields)
    draft_id: int | None = None
    view: dict[str, Any] | None = None


def refused(entry_id: str, text: str = REFUSAL) -> Outcome:
    """A refusal to audit (by `entry_id`, made safe by bot.kbedit.service.refuse) and tell."""
    return Outcome(refused=True, problem=text, entry_id=entry_id)


def _rule(single: bool) -> str:
    return texts.ONE_PERSON if single else texts.TWO_PEOPLE


@dataclass
class Upkeep:
    services: Services

    def kb(self, team_id: str) -> KnowledgeBase:
        """The workspace's live knowledge (its own approved versions on the shipped files)."""
        return self.services.kb_for(team_id)

    # -- finding an entry -----------------------------------------------------------------------------------
    def _versions(self, team_id: str) -> dict[str, int]:
        with self.services.db.read() as s:
            return {v.entry_id: v.version for v in newest_versions(s, team_id)}

    def topics(self, team_id: str, partnership: str) -> dict[str, list[Entry]]:
        out: dict[str, list[Entry]] = {}
        for e in self.kb(team_id).entries(partnership):
            out.setdefault(e.topic, []).append(e)
        return out

    def browse(self, team_id: str, partnership: str, may_edit: MayEdit) -> tuple[str, list[dict[str, Any]]]:
        """The partnership's topics and, for those who may edit them (admins), the national entries' topics."""
        area = display_name(partnership) if partnership != NATIONAL else "national entries"
        national = list(self.topics(team_id, NATIONAL)) if partnership != NATIONAL and may_edit(NATIONAL) else []
        fresh = team_id if not self._versions(team_id) else None  # nothing approved here: say where answers come from
        return f"Knowledge: {area}", blocks.browse_blocks(area, partnership, self.topics(team_id, partnership),
                                                          national, shipped_only=fresh)

    def topic(self, team_id: str, partnership: str, value: str,
              may_edit: MayEdit) -> Outcome | tuple[str, list[dict[str, Any]]]:
        """A topic's entries: the partnership's, or a national topic's (value "national|<topic>") for an admin."""
        area, national, name = value.partition(blocks.NATIONAL_TOPIC)
        if not national:
            area, name = partnership, value
        elif area != NATIONAL or not may_edit(NATIONAL):
            return refused("-")
        entries = self.topics(team_id, area).get(name, [])
        title = escape(f"{name} (national)" if area == NATIONAL else name)  # a pressed value: anything, if forged
        return title, blocks.entries_blocks(title, entries, self._versions(team_id))

    def search(self, team_id: str, partnership: str, words: str, *,
               national: bool = False) -> tuple[str, list[dict[str, Any]]]:
        """Entries of the partnership (and the national ones, for an admin) matching the words: an id as typed,
        then the search index's ranking."""
        live = self.services.knowledge.current(team_id).answerer
        areas = {partnership, NATIONAL} if national else {partnership}
        exact = [e for e in live.kb if e.partnership in areas and e.id == words.strip().lower()]
        hits = live.index.search(words, areas, limit=blocks.LIST_MAX)
        found = exact + [h.entry for h in hits if h.entry not in exact]
        if not found:
            area = display_name(partnership) if partnership != NATIONAL else "national entries"
            return texts.NOTHING_FOUND.format(area=area, words=echo(words)), []
        title = f"Entries matching: {echo(words)}"  # quoted back: identifiers removed, cut, escaped
        return title, blocks.entries_blocks(title, found, self._versions(team_id))

    # -- opening a modal ------------------------------------------------------------------------------------
    def open_edit(self, team_id: str, entry_id: str, may_edit: MayEdit, channel_id: str) -> Outcome:
        entry = self.kb(team_id).get(entry_id)
        if entry is None:
            return Outcome(problem=texts.GONE, entry_id=entry_id)
        if not may_edit(entry.partnership):
            return refused(entry.id)
        with self.services.db.read() as s:
            version = current_version(s, team_id, entry.id)
        meta = EditMeta(entry_id=entry.id, change=Change.EDIT, base_version=version, partnership=entry.partnership,
                        channel_id=channel_id)
        return Outcome(view=blocks.edit_modal(meta, forms.editable(entry), reason_hint=texts.REASON_HINT,
                                              source_hint=texts.NEW_SOURCE_HINT))

    def open_new(self, partnership: str, may_edit: MayEdit, channel_id: str, today: date,
                 phrasing: str | None = None) -> Outcome:
        """The new-entry modal; from the gaps DM, with the question asked as its first phrasing."""
        if partnership != NATIONAL and not may_edit(partnership):
            return refused("-")
        if partnership == NATIONAL and not may_edit(NATIONAL):
            return refused("-")
        entry_id = service.new_entry_id(partnership)
        meta = EditMeta(entry_id=entry_id, change=Change.NEW, partnership=partnership, channel_id=channel_id)
        start = {**forms.skeleton(entry_id, partnership, today), "phrasings": [phrasing] if phrasing else []}
        return Outcome(view=blocks.edit_modal(meta, start,
                                              reason_hint=texts.REASON_HINT, source_hint=texts.NEW_SOURCE_HINT))

    def open_change(self, team_id: str, entry_id: str, change: Change, may_edit: MayEdit, channel_id: str,
                    target: int | None = None) -> Outcome:
        """Retire, or revert to `target`: the reason modal."""
        with self.services.db.read() as s:
            entry = self.kb(team_id).get(entry_id)
            history = versions_of(s, team_id, entry_id)
            partnership = entry.partnership if entry else (history[-1].partnership if history else None)
            if partnership is None:
                return Outcome(problem=texts.GONE, entry_id=entry_id)
            if not may_edit(partnership):
                return refused(entry_id)
            title = entry.title if entry else entry_id
            version = current_version(s, team_id, entry_id)
        if change == Change.RETIRE:
            if entry is None:
                return Outcome(problem=texts.GONE, entry_id=entry_id)
            intro = texts.RETIRE_INTRO.format(title=escape(title))
        else:
            intro = texts.REVERT_INTRO.format(title=escape(title), version=target)
        meta = ChangeMeta(entry_id=entry_id, change=change, base_version=version, target_version=target,
                          channel_id=channel_id)
        return Outcome(view=blocks.change_modal(meta, intro, texts.REASON_HINT))

    # -- saving a draft -------------------------------------------------------------------------------------
    def submit_edit(self, team_id: str, actor_id: str, meta: EditMeta, values: modals.Values,
                    may_edit: MayEdit, today: date) -> Outcome:
        new = meta.change == Change.NEW
        kb = self.kb(team_id)
        live = kb.get(meta.entry_id)
        partnership = meta.partnership if new else (live.partnership if live else None)
        if partnership is None:
            return Outcome(problem=texts.GONE, entry_id=meta.entry_id)
        if not may_edit(partnership):
            return refused(meta.entry_id)
        if new and live is not None:
            return Outcome(problem=texts.REFUSE_EXISTS, entry_id=meta.entry_id)
        start = forms.skeleton(meta.entry_id, partnership, today) if new or live is None else forms.editable(live)
        data, reason, unreadable = forms.read_edit(values, start, new=new)
        data["id"], data["partnership"] = meta.entry_id, partnership  # never from the form
        entry, errors = (None, unreadable) if unreadable else forms.validate(data, {e.id for e in kb},
                                                                             {e.id: e.note for e in kb})
        if (problem := forms.reason_problem(reason)) is not None:
            errors.setdefault(forms.BlockId.REASON.value, problem)
        if errors or entry is None or reason is None:
            return Outcome(errors=errors, entry_id=meta.entry_id)
        content = forms.editable(entry)
        if not new and live is not None and content == forms.editable(live):
            return Outcome(errors={forms.BlockId.TITLE.value: texts.REFUSE_NOT_RETIRED}, entry_id=meta.entry_id)
        with self.services.db.session() as s:
            draft = service.save_draft(s, team_id=team_id, actor_id=actor_id, entry_id=meta.entry_id,
                                       partnership=partnership, change=meta.change, content=content,
                                       base_version=meta.base_version, reason=reason)
            return Outcome(draft_id=draft.id, entry_id=meta.entry_id)

    def submit_change(self, team_id: str, actor_id: str, meta: ChangeMeta, reason: str | None,
                      may_edit: MayEdit) -> Outcome:
        if (problem := forms.reason_problem(reason)) is not None or reason is None:
            return Outcome(errors={forms.BlockId.REASON.value: problem or ""}, entry_id=meta.entry_id)
        with self.services.db.session() as s:
            entry = self.kb(team_id).get(meta.entry_id)
            history = versions_of(s, team_id, meta.entry_id)
            partnership = entry.partnership if entry else (history[-1].partnership if history else None)
            if partnership is None:
                return Outcome(problem=texts.GONE, entry_id=meta.entry_id)
            if not may_edit(partnership):
                return refused(meta.entry_id)
            content: dict[str, Any] | None = None
            if meta.change == Change.REVERT:
                content = service.version_content(s, self.services.knowledge.base, team_id, meta.entry_id,
                                                  meta.target_version or 0)
                if content is None:
                    return Outcome(errors={forms.BlockId.REASON.value: texts.GONE}, entry_id=meta.entry_id)
            draft = service.save_draft(s, team_id=team_id, actor_id=actor_id, entry_id=meta.entry_id,
                                       partnership=partnership, change=meta.change, content=content,
                                       base_version=meta.base_version, reason=reason)
            return Outcome(draft_id=draft.id, entry_id=meta.entry_id)

    # -- the card -------------------------------------------------------------------------------------------
    def _card(self, s: Any, draft: Any) -> tuple[str, str, list[dict[str, Any]]]:
        """The draft's title, the card's text and blocks: the entry at the version the draft was written against
        beside what the draft makes it (the same difference before and after the decision)."""
        base = self.services.knowledge.base
        before = None if draft.change == Change.NEW.value else service.version_content(
            s, base, draft.team_id, draft.entry_id, draft.base_version)
        after = draft.content
        title = str((after or before or {}).get("title") or draft.entry_id)
        rule = _rule(single_approval(s, draft.team_id, draft.partnership))
        return title, blocks.card_text(draft, title), blocks.card_blocks(draft, title, before, after, rule)

    def after_draft(self, client: WebClient, team_id: str, draft_id: int) -> None:
        """The card to the business-unit channel (the author's DMs when none is set), and a word to the author."""
        with self.services.db.read() as s:
            draft = service.get_draft(s, team_id, draft_id)
            if draft is None:
                return
            channel = business_unit_channel(s, team_id)
            title, text, card = self._card(s, draft)
            single = single_approval(s, team_id, draft.partnership)
            author, change = draft.author_id, Change(draft.change)
        posted = client.chat_postMessage(channel=channel or author, text=text, blocks=card)
        with self.services.db.session() as s:
            row = service.get_draft(s, team_id, draft_id)
            if row is not None:
                row.card_channel = str(posted.get("channel") or channel or author)
                row.card_ts = posted.get("ts")
        where = f" (<#{channel}>)" if channel else texts.NO_CHANNEL
        client.chat_postMessage(channel=author, text=texts.DRAFT_SAVED.format(
            title=escape(title), change=change.label.lower(),
            who=texts.ANYONE if single else texts.SECOND_PERSON, where=where))

    # -- deciding -------------------------------------------------------------------------------------------
    def decide(self, team_id: str, actor_id: str, draft_id: int, decision: Decision, may_edit: MayEdit,
               now: datetime) -> Outcome:
        if decision == Decision.APPROVE:
            self.services.knowledge.refresh()  # judge against what is live now, not a snapshot seconds old
        with self.services.db.session() as s:
            draft = service.get_draft(s, team_id, draft_id, lock=True)
            if draft is None:
                return Outcome(problem=texts.DRAFT_GONE)
            if not may_edit(draft.partnership):
                return refused(draft.entry_id)
            if DraftState(draft.state) != DraftState.PENDING:
                return Outcome(problem=texts.NOT_PENDING.format(state=draft.state), entry_id=draft.entry_id)
            if decision == Decision.REJECT:
                service.reject(s, draft, actor_id=actor_id, now=now)
                return Outcome(draft_id=draft.id, entry_id=draft.entry_id)
            if draft.author_id == actor_id and not service.may_approve_own(s, team_id, draft.partnership):
                return refused(draft.entry_id, texts.OWN_DRAFT)
            kb = self.kb(team_id)
            problem = service.approval_problem(kb, draft, current_version(s, team_id, draft.entry_id))
            if problem is not None:
                return Outcome(problem=problem, entry_id=draft.entry_id)
            periods.date_if_unchosen(draft, kb.get(draft.entry_id), to_london(now).date())
            try:
                service.approve(s, draft, approver_id=actor_id, now=now)
            except NotPending:
                return Outcome(problem=texts.NOT_PENDING.format(state=draft.state), entry_id=draft.entry_id)
            return Outcome(draft_id=draft.id, entry_id=draft.entry_id)

    def after_decision(self, client: WebClient, team_id: str, draft_id: int,
                       clicked: tuple[str, str] | None = None) -> None:
        """The new knowledge in this process at once; the card shows the decision; the author is told.

        `clicked` is the message whose button was pressed: the card, if its ts is not stored yet (a decision
        taken in the moment between the card being posted and its ts being saved)."""
        with self.services.db.read() as s:
            draft = service.get_draft(s, team_id, draft_id)
            if draft is None:
                return
            title, text, card = self._card(s, draft)
            version = current_version(s, team_id, draft.entry_id)
            approved = draft.state == DraftState.APPROVED.value
            where, ts, author, by = draft.card_channel, draft.card_ts, draft.author_id, draft.decided_by
        if not ts and clicked is not None:
            where, ts = clicked
        if approved:
            self.services.knowledge.refresh()
        if where and ts:
            client.chat_update(channel=where, ts=ts, text=text, blocks=card)
        said = texts.APPROVED_DM if approved else texts.REJECTED_DM
        client.chat_postMessage(channel=author, text=said.format(title=escape(title), by=by, version=version))

    # -- the monthly review list ----------------------------------------------------------------------------
    def still_right(self, team_id: str, actor_id: str, entry_id: str, may_edit: MayEdit, today: date,
                    now: datetime) -> Outcome:
        """The entry is still right: its next review date by its kind (bot/kbedit/review_periods.yaml), confirmed
        by this person (no second person: nothing it says changes), as a version of its own; audited kb.reviewed."""
        self.services.knowledge.refresh()
        entry = self.kb(team_id).get(entry_id)
        if entry is None:
            return Outcome(problem=texts.GONE, entry_id=entry_id)
        if not may_edit(entry.partnership):
            return refused(entry.id)
        due = periods.next_review(entry, today)
        content = {**forms.editable(entry), "review_by": due.isoformat()}
        with self.services.db.session() as s:
            draft = service.save_draft(s, team_id=team_id, actor_id=actor_id, entry_id=entry.id,
                                       partnership=entry.partnership, change=Change.REVIEW, content=content,
                                       base_version=current_version(s, team_id, entry.id),
                                       reason=texts.STILL_RIGHT_REASON)
            service.approve(s, draft, approver_id=actor_id, now=now)
        self.services.knowledge.refresh()
        return Outcome(problem=texts.STILL_RIGHT.format(title=escape(entry.title), day=format_date(due)),
                       entry_id=entry.id)

    # -- history --------------------------------------------------------------------------------------------
    def history(self, team_id: str, entry_id: str, may_edit: MayEdit) -> Outcome | tuple[str, list[dict[str, Any]]]:
        shipped = self.services.knowledge.base.get(entry_id) is not None
        entry = self.kb(team_id).get(entry_id)
        with self.services.db.read() as s:
            versions = versions_of(s, team_id, entry_id)
            lines = blocks.history_lines(shipped, versions, drafts_of(s, team_id, entry_id))
            partnership = entry.partnership if entry else (versions[-1].partnership if versions else None)
            current = versions[-1].version if versions else 0
            kept = [v.version for v in versions if v.content is not None]
        if partnership is None:
            return Outcome(problem=texts.GONE, entry_id=entry_id)
        if not may_edit(partnership):
            return refused(entry_id)
        revertible = [v for v in ([0] if shipped else []) + kept if v != current]
        title = entry.title if entry else entry_id
        return f"History of {title}", blocks.history_blocks(entry_id, title, lines, revertible)
