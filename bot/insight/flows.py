"""What follows `/safeguarding report`: the measures computed, the charts drawn and sent to the asker's DM.

Read-only: nothing is saved, so a Slack fault part-way leaves nothing to undo (the asker is told to try again).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from slack_sdk import WebClient

from bot import blockkit as bk
from bot.case_reviews.service import timescales
from bot.insight import measures
from bot.insight.blocks import summary_blocks, summary_text
from bot.insight.charts import Chart, all_charts
from bot.insight.pack import csv_text
from bot.insight.periods import ALL, Request
from bot.timeutil import today
from knowledge.partnerships import display_name
from storage.db import Database

# The charts sent in Slack (3-4 read on a phone); the CLI pack has them all.
SLACK_CHARTS = ("case-review-timeliness", "escalation-steps", "escalations-by-agency", "questions")
ALT_TEXT_MAX = 1000  # Slack's limit for an image's alt text


@dataclass(frozen=True)
class Sent:
    channel: str
    charts: int


def scope_name(partnership: str | None) -> str:
    return "all partnerships" if partnership in (None, ALL) else display_name(partnership)


def figures_csv(charts: list[Chart]) -> str:
    """Every chart's table in one long CSV: chart, row, column, value."""
    rows: list[list[object]] = []
    for chart in charts:
        for row in chart.rows:
            rows += [[chart.name, row[0], column, value] for column, value in zip(chart.header[1:], row[1:],
                                                                                  strict=True)]
    return csv_text(["chart", "row", "column", "value"], rows)


@dataclass(frozen=True)
class Pack:
    """A QA pack ready to send: the summary message, the charts and the CSV behind them."""

    scope: str
    text: str
    blocks: list[dict[str, object]]
    charts: list[Chart]


def build_pack(db: Database, kb: object, *, team_id: str, partnership: str, since: date, until: date,
               label: str) -> Pack:
    """Compute the measures for `partnership` (a slug, or ALL) over the period and draw the Slack charts."""
    scales = timescales(kb)
    period = measures.Period(None if partnership == ALL else partnership, since, until, team_id)
    with db.read() as s:
        m = measures.build(s, period, scales, today())
    charts = [c for c in all_charts(m, scales) if c.name in SLACK_CHARTS]
    scope = f"{scope_name(partnership)}, {label}"
    return Pack(scope, summary_text(scope), summary_blocks(m, scales, scope, len(charts)), charts)


def upload_charts(client: WebClient, channel: str, pack: Pack, thread_ts: str | None = None) -> None:
    """One file per chart (alt text within Slack's limit), then the CSV; in a thread when `thread_ts` is given."""
    for chart in pack.charts:
        client.files_upload_v2(channel=channel, file=chart.png, filename=f"{chart.name}.png", title=chart.title,
                               alt_txt=bk.cut(chart.alt, ALT_TEXT_MAX), thread_ts=thread_ts)
    client.files_upload_v2(channel=channel, content=figures_csv(pack.charts), filename="qa-figures.csv",
                           title=f"The figures behind the charts: {pack.scope}", thread_ts=thread_ts)


def send_pack(db: Database, kb: object, client: WebClient, *, team_id: str, user_id: str, req: Request,
              partnership: str) -> Sent:
    """Compute the pack for `partnership` (a slug, or ALL) and send it to `user_id`'s DM."""
    pack = build_pack(db, kb, team_id=team_id, partnership=partnership, since=req.since,
                      until=req.until, label=req.label)
    dm = str(client.conversations_open(users=user_id)["channel"]["id"])
    client.chat_postMessage(channel=dm, text=pack.text, blocks=pack.blocks)
    upload_charts(client, dm, pack)
    return Sent(dm, len(pack.charts))
