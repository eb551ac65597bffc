"""Long lists (topics in a message, App Home, one topic, the retention report) never drop items silently."""

from __future__ import annotations

from collections import OrderedDict

from bot import slacklimits as limits
from bot.answers.blocks import home_view, topic_detail_blocks, topics_blocks
from knowledge import load_knowledge_base

KB = load_knowledge_base()
ENTRIES = list(KB.entries())


def _many(n_topics: int, per: int = 3) -> OrderedDict:
    return OrderedDict((f"Topic {i:03d}", ENTRIES[:per]) for i in range(n_topics))


def _text(blocks: list[dict]) -> str:
    return str(blocks)


def test_a_long_topic_list_says_how_many_topics_are_left():
    blocks = topics_blocks(_many(120), "halton")
    assert len(blocks) <= limits.MAX_BLOCKS_MESSAGE
    shown = sum(1 for i in range(120) if f"*Topic {i:03d}*" in _text(blocks))
    assert 0 < shown < 120
    assert blocks[-1]["type"] == "context"
    assert f"…and {120 - shown} more" in _text(blocks[-1:])


def test_app_home_with_many_topics_says_how_many_are_left():
    view = home_view(_many(150), "halton", "halton")
    assert len(view["blocks"]) <= limits.MAX_BLOCKS_VIEW
    shown = sum(1 for i in range(150) if f"*Topic {i:03d}*\\n" in _text(view["blocks"]))
    assert 0 < shown < 150 and f"…and {150 - shown} more" in _text(view["blocks"][-1:])


def test_one_topic_with_hundreds_of_entries_fits_and_counts_the_rest():
    n = 6000  # more than 50 sections of 3,000 characters can hold
    entries = (ENTRIES * (n // len(ENTRIES) + 1))[:n]
    blocks = topic_detail_blocks("Glossary", entries)
    assert len(blocks) <= limits.MAX_BLOCKS_MESSAGE
    assert all(len(b["text"]["text"]) <= limits.SECTION_TEXT for b in blocks if b["type"] == "section")
    lines = sum(b["text"]["text"].count("\n") + 1 for b in blocks if b["type"] == "section") - 1  # less the title
    assert 0 < lines < n and f"…and {n - lines} more" in _text(blocks)


def test_the_retention_report_counts_the_references_it_does_not_list():
    from datetime import date

    from bot.governance.retention import RetentionReport

    report = RetentionReport(cutoff=date(2026, 1, 1), dry_run=True,
                             reduced={"case reviews": [("T1", f"CR-2025-{i:03d}") for i in range(25)]})
    line = report.lines()[1]
    assert line.startswith("  case reviews: 25 (CR-2025-000") and line.endswith(", …and 5 more)")
