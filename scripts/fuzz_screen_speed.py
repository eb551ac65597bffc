#!/usr/bin/env python3
"""Look for 40,000-character messages the identifier screen is slow on (#11 section 2: under 50 ms), by building
many short shapes from the screen's own trigger words and repeating each to Slack's limit.

Shapes are phrases from bot/privacy/data/vocabulary.yaml (kin words, school and year words, address words, role
words, titles, months...), the literal words of the screen's patterns, name-like capitalised words from its name
lists, "born", numbers and punctuation mixes: each word alone, set in short templates ("his sister ", "yr 7 at ",
"Flat 3, "), and random runs of two to five of them. Prints the slowest N with their CPU time (time.process_time,
best of --runs; a shared machine's load does not add to it). No corpus text is read.

Usage: python scripts/fuzz_screen_speed.py [--count N] [--seed S] [--top N] [--runs N] [--limit MS] [--code DIR]
                                          [--detail] [--shape TEXT ...]
--count: random shapes on top of the single words and templates (default 600); --limit: only shapes at or over
this many ms are printed (default 0); --code: the checkout whose screen is timed (default this one); --detail: the
two costliest detectors of each shape printed (CPU to each detector's first span, as find_identifiers pays it);
--shape: time only these shapes (each repeated to 40,000 characters), not the generated ones.
"""

from __future__ import annotations

import argparse
import ast
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIMIT = 40_000
PUNCT = [" ", ", ", ". ", "; ", ": ", " - ", " (", ") ", "'s ", "! ", "? ", "\n", " & ", "/", " — ", "… ", '"']
TEMPLATES = ["{kin} ", "his {kin} ", "her {kin} ", "my {kin} ", "{Kin} said she is a ", "{kin}, she is a ",
             "{kin} and {kin} ", "the {kin} of ", "{Name}'s {kin} ", "{kin} {Name} ", "{Title} {Name} ",
             "{Title} {Surname} ({role}) ", "{Name} {Surname}, {role}. ", "{role} {Name} ", "{Name} from the {role} ",
             "yr {n} at ", "year {n} at {Name} ", "in year {n} ", "{Name} Primary ", "{n} {Name} {street} ",
             "{n} {street}, ", "Flat {n}, ", "flat {n} ", "no. {n} ", "{dwelling} on {Name} {street} ",
             "the {dwelling} near ", "born {month} ", "born {n} {month} 20{n2} ", "{n} {month} ", "{month} {n}, ",
             "dob {n}/{n}/20{n2} ", "b. {n} ", "{Name} ", "{name} ", "{Name} {Surname} ", "{Surname}s ",
             "the {Surname}s ", "{Name}, ", "{Name} and {Name} ", "{Name} ({n}) ", "{kin} is {n} ",
             "{n} year old ", "{n}yo ", "the only {word} ", "{word} {kin} ", "{word} ", "{Word} ", "{word}, ",
             "{Word}. ", "at {Name} ", "to {Name} ", "{Name} at {Name} ", "St {Name} ", "{Name} High School ",
             "CR-20{n2}-{n}{n}{n} ", "ref {n}{n}{n}{n} ", "{n}{n} ", "{n}/{n} ", "@{name} ", "{name}@",
             "{name}.{name}@ ", "{Name} {kin} ", "{kin}'s {Name} ", "she is a {word} ", "{Name} said ",
             "known as {Name} ", "aka {Name} ", "{Name} ({role}) ", "{role}: {Name} {Surname}, "]


def _pattern_words() -> set[str]:
    """Literal lower-case words in the screen's modules' string constants (its patterns' trigger words)."""
    out: set[str] = set()
    for path in (ROOT / "bot" / "privacy").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                out.update(w for w in re.findall(r"(?<![\\?])\b[a-z]{2,14}\b", node.value))
    return out


def _lines(name: str, n: int, rng: random.Random) -> list[str]:
    words = [w for w in (ROOT / "bot/privacy/data" / name).read_text(encoding="utf-8").splitlines()[1:] if w]
    return rng.sample(words, min(n, len(words)))


