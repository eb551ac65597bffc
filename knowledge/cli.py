"""`safeguarding-bot ask ...` and `safeguarding-bot kb ...`.

    safeguarding-bot ask "QUESTION" [--partnership SLUG] [--json]
    safeguarding-bot ask --jsonl            # {"question", "partnership"} per line in, one answer per line out
    safeguarding-bot kb validate [--path DIR]
    safeguarding-bot kb list [--partnership SLUG] [--kind KIND]
    safeguarding-bot kb show ID
    safeguarding-bot kb gaps [--limit N] [--team T]   # unanswered questions and "not helpful" answers
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from knowledge.base import DATA_DIR, KnowledgeBaseError, load_knowledge_base, parse_files
from knowledge.dating import month_year, review_note
from knowledge.models import TOPICS
from knowledge.partnerships import NATIONAL, PARTNERSHIPS, partnership_arg


def partnership_or_national_arg(value: str) -> str:
    if value == NATIONAL:
        return value
    try:
        return partnership_arg(value)
    except argparse.ArgumentTypeError as exc:
        raise argparse.ArgumentTypeError(f"{exc}, {NATIONAL}") from None


def _kb(path: str | None):  # type: ignore[no-untyped-def]
    return load_knowledge_base(Path(path) if path else None)


def cmd_ask(args: argparse.Namespace) -> int:
    from knowledge.answering import get_answerer

    try:
        answerer = get_answerer(_kb(args.kb_path))
    except KnowledgeBaseError as exc:
        print("knowledge base invalid:\n  " + "\n  ".join(exc.problems), file=sys.stderr)
        return 2
    if args.jsonl:
        out = sys.stdout
        for n, line in enumerate(sys.stdin, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                question = str(obj.get("question") or "")
                partnership = obj.get("partnership") or args.partnership
            except (json.JSONDecodeError, AttributeError):
                print(f"line {n}: not a JSON object", file=sys.stderr)
                question, partnership = "", None
            res = answerer.answer(question, partnership)
            out.write(json.dumps(res.to_json(), ensure_ascii=False) + "\n")
            out.flush()
        return 0
    if not args.question:
        print("give a QUESTION or --jsonl", file=sys.stderr)
        return 2
    question = " ".join(args.question)
    res = answerer.answer(question, args.partnership)
    if args.json:
        print(json.dumps(res.to_json(), ensure_ascii=False, indent=2))
    else:
        print(res.text)
        if res.suggestions and res.outcome != "answer":
            print()
            for s in res.suggestions:
                print(f"  -> {s.entry_id}")
    if args.explain:
        q = answerer.index.analyse(question)
        print(f"\n[slots] {[(s.word, round(s.weight, 2)) for s in q.slots]} corrections={q.corrections}",
              file=sys.stderr)
        area = res.partnership
        allowed = {area, NATIONAL} if area else None
        for h in answerer.index.search(q, allowed, limit=5):
            print(f"  {h.confidence:.3f} cov={h.coverage:.2f} bm25={h.score:.2f} phr={h.phrase:.2f} {h.entry.id}",
                  file=sys.stderr)
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    path = Path(args.path) if args.path else DATA_DIR
    entries, _origin, problems = parse_files(path)
    if problems:
        print(f"{len(problems)} problem(s) in {path}:")
        for p in problems:
            print(f"  {p}")
        return 1
    by_p = Counter(e.partnership for e in entries)
    summary = ", ".join(f"{slug}: {by_p.get(slug, 0)}" for slug in [*PARTNERSHIPS, NATIONAL])
    print(f"ok: {len(entries)} entries ({summary})")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    kb = _kb(args.kb_path)
    for e in kb.entries(args.partnership, args.kind):
        print(f"{e.id:<70} {e.kind:<18} {e.title}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    kb = _kb(args.kb_path)
    e = kb.get(args.id)
    if e is None:
        print(f"no entry {args.id!r}", file=sys.stderr)
        return 1
    shown = e.model_dump(mode="json", exclude_defaults=True)
    shown["shown_as"] = {"as_of": month_year(e.as_of), "review": review_note(e)}  # what people read in Slack
    print(json.dumps(shown, indent=2, ensure_ascii=False))
    return 0


def gaps_report(session: Any, kb: Any, limit: int, team: str | None) -> list[str]:
    """Lines for `kb gaps`: unanswered questions, then answers marked not helpful with their redacted questions."""
    from storage.answers import not_helpful_summary, unanswered_summary

    lines: list[str] = []
    unanswered = unanswered_summary(session, team_id=team, limit=limit)
    lines.append("Unanswered questions (most asked first):" if unanswered else "no unanswered questions recorded")
    lines += [f"{u.count:>4}  [{u.partnership or '-'}] {u.question}" + (f"  (nearest: {u.topic})" if u.topic else "")
              for u in unanswered]
    rated = not_helpful_summary(session, team_id=team, limit=limit)
    lines.append("")
    lines.append("Answers marked not helpful (most first; questions with identifiers removed):" if rated
                 else "no answers marked not helpful")
    for item in rated:
        entry = kb.get(item.entry_id)
        title = entry.title if entry else "(no longer in the knowledge base)"
        lines.append(f"{item.count:>4}  {item.entry_id}  {title}")
        lines += [f"        \"{q}\"" for q in item.questions]
    return lines


def cmd_gaps(args: argparse.Namespace) -> int:
    from bot.settings import load_settings
    from storage.db import Database

    try:
        db = Database(load_settings().database_url)
        with db.session() as s:
            lines = gaps_report(s, _kb(None), args.limit, args.team)
    except Exception as exc:  # missing tables or database: say so plainly, without a traceback
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        print(f"cannot read questions and feedback ({first}); has `safeguarding-bot db upgrade` been run?",
              file=sys.stderr)
        return 1
    print("\n".join(lines))
    return 0


def register(subparsers: Any) -> None:
    ask = subparsers.add_parser("ask", help="ask the knowledge base a question")
    ask.add_argument("question", nargs="*", help="the question (omit with --jsonl)")
    ask.add_argument("--partnership", "-p", default=None, choices=[*PARTNERSHIPS, NATIONAL])
    ask.add_argument("--json", action="store_true", help="print the answer as JSON")
    ask.add_argument("--jsonl", action="store_true", help="read JSON Lines questions on stdin")
    ask.add_argument("--explain", action="store_true", help="show search scores on stderr")
    ask.add_argument("--kb-path", default=None, help=argparse.SUPPRESS)
    ask.set_defaults(func=cmd_ask)

    kb = subparsers.add_parser("kb", help="knowledge base tools")
    kbsub = kb.add_subparsers(title="kb commands", metavar="ACTION", required=True)
    v = kbsub.add_parser("validate", help="check schema, duplicate ids, sources and partnership slugs")
    v.add_argument("--path", default=None, help="folder or file (default: the shipped knowledge base)")
    v.set_defaults(func=cmd_validate)
    ls = kbsub.add_parser("list", help="list entries")
    ls.add_argument("--partnership", default=None, type=partnership_or_national_arg,
                    help=f"one of {', '.join([*PARTNERSHIPS, NATIONAL])}")
    ls.add_argument("--kind", default=None, choices=sorted(TOPICS))
    ls.add_argument("--kb-path", default=None, help=argparse.SUPPRESS)
    ls.set_defaults(func=cmd_list)
    sh = kbsub.add_parser("show", help="show one entry as JSON")
    sh.add_argument("id")
    sh.add_argument("--kb-path", default=None, help=argparse.SUPPRESS)
    sh.set_defaults(func=cmd_show)
    g = kbsub.add_parser("gaps", help="unanswered questions and answers marked not helpful, most frequent first")
    g.add_argument("--limit", type=int, default=30)
    g.add_argument("--team", default=None, help="only this Slack workspace (team id)")
    g.set_defaults(func=cmd_gaps)


def closed_pipe_exit() -> int:
    """The reader went away (`... ask --jsonl | head -1`): stop quietly, not with a BrokenPipeError traceback.
    Standard output is pointed at /dev/null so the interpreter's last flush cannot raise again (Python's signal
    documentation gives this recipe)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m knowledge.cli")
    register(parser.add_subparsers(title="commands", metavar="COMMAND", required=True))
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except BrokenPipeError:
        return closed_pipe_exit()


if __name__ == "__main__":
    sys.exit(main())
