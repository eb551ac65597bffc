"""Long lists as Block Kit within Slack's limits, never dropping an item silently.

Slack refuses a message over 50 blocks and a section over 3,000 characters; cutting text to fit loses lines
mid-word (and leaves bold unclosed). Here lines are packed whole into sections, and when a budget of blocks runs
out the last block says how many are left and where to see them ("…and 12 more — `/case-review list all`").
"""

from __future__ import annotations

from bot import blockkit as bk

Block = bk.Block

MESSAGE_BLOCKS = 50  # Slack: blocks per message
SECTION_CHARS = 3000  # Slack: characters in a section's text
LINE_CHARS = 600  # a single line is shortened (with "…") only beyond this; list lines are built from short fields


def fit_line(line: str) -> str:
    """One line (newlines flattened, so lines can be counted), shortened only if absurdly long."""
    line = " ".join(line.splitlines())
    return bk.cut(line, LINE_CHARS)


def pack(lines: list[str], limit: int = SECTION_CHARS) -> list[str]:
    """Lines joined into texts of at most `limit` characters, never splitting a line."""
    texts: list[str] = []
    current: list[str] = []
    size = 0
    for line in map(fit_line, lines):
        if current and size + 1 + len(line) > limit:
            texts.append("\n".join(current))
            current, size = [], 0
        size += len(line) + (1 if current else 0)
        current.append(line)
    if current:
        texts.append("\n".join(current))
    return texts


def more_line(remaining: int, where: str | None) -> str:
    return f"…and {remaining} more" + (f" — {where}" if where else "")


def sections(lines: list[str], *, max_blocks: int, more: str | None = None,
             limit: int | None = None) -> tuple[list[Block], int]:
    """Section blocks for the first `limit` lines (all by default) in at most `max_blocks` blocks.

    Returns (blocks, lines shown). When any line is left out, the last block is a context line
    "…and N more — <more>" counting every line not shown.
    """
    cap = len(lines) if limit is None else min(limit, len(lines))
    packed = pack(lines[:cap])
    fits = cap == len(lines) and len(packed) <= max_blocks
    kept = packed if fits else packed[: max(max_blocks - 1, 0)]
    shown = sum(t.count("\n") + 1 for t in kept)
    blocks = [bk.section(t) for t in kept]
    if shown < len(lines):
        blocks.append(bk.context(more_line(len(lines) - shown, more)))
    return blocks, shown


def pages(title: str, lines: list[str], *, max_pages: int = 5, more: str | None = None) -> list[list[Block]]:
    """Every line over as many messages as needed (each within Slack's 50 blocks), for "list all".

    At most `max_pages` messages (a response_url takes five); anything beyond is counted on the last page.
    """
    packed = pack(lines)
    per_page = MESSAGE_BLOCKS - 2  # a title block on each page, and room for a last "…and N more"
    chunks = [packed[i:i + per_page] for i in range(0, len(packed), per_page)] or [[]]
    out: list[list[Block]] = []
    for n, chunk in enumerate(chunks[:max_pages], start=1):
        head = title if len(chunks) == 1 else f"{title} (part {n} of {min(len(chunks), max_pages)})"
        out.append([bk.section(head), *(bk.section(t) for t in chunk)])
    if len(chunks) > max_pages:
        shown = sum(t.count("\n") + 1 for chunk in chunks[:max_pages] for t in chunk)
        out[-1].append(bk.context(more_line(len(lines) - shown, more)))
    return out
