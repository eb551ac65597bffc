#!/usr/bin/env python3
"""Dump what the identifier screen finds in a fixed body of text, to check that a change meant only for speed
finds exactly the same things (run it on main's worktree and on a branch, then compare the two dumps).

Usage:
    python scripts/check_screen_same.py dump OUT.json
    python scripts/check_screen_same.py compare MAIN.json BRANCH.json     (exit 1 and the first differences if any)

Text screened: every line of the development privacy corpora (held-out sets are never read), the cases of
tests/privacy/classes.yaml, the seed documents in /work/shared/seeds split into sentences, and every string in
knowledge/data. For each text: the kinds `find_identifiers` returns and every span (kind, start, end) the
detectors yield, sorted, so a change to the order or gating of detectors shows only if it changes a result.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.privacy import _spans, find_identifiers  # noqa: E402

# held-out and blind sets, never read (v: the seventh session's final blind set; add any new one here)
HELD_OUT = {"bh", "bf", "bc", "az", "ay", "t", "p", "m", "j", "k", "v", "w", "y", "aa", "ac", "af", "ah", "aj",
            "ak", "am", "ao", "aq", "ar", "at", "av"}
SEEDS = Path("/work/shared/seeds")
# Written here: upper case and letters that change length in lower case (the screen then cannot use its lower-case
# copy), links, spelt-out addresses and rooms, so both ways of matching are compared.
EDGE = ["İLKAY LIVES AT ROOM 12 OF THE PREMIER INN, MUM SAYS", "İ the family stay at the Travelodge, room 7",
        "EMAIL JO.SMITH AT GMAIL DOT COM", "İ email jo.smith at gmail dot com please",
        "Σ mash at wirral dot gov dot uk",
        "See https://www.example.org/2017/11/CR-2026-007 and www.Halton.gov.uk/ref/123456",
        "THE HOUSE ON THE CORNER OF ELM ROAD AND ASH GROVE, SHE LIVES THERE", "İ she lives on the corner of elm road",
        "Kayla (DOB 3/4/2015) is in Year 4 at St Chad's Primary", "ΣΑΣ Kayla DOB 3/4/2015 Year 4 at St Chad's",
        "ring 0 7 7 double 0 9 1 2 3 4 5", "İ ring oh seven seven double oh nine one two three four five"]


def _strings(node: object) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for v in node.values():
            yield from _strings(v)
    elif isinstance(node, list):
        for v in node:
            yield from _strings(v)


def texts() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for path in sorted((ROOT / "tests" / "privacy").glob("*.jsonl")):
        stem = path.stem.removeprefix("corpus-")
        if path.stem.startswith("corpus-") and stem in HELD_OUT:
            continue
        out[path.name] = [json.loads(x)["text"] for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    out["edge cases"] = EDGE
    out["classes.yaml"] = list(_strings(yaml.safe_load((ROOT / "tests/privacy/classes.yaml").read_text("utf-8"))))
    for path in sorted(SEEDS.glob("*.txt")):
        body = path.read_text(encoding="utf-8", errors="replace")
        out[f"seeds/{path.name}"] = [s for s in re.split(r"(?<=[.!?])\s+|\n\s*\n", body) if s.strip()]
    for path in sorted((ROOT / "knowledge" / "data").rglob("*")):
        if path.suffix in (".yaml", ".yml"):
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        elif path.suffix == ".json":
            data = json.loads(path.read_text(encoding="utf-8"))
        else:
            continue
        out[str(path.relative_to(ROOT))] = [s for s in _strings(data) if len(s) > 2]
    return out


def dump(target: str) -> int:
    result = {}
    n = 0
    for source, lines in texts().items():
        rows = []
        for line in lines:
            kinds = [f.kind for f in find_identifiers(line)]
            spans = sorted(list(s) for s in _spans(line))
            rows.append([line, kinds, spans])
            n += 1
        result[source] = rows
    Path(target).write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    print(f"{n} texts from {len(result)} sources screened into {target}")
    return 0


def compare(a_path: str, b_path: str) -> int:
    a = json.loads(Path(a_path).read_text(encoding="utf-8"))
    b = json.loads(Path(b_path).read_text(encoding="utf-8"))
    diffs = []
    for source in sorted(set(a) | set(b)):
        ra, rb = a.get(source, []), b.get(source, [])
        if len(ra) != len(rb):
            diffs.append(f"{source}: {len(ra)} vs {len(rb)} texts")
            continue
        diffs += [f"{source} line {i + 1}: {x[1:]} vs {y[1:]}" for i, (x, y) in enumerate(zip(ra, rb, strict=True))
                  if x != y]
    total = sum(len(v) for v in a.values())
    print(f"{total} texts compared, {len(diffs)} differences")
    for d in diffs[:20]:
        print(" ", d[:300])
    return 1 if diffs else 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "dump":
        sys.exit(dump(sys.argv[2]))
    if len(sys.argv) == 4 and sys.argv[1] == "compare":
        sys.exit(compare(sys.argv[2], sys.argv[3]))
    sys.exit(__doc__)