def pools(rng: random.Random) -> dict[str, list[str]]:
    from bot.privacy.lexicon import vocabulary

    v = vocabulary()
    kin = sorted(v.person_relations | v.relation_after_possessive | v.family_nouns | v.singular_referents)
    words = sorted({w for k, ws in v.model_dump().items() if k != "published_people" for w in ws} | _pattern_words())
    months = ["january", "march", "may", "june", "july", "august", "sept", "oct", "december", "jan", "feb"]
    return {"kin": kin, "role": sorted(v.professional_roles | v.role_words | v.initial_roles),
            "Title": [t.capitalize() for t in sorted(v.titles | v.professional_titles)],
            "street": sorted(v.street_types_named | v.street_types_place | v.street_types_numbered),
            "dwelling": sorted(v.dwellings), "month": months + [m.capitalize() for m in months],
            "name": _lines("first_names.txt", 60, rng), "Surname": [s.capitalize() for s in
                                                                    _lines("surnames.txt", 60, rng)],
            "word": words, "n": [str(i) for i in (1, 3, 7, 12, 22, 2015)], "n2": ["15", "09"]}


def fill(template: str, p: dict[str, list[str]], rng: random.Random) -> str:
    def one(m: re.Match[str]) -> str:
        key = m.group(1)
        if key in p:
            return rng.choice(p[key])
        low = key.lower()
        if low in p:
            return rng.choice(p[low]).capitalize()
        return rng.choice(p["name"]).capitalize()  # {Name}
    return re.sub(r"\{(\w+)\}", one, template)


def shapes(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    p = pools(rng)
    out = {"yr 7 at ", "his sister ", "mum, she is a ", "Mum said she is a ", "Flat 3, ", "born "}
    for w in p["word"] + p["kin"]:  # every trigger word alone, in lower case and capitalised
        out.update({w + " ", w.capitalize() + " ", w + rng.choice(PUNCT)})
    for t in TEMPLATES:
        out.update(fill(t, p, rng) for _ in range(8))
    mixes = [p["kin"], p["role"], p["Title"], p["street"], p["dwelling"], p["month"], p["word"], p["n"],
             [n.capitalize() for n in p["name"]], p["Surname"], ["born", "at", "in", "on", "the", "a", "she is a",
                                                                  "said", "his", "her", "and", "of", "yr", "year"]]
    for _ in range(count):
        parts = [rng.choice(rng.choice(mixes)) for _ in range(rng.randint(2, 5))]
        out.add("".join(w + rng.choice(PUNCT) for w in parts))
    return sorted(out)


def message(shape: str) -> str:
    return (shape * (LIMIT // len(shape) + 1))[:LIMIT]


def cpu_ms(find, text: str, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        c0 = time.process_time()
        find(text)
        best = min(best, time.process_time() - c0)
    return best * 1000


def detail(text: str) -> str:
    """The two detectors that cost most on `text` (time to each one's first span)."""
    from bot.privacy import _detectors

    c0 = time.process_time()
    costs = []
    for d in _detectors(text):
        c = time.process_time()
        next(d, None)
        costs.append(((time.process_time() - c) * 1000, getattr(d, "__qualname__", "?")))
    costs.sort(reverse=True)
    setup = (time.process_time() - c0) * 1000 - sum(ms for ms, _ in costs)
    return ", ".join(f"{name} {ms:.0f}" for ms, name in costs[:2]) + f"; set-up {setup:.0f}"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=600)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--top", type=int, default=30)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--limit", type=float, default=0.0)
    ap.add_argument("--code", type=Path, default=ROOT)
    ap.add_argument("--detail", action="store_true")
    ap.add_argument("--shape", nargs="*")
    a = ap.parse_args()
    sys.path.insert(0, str(a.code.resolve()))
    sys.path.insert(1, str(ROOT))
    from bot.privacy import find_identifiers

    find_identifiers("warm up: word lists load once per process")
    todo = a.shape or shapes(a.count, a.seed)
    # one run each to sift, then every shape near the goal and the slowest few again, best of --runs
    first = {s: cpu_ms(find_identifiers, message(s), 1) for s in todo}
    slow = sorted(first, key=first.get, reverse=True)
    slow = [s for k, s in enumerate(slow) if k < a.top or first[s] >= 30]
    best = {s: cpu_ms(find_identifiers, message(s), a.runs) for s in slow}
    ranked = sorted(best.items(), key=lambda kv: kv[1], reverse=True)
    for s, ms in ranked[: a.top]:
        if ms >= a.limit:
            print(f"{ms:7.1f} ms CPU  {s!r}" + (f"  ({detail(message(s))})" if a.detail else ""))
    total = sorted(first.values())
    print(f"{len(todo)} shapes of {LIMIT:,} characters (seed {a.seed}); slowest {ranked[0][1]:.1f} ms CPU (best of "
          f"{a.runs}); median {total[len(total) // 2]:.1f} ms; {sum(v >= 50 for v in best.values())} at 50 ms or "
          f"more, {sum(v >= 35 for v in best.values())} at 35 or more")
    return 0


if __name__ == "__main__":
    sys.exit(main())
