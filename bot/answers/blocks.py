"""Block Kit for answers: the answer message, topic lists and the App Home view."""

from __future__ import annotations

import json
from collections import OrderedDict
from typing import Any

from bot import blockkit as bk
from bot import slacklimits as limits
from bot.answers.ids import ActionId, BlockId
from bot.answers.states import FollowUp, allows
from bot.listing import MESSAGE_BLOCKS, more_line, sections
from bot.mrkdwn import literal
from bot.privacy import redact
from knowledge.answering import Answer
from knowledge.dating import ARRANGEMENTS_CAVEAT
from knowledge.models import Entry
from knowledge.partnerships import NATIONAL, PARTNERSHIPS, display_name

SECTION_MAX = 2900  # Slack allows 3000 characters in a section's text
VALUE_MAX = 1900
FALLBACK_MAX = 300  # a notification's text: the first line of the answer
section = bk.section  # the name callers and tests know


def _chunks(text: str, limit: int = SECTION_MAX) -> list[str]:
    out: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > limit:  # a single very long line
            out.append(line[:limit])
            line = line[limit:]
        if len(current) + len(line) + 1 > limit:
            out.append(current)
            current = line
        else:
            current = f"{current}\n{line}" if current else line
    if current:
        out.append(current)
    return out or [" "]


def _value(obj: dict[str, Any]) -> str:
    raw = json.dumps(obj, separators=(",", ":"), ensure_ascii=False)
    if len(raw) > VALUE_MAX and "q" in obj:
        obj = {**obj, "q": obj["q"][: max(0, len(obj["q"]) - (len(raw) - VALUE_MAX))]}
        raw = json.dumps(obj, separators=(",", ":"), ensure_ascii=False)
    return raw


def parse_value(value: str) -> dict[str, Any]:
    try:
        obj = json.loads(value)
    except (TypeError, ValueError):
        return {}
    return obj if isinstance(obj, dict) else {}


def fallback_text(ans: Answer) -> str:
    """Notification text for chat.postMessage (blocks carry the full answer): the first line, cut to fit."""
    return bk.cut(ans.text.split("\n", 1)[0], FALLBACK_MAX)


def answer_blocks(ans: Answer) -> list[dict[str, Any]]:
    """The blocks for one answer, whatever its outcome."""
    parts = _chunks(literal(ans.text))  # a raw `&` in an entry reads as `&`
    blocks: list[dict[str, Any]] = [
        section(part, BlockId.ANSWER.value if i == 0 else f"{BlockId.ANSWER.value}_{i}") for i, part in enumerate(parts)
    ]
    if allows(ans.outcome, FollowUp.FEEDBACK) and ans.entry is not None:
        blocks.append(bk.actions(BlockId.FEEDBACK, [
            bk.button(ActionId.HELPFUL, ":thumbsup: Helpful", ans.entry.id),
            bk.button(ActionId.NOT_HELPFUL, ":thumbsdown: Not helpful",
                      _value({"id": ans.entry.id, "q": redact(ans.question)})),  # stored by Slack: redacted
        ]))
        if allows(ans.outcome, FollowUp.RELATED) and ans.suggestions:
            blocks.append(bk.context("Related:"))
            blocks.append(_suggestion_actions(ans))
    elif allows(ans.outcome, FollowUp.SUGGESTIONS) and ans.suggestions:
        blocks.append(_suggestion_actions(ans))
    elif allows(ans.outcome, FollowUp.CHOOSE_AREA):
        blocks.append(bk.actions(BlockId.AREAS, [
            bk.button(ActionId.CHOOSE_AREA.numbered(slug), name,
                      _value({"p": slug, "q": redact(ans.question)}))  # button values are stored by Slack
            for slug, name in PARTNERSHIPS.items()
        ]))
    return blocks


