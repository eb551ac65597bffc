"""`safeguarding-bot kb history ID`: every version of an entry with who, when and why; `kb export --out DIR`: the
live knowledge (shipped files + approved versions) as YAML that `kb validate --path DIR` accepts. Both read the
database."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from bot.kbedit.states import Change, DraftState
from bot.timeutil import format_date


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    kb = subparsers.choices.get("kb")  # knowledge.cli's `kb` (registered first); history joins its actions
    actions = next((a for a in getattr(kb, "_actions", []) if isinstance(a, argparse._SubParsersAction)), None)
    if actions is None:
        return
    h = actions.add_parser("history", help="every version of an entry: who wrote and approved it, when and why")
    h.add_argument("id")
    h.add_argument("--team", default=None, help="only this workspace's versions (default: every workspace's)")
    h.set_defaults(func=cmd_history)
    x = actions.add_parser("export", help="write the live knowledge (shipped + approved versions) as YAML files")
    x.add_argument("--out", required=True, help="folder to write (one file per partnership, national.yaml)")
    x.add_argument("--team", default=None,
                   help="this workspace's approved versions (default: every workspace's, the newest approval last)")
    x.set_defaults(func=cmd_export)
    i = actions.add_parser("import", help="load YAML files (as `kb export` writes them) as drafts for approval")
    i.add_argument("dir")
    i.add_argument("--as", dest="user", required=True, help="Slack user id of the business-unit member drafting")
    i.add_argument("--reason", required=True, help="one line, kept in each entry's history")
    i.add_argument("--partnership", default=None, help="only this partnership's entries (default: the workspace's)")
    i.add_argument("--team", default=None, help="workspace (default: the one whose partnership it is)")
    i.set_defaults(func=cmd_import)


def history_report(session: Any, entry_id: str, team_id: str | None = None) -> list[str]:
    """Lines for `kb history`: v0 (the shipped file, when the entry is one), then each workspace's versions (each
    workspace has its own overlay) and open drafts; one workspace's only with `team_id`."""
    from sqlalchemy import select

    from knowledge import load_knowledge_base
    from storage.kbedit import KnowledgeDraft, KnowledgeVersion

    teams = [team_id] if team_id is not None else sorted(
        set(session.scalars(select(KnowledgeVersion.team_id).where(KnowledgeVersion.entry_id == entry_id)))
        | set(session.scalars(select(KnowledgeDraft.team_id).where(KnowledgeDraft.entry_id == entry_id))))
    shipped = load_knowledge_base().get(entry_id)
    lines = [f"History of {entry_id}"]
    if shipped is not None:
        lines.append(f"v0  shipped file  {shipped.title}  (as of {format_date(shipped.as_of)})")
    for team in teams:
        if len(teams) > 1:
            lines.append(f"in workspace {team}:")
        lines += _team_history(session, team, entry_id)
    return lines if len(lines) > 1 else []


def _team_history(session: Any, team_id: str, entry_id: str) -> list[str]:
    from storage.kbedit import drafts_of, versions_of

    versions = versions_of(session, team_id, entry_id)
    drafts = [d for d in drafts_of(session, team_id, entry_id) if d.state != DraftState.APPROVED.value]
    lines: list[str] = []
    for v in versions:
        title = (v.content or {}).get("title", "(retired)")
        lines.append(f"v{v.version}  {Change(v.change).label.lower()}  {title}")
        lines.append(f"    drafted by {v.author_id} on {format_date(v.drafted_at.date())}, approved by "
                     f"{v.approved_by} on {format_date(v.approved_at.date())}")
        lines.append(f"    why: {v.reason}")
    for d in drafts:
        lines.append(f"draft {d.id}  {Change(d.change).label.lower()}  {d.state}  by {d.author_id} on "
                     f"{format_date(d.created_at.date())}  why: {d.reason}")
    return lines


def cmd_history(args: argparse.Namespace) -> int:
    from bot.settings import load_settings
    from storage.db import Database

    try:
        db = Database(load_settings().database_url)
        with db.read() as s:
            lines = history_report(s, args.id, args.team)
    except Exception as exc:  # missing tables or database: say so plainly, without a traceback
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        print(f"cannot read the knowledge history ({first}); has `safeguarding-bot db upgrade` been run?",
              file=sys.stderr)
        return 1
    if not lines:
        print(f"no entry {args.id!r} in the knowledge base or its history", file=sys.stderr)
        return 2
    print("\n".join(lines))
    return 0


def export(kb: Any, out: Path) -> dict[str, int]:
    """One `<partnership>.yaml` per partnership (and national.yaml), every entry whole: no file defaults, so
    the files read back exactly (`kb validate --path`)."""
    import yaml

    out.mkdir(parents=True, exist_ok=True)
    files: dict[str, list[dict[str, Any]]] = {}
    for e in kb:
        files.setdefault(e.partnership, []).append(e.model_dump(mode="json", exclude_none=True, exclude_defaults=True))
    for slug, entries in files.items():
        doc = {"partnership": slug, "entries": entries}
        (out / f"{slug}.yaml").write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=120),
                                          encoding="utf-8")
    return {slug: len(entries) for slug, entries in files.items()}


def cmd_export(args: argparse.Namespace) -> int:
    from bot.liveknowledge import overlay
    from bot.settings import load_settings
    from knowledge import load_knowledge_base
    from storage.db import Database
    from storage.kbedit import newest_versions

    try:
        db = Database(load_settings().database_url)
        with db.read() as s:
            kb = overlay(load_knowledge_base(), newest_versions(s, args.team))
    except Exception as exc:  # missing tables or database: say so plainly, without a traceback
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        print(f"cannot read the approved versions ({first}); has `safeguarding-bot db upgrade` been run?",
              file=sys.stderr)
        return 1
    counts = export(kb, Path(args.out))
    print(f"wrote {sum(counts.values())} entries to {args.out}: "
          + ", ".join(f"{slug}.yaml {n}" for slug, n in counts.items()))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """Drafts through the service (audited `kb.drafted`), then each draft's card through Slack for approval."""
    from bot.kbedit.flows import Upkeep
    from bot.kbedit.forms import reason_problem
    from bot.kbedit.importer import import_dir, workspace_for
    from bot.services import build_services
    from bot.settings import load_settings
    from bot.workspaces.tokens import team_clients
    from storage.core import Workspace

    if (problem := reason_problem(args.reason)) is not None:
        print(f"--reason: {problem}", file=sys.stderr)
        return 2
    settings = load_settings()
    services = build_services(settings)
    try:
        with services.db.session() as s:
            team = args.team or (workspace_for(s, args.partnership) if args.partnership else None)
            if team is None:
                print("say which workspace with --team (or --partnership of a workspace)", file=sys.stderr)
                return 2
            ws = s.get(Workspace, team)
            area = args.partnership or (ws.partnership if ws is not None else None)  # not every export's file
            services.knowledge.refresh()  # what is live in that workspace now, not a snapshot of the files
            result = import_dir(s, services.kb_for(team), Path(args.dir), team_id=team, actor_id=args.user,
                                reason=args.reason, partnership=area,
                                admins=tuple(settings.admin_ids))
    except Exception as exc:  # missing tables or database: say so plainly, without a traceback
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        print(f"cannot import ({first}); has `safeguarding-bot db upgrade` been run?", file=sys.stderr)
        return 1
    print("\n".join(result.lines()))
    client = team_clients(services).for_team(team) if result.drafted else None
    upkeep = Upkeep(services)
    for _entry, draft_id in result.drafted:
        if client is not None:
            upkeep.after_draft(client, team, draft_id)
    return 0 if not result.refused else 3
