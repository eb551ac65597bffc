#!/usr/bin/env python3
"""Score every development answers set in-process (the shared dev set and tests/knowledge/*.jsonl but the held-out
sets) and print right answers per set and in total, in-scope and declined; optionally write each question's result
as JSON for a before/after comparison (`--compare BEFORE.json AFTER.json` prints GAIN/LOSS lines).

Usage:
    python scripts/score_dev_answers.py [--code DIR] [--out RESULTS.json]
    python scripts/score_dev_answers.py --compare BEFORE.json AFTER.json

Matching is `../shared/eval/score.py`'s (mrkdwn emphasis ignored, every group of alternatives must appear). The
held-out sets are named below and never read: a set becomes development only when its misses are worked on.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scripts.check_answers_same import DEV_SET, ROOT  # the shared dev set and the checkout: one path for both scripts

# tests/knowledge/blind-X.jsonl never opened by anyone changing the product
HELD_OUT = frozenset(["cb", "ca", "by", "bw", "bu", "bs", "bp", "bo", "bj", "bf", "bc", "az", "ay", "as", "ar", "ap",
                      "am", "ak", "ad", "af", "ag", "y", "ab", "t", "w", "o", "q", "r", "m", "j"])


def _norm(s: str) -> str:
    s = re.sub(r"[*_`~]", "", s).lower().replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    return re.sub(r"\s+", " ", s)


def matches(text: str, expect: list[str]) -> bool:
    t = _norm(text)
    return all(any(_norm(alt) in t for alt in group.split("|")) for group in expect)


def files(code: Path) -> list[Path]:
    out = [DEV_SET] if DEV_SET.exists() else []
    for f in sorted((code / "tests" / "knowledge").glob("*.jsonl")):
        m = re.fullmatch(r"blind-(\w+)\.jsonl", f.name)
        if not (m and m.group(1) in HELD_OUT):
            out.append(f)
    return out


def score(code: Path, out: Path | None) -> int:
    sys.path.insert(0, str(code.resolve()))
    from knowledge.answering import get_answerer

    answerer = get_answerer()
    results, totals = [], {"in": [0, 0], "declined": [0, 0]}
    for f in files(code):
        per = {"in": [0, 0], "declined": [0, 0]}
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            case = json.loads(line)
            ans = answerer.answer(case["q"], case.get("partnership")).to_json()
            kind = "declined" if case["expect"] == "abstain" else "in"
            right = ans["answered"] and kind == "in" and matches(ans["text"], case["expect"])
            ok = right or (kind == "declined" and not ans["answered"])
            for t in (per[kind], totals[kind]):
                t[0] += ok
                t[1] += 1
            results.append({"at": f"{f.name}:{n}", "ok": ok, "kind": kind, "head": ans["text"][:100]})
        print(f"{f.name:34} in-scope {per['in'][0]}/{per['in'][1]}  declined {per['declined'][0]}/{per['declined'][1]}")
    print(f"ALL in-scope {totals['in'][0]}/{totals['in'][1]}  declined {totals['declined'][0]}/{totals['declined'][1]}")
    if out is not None:
        out.write_text(json.dumps(results, ensure_ascii=False), encoding="utf-8")
    return 0


def compare(before: Path, after: Path) -> int:
    a = {r["at"]: r for r in json.loads(before.read_text(encoding="utf-8"))}
    for r in json.loads(after.read_text(encoding="utf-8")):
        if r["at"] in a and a[r["at"]]["ok"] != r["ok"]:
            print("GAIN" if r["ok"] else "LOSS", r["at"], r["kind"], "->", r["head"][:80].replace("\n", " "))
    return 0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--code", type=Path, default=ROOT)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    a = ap.parse_args()
    return compare(*a.compare) if a.compare else score(a.code, a.out)


if __name__ == "__main__":
    sys.exit(main())
