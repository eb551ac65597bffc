#!/usr/bin/env python3
"""Dump every answer the bot gives to a fixed body of development questions, to check that a restructuring
changes no output (dump on a copy of main and on a branch, then compare the two dumps).

Usage:
    python scripts/check_answers_same.py dump OUT.jsonl [--code DIR]   (DIR: the checkout whose code answers;
                                                                        default this one, e.g. `git archive main`)
    python scripts/check_answers_same.py compare MAIN.jsonl BRANCH.jsonl   (exit 1 and the first differences if any)

Questions: the development answers sets (the shared dev set, tests/knowledge blind-{s,p,n,l,u,v,a,b,c,e,f,g,h,i},
own-*, dev-own*, heldout*), each with its own partnership and with none, and the text of the development safety
corpora (tests/safety corpus-{a,b,c,d,e,f,g,h,i,l}, corpus-own*) with no partnership. Held-out sets are never read:
the files are named below, not globbed wider. Each line is the whole `Answer.to_json()` (what `ask --jsonl` writes).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV_SET = Path("/work/shared/eval/dev-questions.jsonl")
BLIND_DEV = "spnluvabcefghi"  # development blind sets only
SAFETY_DEV = "abcdefghil"  # development safety corpora only


def answer_files() -> list[Path]:
    k = ROOT / "tests" / "knowledge"
    files = [DEV_SET] + [k / f"blind-{x}.jsonl" for x in BLIND_DEV]
    for pattern in ("own-*.jsonl", "dev-own*.jsonl", "heldout*.jsonl"):
        files += sorted(k.glob(pattern))
    return files


def safety_files() -> list[Path]:
    s = ROOT / "tests" / "safety"
    return [s / f"corpus-{x}.jsonl" for x in SAFETY_DEV] + sorted(s.glob("corpus-own*.jsonl"))


def _lines(path: Path) -> Iterator[dict]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            yield json.loads(line)


def questions() -> Iterator[tuple[str, str, str | None]]:
    """(where, question, partnership) for every question asked."""
    for path in answer_files():
        for n, case in enumerate(_lines(path), 1):
            for p in dict.fromkeys([case.get("partnership"), None]):
                yield f"{path.name}:{n}:{p}", str(case["q"]), p
    for path in safety_files():
        for n, case in enumerate(_lines(path), 1):
            yield f"{path.name}:{n}", str(case["text"]), None


def dump(out: Path, code: Path) -> int:
    sys.path.insert(0, str(code.resolve()))
    from knowledge.answering import get_answerer

    answerer = get_answerer()
    import knowledge

    print(f"answering with {Path(knowledge.__file__).resolve().parent}", file=sys.stderr)
    n = 0
    with out.open("w", encoding="utf-8") as f:
        for where, q, p in questions():
            f.write(json.dumps({"at": where, "answer": answerer.answer(q, p).to_json()}, ensure_ascii=False) + "\n")
            n += 1
    print(f"{n} answers -> {out}", file=sys.stderr)
    return 0


def compare(a: Path, b: Path) -> int:
    left, right = a.read_text(encoding="utf-8").splitlines(), b.read_text(encoding="utf-8").splitlines()
    diffs = [(x, y) for x, y in zip(left, right, strict=False) if x != y]
    if len(left) != len(right):
        print(f"line counts differ: {len(left)} vs {len(right)}")
    for x, y in diffs[:5]:
        print(f"- {x}\n+ {y}")
    print(f"{len(left)} answers compared, {len(diffs)} differences")
    return 1 if diffs or len(left) != len(right) else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    d.add_argument("--code", type=Path, default=ROOT)
    c = sub.add_parser("compare")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    args = ap.parse_args()
    return dump(args.out, args.code) if args.cmd == "dump" else compare(args.a, args.b)


if __name__ == "__main__":
    sys.exit(main())
