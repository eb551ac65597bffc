"""What the evaluation scripts share: a labelled JSON Lines corpus read, and right answers tallied by label and
category, each miss printed as it is found (eval_privacy.py, eval_safety.py).

Lines are {"text", "label", "category"}; one label is the positive one (what should be caught), every other is
text that should pass.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path


def read_cases(path: str) -> list[dict[str, str]]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


class Tally:
    """Right answers per `label:category`; `missed` and `wrong` name a miss of each kind when it is printed."""

    def __init__(self, positive: str, missed: str, wrong: str, *, quiet: bool) -> None:
        self.positive, self.missed, self.wrong, self.quiet = positive, missed, wrong, quiet
        self.n: Counter[str] = Counter()
        self.ok: Counter[str] = Counter()

    def add(self, case: dict[str, str], caught: bool) -> None:
        key = f"{case['label']}:{case.get('category', '')}"
        good = caught if case["label"] == self.positive else not caught
        self.n[key] += 1
        self.ok[key] += good
        if not good and not self.quiet:
            print(f"{self.missed if case['label'] == self.positive else self.wrong} [{case.get('category')}] "
                  f"{case['text']!r}")

    def totals(self, label: str) -> tuple[int, int]:
        """(right, all) over one label's categories."""
        keys = [k for k in self.n if k.startswith(f"{label}:")]
        return sum(self.ok[k] for k in keys), sum(self.n[k] for k in keys)

    def print_table(self, heading: str, *, percent: bool) -> None:
        print(f"\ncategory                               {heading}")
        for key in sorted(self.n):
            share = f"  {self.ok[key] / self.n[key]:.0%}" if percent else ""
            print(f"  {key:<36} {self.ok[key]:>3}/{self.n[key]:<3}{share}")

    def closing(self) -> str:
        right, every = sum(self.ok.values()), sum(self.n.values())
        return f"{right} passed, {every - right} failed"