def _suggestion_actions(ans: Answer) -> dict[str, Any]:
    return bk.actions(BlockId.SUGGESTIONS, [
        bk.button(ActionId.SUGGESTION.numbered(i), s.title, _value({"id": s.entry_id, "p": ans.partnership}))
        for i, s in enumerate(ans.suggestions[:3], 1)
    ])


def topics_blocks(topics: OrderedDict[str, list[Entry]], partnership: str | None, per_topic: int = 12) -> list[dict]:
    area = display_name(partnership) if partnership else "national guidance (set your area with `/safeguarding area`)"
    blocks: list[dict[str, Any]] = [
        bk.header(f"What I can answer: {area}"),
        section("Ask in your own words, e.g. `/safeguarding how do I escalate a disagreement?`"),
        bk.context(ARRANGEMENTS_CAVEAT),
    ]
    names = list(topics)
    for done, topic in enumerate(names):
        entries = topics[topic]
        lines = [f"• {e.title}" for e in entries[:per_topic]]
        if len(entries) > per_topic:
            lines.append(f"_…and {len(entries) - per_topic} more_")
        parts = [section(part) for part in _chunks(f"*{topic}*\n" + "\n".join(lines))]
        if len(blocks) + len(parts) > MESSAGE_BLOCKS - 1:  # keep one block to say what is left
            blocks.append(bk.context(more_line(len(names) - done, "browse every topic in my Home tab")))
            break
        blocks += parts
    return blocks


def topics_text(topics: OrderedDict[str, list[Entry]]) -> str:
    return "Topics: " + ", ".join(topics) if topics else "No topics loaded."


def home_view(topics: OrderedDict[str, list[Entry]], partnership: str | None, user_area: str | None,
              extra: list[dict[str, Any]] | None = None) -> dict:
    """The App Home: the person's area, the topic browser, then what other capabilities add (`extra`)."""
    select = {**bk.static_select(PARTNERSHIPS, initial=user_area, placeholder="Choose your area"),
              "action_id": ActionId.HOME_AREA.value}
    where = display_name(partnership) if partnership else "not set"
    blocks: list[dict[str, Any]] = [
        bk.header("Safeguarding assistant"),
        section("Ask me about your partnership's published safeguarding arrangements: DM me, @mention me, or use "
                "`/safeguarding <question>`. *If a child is in immediate danger, call 999.*"),
        bk.context(ARRANGEMENTS_CAVEAT),
        section(f"*Your area:* {where}", BlockId.HOME_AREA, accessory=select),
        bk.divider(),
        bk.header("Browse topics"),
    ]
    buttons = [bk.button(ActionId.TOPIC.numbered(i), topic, topic) for i, topic in enumerate(topics)]
    for start in range(0, len(buttons), 5):
        blocks.append(bk.actions(f"{BlockId.HOME_TOPICS.value}_{start // 5}", buttons[start : start + 5]))
    names = list(topics)
    extra = extra or []
    for done, topic in enumerate(names):
        if len(blocks) >= limits.MAX_BLOCKS_VIEW - 1 - len(extra):  # keep one block to say what is left
            blocks.append(bk.context(more_line(len(names) - done, "use the topic buttons above")))
            break
        entries = topics[topic]
        local = [e for e in entries if e.partnership != NATIONAL]
        lines = "\n".join(f"• {e.title}" for e in (local or entries)[:4])
        blocks.append(section(f"*{topic}*\n{lines}"))
    return {"type": "home", "blocks": blocks + extra}


def topic_detail_blocks(topic: str, entries: list[Entry]) -> list[dict[str, Any]]:
    lines = [f"• *{e.title}*" + ("" if e.partnership == NATIONAL else f" ({display_name(e.partnership)})")
             for e in entries]
    blocks, _shown = sections([f"*{topic}*", *lines], max_blocks=MESSAGE_BLOCKS - 1,
                              more="ask about them in your own words")
    blocks.append(bk.context("Ask about any of these in your own words. " + ARRANGEMENTS_CAVEAT))
    return blocks
