"""The dashboard's HTML: the period and partnership filters, the same charts as the pack, and the figures behind them.

Figures, agencies, references and dates only: nothing anyone typed is on the page (no names, no questions' text).
Charts are inline `data:` SVG images, so the page needs no second request, no script and no network; it is
served with a Content-Security-Policy that forbids anything else.
"""

from __future__ import annotations

import base64
import html
from dataclasses import dataclass
from datetime import date, timedelta

from bot.insight.charts import PAGE_WIDTH_PX, SUPPRESSION_NOTE, Chart
from bot.insight.measures import Measures, shown
from bot.insight.pack import late_rows, scope_words, stage_days
from bot.timeutil import date_range_problem, format_date
from knowledge.partnerships import PARTNERSHIPS, display_name

ALL = "all"
QUARTERS_SHOWN = 8
YEARS_SHOWN = 3
CSP = ("default-src 'none'; img-src data:; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; "
       "frame-ancestors 'none'")
_STYLE = """body{font-family:system-ui,sans-serif;max-width:900px;margin:1.5em auto;padding:0 1em;line-height:1.5}
img{max-width:100%;height:auto}section{margin:2em 0}table{border-collapse:collapse}
td,th{border:1px solid #999;padding:.2em .5em;text-align:left}form.filters{background:#f3f3f3;padding:1em}
fieldset{border:0;padding:0;margin:.5em 0}header{display:flex;justify-content:space-between;align-items:center}"""


@dataclass(frozen=True)
class Choice:
    """What the filters asked for, already checked: the period's days and how it was picked."""

    kind: str  # quarter | year | custom
    since: date
    until: date


def quarter_start(day: date) -> date:
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def _quarter_end(start: date) -> date:
    nxt = date(start.year + (start.month == 10), (start.month + 2) % 12 + 1, 1)
    return nxt - timedelta(days=1)


def quarters(today: date) -> list[date]:
    """The first days of the last QUARTERS_SHOWN calendar quarters, this one first."""
    out, start = [], quarter_start(today)
    for _ in range(QUARTERS_SHOWN):
        out.append(start)
        start = quarter_start(start - timedelta(days=1))
    return out


def financial_year(day: date) -> int:
    """The year its April starts in: partnerships' annual reports run April to March."""
    return day.year if day.month >= 4 else day.year - 1


def _quarter_words(start: date) -> str:
    return f"{start:%b} to {_quarter_end(start):%b %Y}"


def _year_words(year: int) -> str:
    return f"April {year} to March {year + 1}"


def choose_period(query: dict[str, str], today: date) -> Choice | str:
    """The period the filters name, or a sentence saying what is wrong (authored text, never the input)."""
    kind = query.get("period") or "quarter"
    if kind == "quarter":
        options = {f"{q:%Y-%m}": q for q in quarters(today)}
        start = options.get(query.get("quarter") or "", quarters(today)[1])  # default: the last whole quarter
        if query.get("quarter") and query["quarter"] not in options:
            return "Pick one of the quarters listed."
        return Choice("quarter", start, _quarter_end(start))
    if kind == "year":
        years = [financial_year(today) - n for n in range(YEARS_SHOWN)]
        raw = query.get("year") or str(years[0])
        if not raw.isdigit() or int(raw) not in years:
            return "Pick one of the years listed."
        return Choice("year", date(int(raw), 4, 1), date(int(raw) + 1, 3, 31))
    if kind == "custom":
        try:
            since, until = date.fromisoformat(query.get("since", "")), date.fromisoformat(query.get("until", ""))
        except ValueError:
            return "Give both dates of the custom period."
        problem = date_range_problem(since, today) or date_range_problem(until, today, allow_future=True)
        if problem:
            return problem
        if since > until:
            return "The custom period runs backwards: give the first day, then the last."
        return Choice("custom", since, until)
    return "Pick a quarter, a year or a custom period."


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _option(value: str, words: str, selected: bool) -> str:
    return f'<option value="{_e(value)}"{" selected" if selected else ""}>{_e(words)}</option>'


