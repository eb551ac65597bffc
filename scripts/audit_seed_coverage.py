#!/usr/bin/env python3
"""Which of a seed document's own words for a fact no answer can show.

Question writers read only the seeds and expect an answer to carry the seed's words for a fact ("34 children",
"Integrated Access and Referral Team", "bi-monthly"); an entry that paraphrases or omits them is chosen and still
fails. This script pulls the fact-bearing phrases out of each seed (capitalised multiword names of teams, groups,
boards, posts and documents; numbers with their noun or unit, amounts, year ranges, percentages; frequencies) and
reports each one that no answer card of that seed's partnership (or a national entry shown there) contains, after
the scorer's normalisation (lower case, spaces collapsed, mrkdwn * _ ` ~ removed).

Usage:
    python scripts/audit_seed_coverage.py [--seeds DIR] [--quiet] [--json]

Prints, per seed, the phrases found and missing, then each missing phrase with its seed line number. The
partnership of a seed is the one its title names. `tests/knowledge/test_audit_seed_coverage.py` holds the
missing counts left, so an edit that drops a seed's words from every answer fails.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scripts.score_dev_answers import _norm as norm  # the scorer's normalisation, one copy

ROOT = Path(__file__).resolve().parents[1]
SEEDS = next((d for d in (ROOT.parent / "shared" / "seeds", Path("/work/shared/seeds")) if d.is_dir()),
             ROOT.parent / "shared" / "seeds")

# Words that join the capitalised words of one name ("Integrated Access and Referral Team", "Chief Executive of the
# Local Authority"); a name never starts or ends with one.
_JOIN = {"and", "of", "the", "for", "in", "on", "&", "to"}
# Capitalised words that start a sentence or a name's article, not the name itself.
_LEAD = {"The", "A", "An", "This", "These", "Our", "Each", "Every", "All", "In", "Where", "When", "If", "It", "We",
         "To", "For", "And", "Of", "By", "At", "As", "On", "From", "With", "Any", "Its", "Their", "That", "There",
         "What", "How", "Who", "Why", "Under", "Through", "Following", "Both", "Some", "Within", "Further", "Local"}
_WORD = r"[A-Z][A-Za-z'’\-]*[A-Za-z]|[A-Z]{2,}s?"
_NAME = re.compile(rf"(?:{_WORD})(?:(?: +(?:and|of|the|for|in|on|&|to))* +(?:{_WORD}))+")  # a tab ends a cell
_NUMBER_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
_STOP = {"of", "the", "a", "an", "and", "or", "to", "in", "on", "for", "by", "at", "with", "from", "is", "are", "was",
         "were", "be", "been", "will", "which", "that", "this", "these", "those", "as", "per", "than", "who", "have",
         "has", "had", "it", "its", "their", "our", "we", "they", "not", "but", "so", "into", "across", "within"}
_FREQUENCY = re.compile(
    r"\b(?:bi[- ]?monthly|bi[- ]?annual(?:ly)?|biannual(?:ly)?|quarterly|monthly|weekly|fortnightly|annually"
    r"|six[- ]monthly|half[- ]yearly|(?:once|twice|three times|four times) (?:a|per|each) (?:year|month|week|term)"
    rf"|every (?:\d+|{_NUMBER_WORDS}|other) (?:weeks?|months?|years?|days?))\b", re.IGNORECASE)
_AMOUNT = re.compile(r"£\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:k|m|million))?\b|\b\d[\d,]*(?:\.\d+)?\s?%")
_YEARS = re.compile(r"\b(?:19|20)\d\d\s?[-/–]\s?(?:(?:19|20)?\d\d)\b")
_COUNT = re.compile(rf"(?<![\d.,])(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|\b(?:{_NUMBER_WORDS}))(?![\d,.]\d) +"
                    r"([A-Za-z][a-z'\-]+)(?: +([a-z][a-z'\-]+))?", re.IGNORECASE)
# A word that qualifies the noun after it ("15 working days", "three safeguarding partners"): the count takes both.
_QUALIFIERS = {"working", "calendar", "school", "young", "safeguarding", "statutory", "relevant", "local", "serious",
               "multi-agency", "front", "child", "children's", "full", "part", "new", "more", "separate", "key"}
_YEAR = re.compile(r"(?:19|20)\d\d")
_CONTENTS = re.compile(r"\t\s*(?:Page\s*)?\d+\s*$|\.{4,}\s*\d+\s*$")  # a table of contents line: "Foreword<TAB>3"


def _name_phrases(line: str) -> list[str]:
    """Capitalised multiword names in a line, without a sentence's leading article or a trailing join word."""
    out = []
    for m in _NAME.finditer(line):
        words = m.group(0).split()
        while words and (words[0] in _LEAD or words[0].lower() in _JOIN):
            words = words[1:]
        while words and words[-1].lower() in _JOIN:
            words = words[:-1]
        if sum(w[0].isupper() for w in words) >= 2:
            out.append(" ".join(words))
    return out


