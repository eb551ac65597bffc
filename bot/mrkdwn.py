"""Text is text: what a person typed, placed into Slack mrkdwn, is escaped so it renders literally.

Slack reads `<...>` as links, mentions and `<!channel>` pings, and `&` as the start of an entity; the
three characters are escaped (Slack's own rule, https://api.slack.com/reference/surfaces/formatting),
so `<!channel>` typed into a note never pings and `<https://x|Click>` never becomes a disguised link.
"""

from __future__ import annotations

import re

from bot import privacy
from bot.blockkit import cut

_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def escape(text: object) -> str:
    """User text fit for a mrkdwn or plain `text` field: `&`, `<`, `>` escaped, nothing else touched."""
    return str(text if text is not None else "").translate(_ESCAPES)


def echo(typed: str, limit: int = 40) -> str:
    """What someone typed, quoted back to them in a reply or field message: what looks identifying is removed
    (a reply still passes through Slack), then cut to `limit` and escaped, so a typed `<https://x|Click>`
    stays text even in a reply that keeps authored links (`literal`)."""
    return escape(cut(privacy.redact(" ".join(str(typed).split())), limit))


# Slack's own tokens that authored text uses on purpose: user and channel mentions, and links.
_TOKEN = re.compile(r"<(?:@[UW][A-Z0-9]+|#C[A-Z0-9]+(?:\|[^<>]*)?|(?:https?://|mailto:)[^<>\s|]+(?:\|[^<>]*)?)>")
_ENTITY = re.compile(r"&(?:amp|lt|gt);")


def literal(text: str) -> str:
    """Authored text (help, knowledge answers) as it should read: a raw `&` or a `<placeholder>` is escaped,
    while the mentions and links the text means (`<@U1>`, `<#C1>`, `<https://...|label>`) and entities
    already escaped by `escape` are kept. `<!channel>` and other specials are always escaped."""
    out: list[str] = []
    pos = 0
    for m in _TOKEN.finditer(text):
        out.append(_escape_loose(text[pos:m.start()]))
        out.append(m.group(0))
        pos = m.end()
    out.append(_escape_loose(text[pos:]))
    return "".join(out)


def _escape_loose(chunk: str) -> str:
    parts = _ENTITY.split(chunk)
    entities = _ENTITY.findall(chunk)
    return "".join(escape(p) + (entities[i] if i < len(entities) else "") for i, p in enumerate(parts))
