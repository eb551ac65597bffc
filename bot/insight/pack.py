"""The annual-report pack: charts as PNG and SVG, the CSV behind each, and one `index.html` that needs no network.

The page is static and self-contained (images by relative path, inline CSS, no script), so it can be attached to
an annual report or opened from a shared drive. It carries figures, agencies, references and dates only.
"""

from __future__ import annotations

import csv
import html
import io
from pathlib import Path
from statistics import median

from bot.case_reviews.deadlines import Timescales
from bot.insight.charts import PAGE_WIDTH_PX, SUPPRESSION_NOTE, Chart, all_charts
from bot.insight.measures import Measures, shown, suppressed
from bot.timeutil import format_date
from knowledge.partnerships import display_name


def csv_text(header: list[str], rows: list[list[object]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue()


def late_rows(m: Measures) -> list[list[object]]:
    """Every deadline missed and every escalation past its window, by reference: what the QA group follows up."""
    cr, esc = m.case_reviews, m.escalations
    rows: list[list[object]] = [["panel notification", ref] for ref in cr.panel_within.late]
    rows += [["rapid review", ref] for ref in cr.rapid_within.late]
    rows += [["report before publication", ref] for ref in cr.report_before.late]
    rows += [["escalation past its step's window", f"{ref} (step {step})"] for ref, step in esc.overdue]
    return rows


def stage_days(items: list[tuple[str, int]]) -> str:
    """The median working days the open cases have been at a stage; withheld under 5 cases, as a rate is."""
    if not items or suppressed(len(items)):
        return ""
    return f" (median {median(days for _, days in items):g} working days at the stage)"


def scope_words(m: Measures) -> str:
    who = display_name(m.period.partnership) if m.period.partnership else "All partnerships"
    return f"{who}, {format_date(m.period.since)} to {format_date(m.period.until)}"


def _page(m: Measures, charts: list[Chart]) -> str:
    esc, cr = m.escalations, m.case_reviews
    figures = "\n".join(
        f'<figure><img src="{c.name}.png" alt="{html.escape(c.alt)}" width="{PAGE_WIDTH_PX}">'
        f'<figcaption>{html.escape(c.title)} · <a href="{c.name}.svg">SVG</a> · '
        f'<a href="{c.name}.csv">CSV</a></figcaption></figure>' for c in charts)
    stages = "".join(f"<li>{html.escape(state.replace('_', ' '))}: {shown(len(items))}{stage_days(items)}</li>"
                     for state, items in sorted(cr.open_by_stage.items()))
    return f"""<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Safeguarding partnership quality assurance: {html.escape(scope_words(m))}</title>
<style>body{{font-family:system-ui,sans-serif;max-width:860px;margin:2em auto;padding:0 1em;line-height:1.5}}
img{{max-width:100%;height:auto}}figure{{margin:2em 0}}figcaption{{font-size:1.1em}}</style></head>
<body><h1>Quality assurance</h1>
<p>{html.escape(scope_words(m))}. Produced {html.escape(format_date(m.today))}; working days exclude weekends and
England bank holidays. {html.escape(SUPPRESSION_NOTE)}</p>
<ul><li>Open case reviews: {sum(len(v) for v in cr.open_by_stage.values())}</li>{stages}
<li>Escalations open: {esc.open_now}; past their step's window: {len(esc.overdue)}</li></ul>
{figures}
<p><a href="late.csv">Deadlines missed, by reference (CSV)</a></p>
</body></html>
"""


def write(m: Measures, scales: Timescales, out: Path) -> list[Path]:
    """Write the pack into `out` (created if missing); the files written, index.html last."""
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    charts = all_charts(m, scales)
    for chart in charts:
        for suffix, data in ((".png", chart.png), (".svg", chart.svg)):
            path = out / f"{chart.name}{suffix}"
            path.write_bytes(data)
            written.append(path)
        path = out / f"{chart.name}.csv"
        path.write_text(csv_text(chart.header, chart.rows), encoding="utf-8")
        written.append(path)
    late = out / "late.csv"
    late.write_text(csv_text(["deadline", "reference"], late_rows(m)), encoding="utf-8")
    index = out / "index.html"
    index.write_text(_page(m, charts), encoding="utf-8")
    return [*written, late, index]
