"""Text is text: what a person typed, placed into Slack mrkdwn, is escaped so it renders literally.

Slack reads `<...>` as links, mentions and `<!channel>` pings, and `&` as the start of an entity; the
three characters are escaped (Slack's own rule, https://api.slack.com/reference/surfaces/formatting),
so `<!channel>` typed into a note never pings and `<https://x|Click>` never becomes a disguised link.
"""

from __future__ import annotations

_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def escape(text: object) -> str:
    """User text fit for a mrkdwn or plain `text` field: `&`, `<`, `>` escaped, nothing else touched."""
    return str(text if text is not None else "").translate(_ESCAPES)