def _count_phrases(line: str) -> list[str]:
    """A number with the noun or unit after it ("34 children", "15 working days"); a stopword ends it."""
    out = []
    for m in _COUNT.finditer(line):
        first, second = m.group(1), m.group(2)
        if first.lower() in _STOP or first[0].isupper() or _YEAR.fullmatch(m.group(0).split()[0]):
            continue
        end = m.end(2) if second and first.lower() in _QUALIFIERS else m.end(1)
        out.append(line[m.start():end])
    return out


def phrases(line: str) -> list[str]:
    """Every fact-bearing phrase in one seed line (empty for a contents line)."""
    if _CONTENTS.search(line):
        return []
    found = _name_phrases(line) + _count_phrases(line)
    found += [m.group(0) for r in (_FREQUENCY, _AMOUNT, _YEARS) for m in r.finditer(line)]
    return list(dict.fromkeys(p.strip() for p in found if len(p.strip()) > 3))


def shown_texts(seed: str) -> tuple[str | None, str]:
    """The partnership whose document `seed` is, and the normalised text of every answer card shown there."""
    from knowledge.answering import get_answerer
    from knowledge.localise import document_partnership
    from knowledge.partnerships import NATIONAL

    area = document_partnership(seed)
    if area is None:
        return None, ""
    answerer = get_answerer()
    cards = [answerer.render(e, "", area) for e in answerer.kb.entries() if e.partnership in (area, NATIONAL)]
    return area, norm("\n".join(cards))


def audit(seeds: Path = SEEDS) -> dict[str, dict]:
    """Per seed file: its partnership, the phrases found and those missing as [line number, phrase]."""
    report: dict[str, dict] = {}
    for path in sorted(seeds.glob("[0-9]*.txt")):
        area, shown = shown_texts(path.name)
        found, missing, seen = 0, [], set()
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for p in phrases(line):
                key = norm(p)
                if key in seen:
                    continue
                seen.add(key)
                found += 1
                if key not in shown:
                    missing.append([n, p])
        report[path.name] = {"partnership": area, "found": found, "missing": missing}
    return report


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seeds", type=Path, default=SEEDS)
    ap.add_argument("--quiet", action="store_true", help="counts only")
    ap.add_argument("--json", action="store_true", help="the report as JSON")
    a = ap.parse_args()
    if not a.seeds.is_dir():
        print(f"no seed documents at {a.seeds}", file=sys.stderr)
        return 1
    report = audit(a.seeds)
    if a.json:
        print(json.dumps(report, indent=1))
        return 0
    for name, r in report.items():
        print(f"{name} ({r['partnership']}): {r['found']} phrases, {len(r['missing'])} missing")
    if not a.quiet:
        for name, r in report.items():
            print(f"\n== {name}")
            for n, p in r["missing"]:
                print(f"{n}: {p}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