def _filters(choice: Choice, scope: str | None, scopes: list[str | None], today: date, csrf: str) -> str:
    parts = "".join(_option(s or ALL, display_name(s) if s else "All partnerships", s == scope) for s in scopes)
    qs = "".join(_option(f"{q:%Y-%m}", _quarter_words(q), choice.kind == "quarter" and q == choice.since)
                 for q in quarters(today))
    years = [financial_year(today) - n for n in range(YEARS_SHOWN)]
    ys = "".join(_option(str(y), _year_words(y), choice.kind == "year" and choice.since.year == y) for y in years)

    def radio(kind: str, words: str) -> str:
        checked = " checked" if choice.kind == kind else ""
        return f'<label><input type="radio" name="period" value="{kind}"{checked}> {words}</label>'

    return f"""<form class="filters" method="get" action="/dashboard">
<label>Partnership <select name="partnership" id="partnership">{parts}</select></label>
<fieldset>{radio("quarter", "Quarter")} <select name="quarter" aria-label="Quarter">{qs}</select></fieldset>
<fieldset>{radio("year", "Year")} <select name="year" aria-label="Year">{ys}</select></fieldset>
<fieldset>{radio("custom", "From")} <input type="date" name="since" aria-label="From" value="{choice.since}">
to <input type="date" name="until" aria-label="To" value="{choice.until}"></fieldset>
<button type="submit">Show</button></form>
<form method="post" action="/dashboard/logout"><input type="hidden" name="csrf" value="{_e(csrf)}">
<button type="submit" id="sign-out">Sign out</button></form>"""


def _chart(chart: Chart) -> str:
    data = base64.b64encode(chart.svg).decode()
    head = "".join(f"<th>{_e(h)}</th>" for h in chart.header)
    body = "".join("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in row) + "</tr>" for row in chart.rows)
    return (f'<section id="{_e(chart.name)}"><h2 id="{_e(chart.name)}-title">{_e(chart.title)}</h2>'
            f'<img src="data:image/svg+xml;base64,{data}" alt="{_e(chart.alt)}" width="{PAGE_WIDTH_PX}">'
            f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></section>")


def dashboard(m: Measures, charts: list[Chart], choice: Choice, scopes: list[str | None], csrf: str) -> str:
    """The whole page for one partnership (or all) and period."""
    cr, esc = m.case_reviews, m.escalations
    stages = "".join(f'<li>{_e(state.replace("_", " "))}: <span data-stage="{_e(state)}">{shown(len(items))}'
                     f"</span>{stage_days(items)}</li>" for state, items in sorted(cr.open_by_stage.items()))
    late = "".join(f"<li>{_e(what)}: {_e(ref)}</li>" for what, ref in late_rows(m)) or "<li>None</li>"
    open_cases = sum(len(v) for v in cr.open_by_stage.values())
    return f"""<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Quality assurance: {_e(scope_words(m))}</title><style>{_STYLE}</style></head>
<body><header><h1>Quality assurance</h1></header>
{_filters(choice, m.period.partnership, scopes, m.today, csrf)}
<p id="scope">{_e(scope_words(m))}. Figures as of {_e(format_date(m.today))}; working days exclude weekends and
England bank holidays. {_e(SUPPRESSION_NOTE)}</p>
<ul id="summary"><li>Open case reviews: <span id="open-cases">{shown(open_cases)}</span><ul>{stages}</ul></li>
<li>Escalations open: <span id="escalations-open">{shown(esc.open_now)}</span>; past their step's window:
<span id="escalations-overdue">{shown(len(esc.overdue))}</span></li></ul>
{"".join(_chart(c) for c in charts)}
<section id="late"><h2>Deadlines missed, by reference</h2><ul id="late-list">{late}</ul></section>
</body></html>
"""


def plain(title: str, sentence: str, *, link: tuple[str, str] | None = None, sign_out: str | None = None) -> str:
    """A page with one authored sentence (sign in, refused, not set up, expired)."""
    action = f'<p><a href="{_e(link[0])}" id="action">{_e(link[1])}</a></p>' if link else ""
    if sign_out is not None:
        action += (f'<form method="post" action="/dashboard/logout"><input type="hidden" name="csrf" '
                   f'value="{_e(sign_out)}"><button type="submit" id="sign-out">Sign out</button></form>')
    return f"""<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>{_e(title)}</title><style>{_STYLE}</style></head>
<body><h1>{_e(title)}</h1><p id="message">{_e(sentence)}</p>{action}</body></html>
"""


def all_scopes() -> list[str | None]:
    return [None, *PARTNERSHIPS]
