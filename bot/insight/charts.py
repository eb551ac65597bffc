"""The measures as charts people can read on a phone: one figure each, large type, titled in words.

Drawn with matplotlib (Agg, no screen, no network) in the Okabe-Ito palette, which stays distinct for the
common forms of colour blindness. Every chart carries alt text and the rows behind it, so the picture, the
CSV and the screen-reader text say the same thing. Counts of 1-4 are never drawn: they are marked and the
chart says why (`measures.suppressed`).
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from bot.case_reviews.deadlines import Timescales
from bot.insight.measures import SUPPRESS_BELOW, Measures, Rate, StepTime, shown, suppressed

# Okabe & Ito (2008): blue, orange, bluish green, vermillion, grey for "not shown".
BLUE, ORANGE, GREEN, VERMILLION, GREY = "#0072B2", "#E69F00", "#009E73", "#D55E00", "#999999"
SUPPRESSION_NOTE = "Counts of 1 to 4 are not shown, so that no case can be identified."
SECONDARY_NOTE = "One more is withheld so that it cannot be worked out from the total."
FONT_SIZE = 15
TITLE_WRAP = 44  # characters a line of the bold title holds inside the 800-pixel figure (58 ran off the edge)
NOTE_WRAP = 100  # the same for the small note under a chart
_FORMATS: ContextVar[Sequence[str]] = ContextVar("chart_formats", default=("png", "svg"))


@dataclass
class Chart:
    """One picture: its file stem, words for the title and for screen readers, and the table behind it."""

    name: str
    title: str
    alt: str
    header: list[str]
    rows: list[list[Any]] = field(default_factory=list)
    png: bytes = b""
    svg: bytes = b""


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update({"font.size": FONT_SIZE, "svg.fonttype": "none",
                         "axes.spines.top": False, "axes.spines.right": False})
    return plt


def _render(chart: Chart, draw: Any, note: str | None = None) -> Chart:
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(8, 5.5), dpi=100, layout="constrained")
    try:
        if chart.rows:
            draw(ax)
        else:  # empty axes read as a broken chart on a phone: say there is nothing instead
            ax.axis("off")
            ax.text(0.5, 0.5, "Nothing in this period", ha="center", va="center", fontsize=FONT_SIZE + 2)
        fig.suptitle(textwrap.fill(chart.title, TITLE_WRAP), x=0.02, ha="left", fontsize=FONT_SIZE + 3,
                     fontweight="bold")
        if note:
            fig.supxlabel(textwrap.fill(note, NOTE_WRAP), x=0.02, ha="left", fontsize=FONT_SIZE - 4, color="#444444")
        for fmt in _FORMATS.get():
            buf = io.BytesIO()
            fig.savefig(buf, format=fmt, metadata={"Date": None} if fmt == "svg" else None)
            setattr(chart, fmt, buf.getvalue())
    finally:
        plt.close(fig)
    return chart


def _rate_cell(rate: Rate) -> list[Any]:
    if rate.hidden:
        return ["fewer than 5", "withheld", "withheld"]
    return [rate.total, rate.met, rate.percent if rate.percent is not None else ""]


def _within_cells(rate: Rate) -> list[Any]:
    """(inside the window, judged against one): a step's columns, withheld like any rate."""
    judged, inside, _percent = _rate_cell(rate)
    return [inside, judged]


def case_timeliness(m: Measures, scales: Timescales) -> Chart:
    cr = m.case_reviews
    items = [
        (f"Panel told within {scales.panel_notification.amount} working days", cr.panel_within),
        (f"Rapid review within {scales.rapid_review.amount} working days", cr.rapid_within),
        (f"Report sent {scales.report_before_publication.amount} working days before publication",
         cr.report_before),
    ]
    title = f"Panel notified within {scales.panel_notification.amount} working days: {cr.panel_within.words()}"
    chart = Chart("case-review-timeliness", title,
                  alt="; ".join(f"{label}: {rate.words()}" for label, rate in items) + ".",
                  header=["measure", "cases", "on time", "percent on time"],
                  rows=[[label, *_rate_cell(rate)] for label, rate in items])

    def draw(ax: Any) -> None:
        labels = [label.replace(" within", "\nwithin").replace(" sent", "\nsent") for label, _ in items]
        values = [0 if (r.hidden or not r.total) else r.percent or 0 for _, r in items]
        bars = ax.barh(range(len(items)), values, color=[BLUE, ORANGE, GREEN])
        ax.set_yticks(range(len(items)), labels)
        for bar, (_, rate) in zip(bars, items, strict=True):
            text = "fewer than 5 (withheld)" if rate.hidden else rate.words()  # the alt text has it in full
            ax.text(max(bar.get_width(), 1) + 1, bar.get_y() + bar.get_height() / 2, text, va="center")
        ax.set_xlim(0, 160)  # room right of a full bar for "1234 of 1300"
        ax.set_xticks([0, 25, 50, 75, 100])
        ax.set_xlabel("% on time")
        ax.invert_yaxis()

    return _render(chart, draw, SUPPRESSION_NOTE)


def withheld(counts: list[int]) -> dict[int, str]:
    """The bars not to show, with the words for each: every count of 1-4 ("fewer than 5") and, when that is a
    single bar, the next smallest count too ("withheld"): otherwise the total in the title gives the count away."""
    out = {i: "fewer than 5" for i, v in enumerate(counts) if suppressed(v)}
    if len(out) == 1:
        others = [(v, i) for i, v in enumerate(counts) if v > 0 and i not in out]
        if others:
            out[min(others)[1]] = "withheld"
    return out


def _counts_chart(name: str, title: str, what: str, counts: list[tuple[str, int]], colour: str,
                  horizontal: bool = False, suppress: bool = True) -> Chart:
    """Bars of counts; with `suppress` (counts of cases) a count of 1-4 is greyed, labelled and not drawn, and so
    is a second count when the total would otherwise give the first away (`withheld`)."""
    hidden = withheld([v for _, v in counts]) if suppress else {}
    cells = [hidden.get(i, str(v)) for i, (_, v) in enumerate(counts)]
    note = SUPPRESSION_NOTE if suppress else None
    if "withheld" in hidden.values():
        note = f"{SUPPRESSION_NOTE} {SECONDARY_NOTE}"
    chart = Chart(name, title, header=[what, "count"], rows=[[k, cell] for (k, _), cell in zip(counts, cells,
                                                                                             strict=True)],
                  alt=f"{title}. " + "; ".join(f"{k}: {cell}" for (k, _), cell in zip(counts, cells, strict=True))
                  + ".")

    def draw(ax: Any) -> None:
        positions = list(range(len(counts)))  # labels as ticks: matplotlib would read "Jan 2026" as a date
        values = [0 if i in hidden else v for i, (_, v) in enumerate(counts)]
        bars = (ax.barh if horizontal else ax.bar)(positions, values, color=colour)
        names = [textwrap.fill(k, 24) if horizontal else k for k, _ in counts]  # long agencies and topics
        (ax.set_yticks if horizontal else ax.set_xticks)(positions, names)
        for i, bar in enumerate(bars):
            if i in hidden:
                bar.set_color(GREY)
                if horizontal:
                    ax.text(0.2, bar.get_y() + bar.get_height() / 2, hidden[i], va="center", color="#444444")
                else:
                    mark = "<5" if hidden[i] == "fewer than 5" else "withheld"
                    ax.text(bar.get_x() + bar.get_width() / 2, 0.2, mark, ha="center", color="#444444",
                            rotation=0 if mark == "<5" else 90, va="bottom")
        top = max([*values, SUPPRESS_BELOW]) * 1.15  # room for the "<5" marks when every bar is withheld
        if horizontal:
            ax.set_xlim(0, top)
            ax.invert_yaxis()
        else:
            ax.set_ylim(0, top)
            ax.tick_params(axis="x", labelrotation=45)
        (ax.xaxis if horizontal else ax.yaxis).get_major_locator().set_params(integer=True)

    return _render(chart, draw, note)


def _month(key: str) -> str:
    return date.fromisoformat(f"{key}-01").strftime("%b %Y")


def notifications_by_month(m: Measures) -> Chart:
    counts = [(_month(k), v) for k, v in sorted(m.case_reviews.by_month.items())]
    total = sum(v for _, v in counts)
    return _counts_chart("case-review-notifications", f"Serious incidents notified: {shown(total)} in the period",
                         "month", counts, BLUE)


def escalation_steps(m: Measures) -> Chart:
    esc = m.escalations
    steps = sorted(esc.steps.items())
    resolved = withheld([esc.resolved_at_step[n] for n, _ in steps])  # their total is in the title
    title = f"Escalations resolved within the policy's windows: {esc.resolved_within.words()}"

    def median(t: StepTime) -> Any:
        return "" if suppressed(len(t.days)) else t.median_days

    header = ["step", "escalations at the step", "median working days", "within window", "judged against a window",
              "resolved at the step"]
    chart = Chart("escalation-steps", title, header=header,
                  rows=[[f"Step {n}", shown(len(t.days)), median(t), *_within_cells(t.within),
                         resolved.get(i, str(esc.resolved_at_step[n]))] for i, (n, t) in enumerate(steps)],
                  alt=f"{title}. " + "; ".join(
                      f"step {n}: median {median(t) or 'withheld'} working days, {t.within.words()} within the "
                      f"window, {resolved.get(i, str(esc.resolved_at_step[n]))} resolved there"
                      for i, (n, t) in enumerate(steps)) + f". Open now: {shown(esc.open_now)}, past their window: "
                      f"{shown(len(esc.overdue))}.")

    def draw(ax: Any) -> None:
        positions = list(range(len(steps)))
        values = [0 if suppressed(len(t.days)) else (t.median_days or 0) for _, t in steps]
        bars = ax.bar(positions, values, color=VERMILLION)
        ax.set_xticks(positions, [f"Step {n}" for n, _ in steps])
        for bar, (_, t) in zip(bars, steps, strict=True):
            if suppressed(len(t.days)):
                bar.set_color(GREY)
                ax.text(bar.get_x() + bar.get_width() / 2, 0.2, "<5", ha="center")
        ax.set_ylim(0, max([*values, 1.0]) * 1.15)
        ax.set_ylabel("median working days at the step")

    return _render(chart, draw, SUPPRESSION_NOTE)


def escalations_by_agency(m: Measures) -> Chart:
    counts = m.escalations.by_agency.most_common(10)
    total = sum(m.escalations.by_agency.values())
    return _counts_chart("escalations-by-agency", f"Escalations raised: {shown(total)}, by agency",
                         "agency", counts, ORANGE, horizontal=True)


def escalations_by_month(m: Measures) -> Chart:
    counts = [(_month(k), v) for k, v in sorted(m.escalations.by_month.items())]
    total = sum(v for _, v in counts)
    return _counts_chart("escalations-by-month", f"Escalations raised: {shown(total)}, by month", "month", counts,
                         ORANGE)


DECISIONS = (("local", "Local review"), ("national", "National review"), ("none", "No further review"))


def case_review_decisions(m: Measures) -> Chart:
    """Decisions by type, and the median working days from the Panel notification to the decision (withheld
    under 5 cases, as a rate is)."""
    cr = m.case_reviews
    counts = [(label, cr.decisions[key]) for key, label in DECISIONS]
    days = cr.decision_days
    median = ("none decided" if not days else "withheld (fewer than 5 cases)" if suppressed(len(days))
              else f"median {cr.median_decision_days:g} working days")
    title = f"Review decisions: {shown(sum(v for _, v in counts))}; notification to decision: {median}"
    return _counts_chart("case-review-decisions", title, "decision", counts, BLUE)


def questions_by_topic(m: Measures) -> Chart:
    counts = m.questions.by_topic.most_common(10)
    return _counts_chart("questions-by-topic", f"Questions answered, by topic: {sum(m.questions.by_topic.values())}",
                         "topic", counts, BLUE, horizontal=True, suppress=False)


def reminders_chart(m: Measures) -> Chart:
    r = m.reminders
    parts = [("On time", r.on_time), ("Late", r.late), ("Not posted", r.failed)]
    return _counts_chart("reminders", f"Reminders posted on time: {r.on_time} of {r.total}", "reminders",
                         parts, GREEN, suppress=False)


QUESTION_PARTS = (("answer", "Answered", BLUE), ("did_you_mean", "Did you mean", ORANGE),
                  ("ask_partnership", "Asked which area", GREEN), ("cannot_answer", "No answer", VERMILLION))


def questions_chart(m: Measures) -> Chart:
    """Questions by week, stacked by what the reply was; the not-helpful rate in the title."""
    q = m.questions
    weeks = sorted(q.by_week)
    asked = sum(q.outcomes[k] for k, _, _ in QUESTION_PARTS)
    rate = f"{q.not_helpful_percent}%" if q.not_helpful_percent is not None else "no ratings yet"
    title = f"Questions answered: {q.outcomes['answer']} of {asked}; rated not helpful: {rate}"
    rows = [[f"{day:%Y-%m-%d}", *(q.by_week[day][k] for k, _, _ in QUESTION_PARTS)] for day in weeks]
    chart = Chart("questions", title, header=["week beginning", *(label for _, label, _ in QUESTION_PARTS)],
                  rows=rows, alt=f"{title}. " + "; ".join(f"{label}: {q.outcomes[k]}" for k, label, _ in QUESTION_PARTS)
                  + f". Replies that led with 999 and the front door: {q.safety}.")

    def draw(ax: Any) -> None:
        positions = list(range(len(weeks)))
        bottom = [0] * len(weeks)
        for k, label, colour in QUESTION_PARTS:
            values = [q.by_week[day][k] for day in weeks]
            ax.bar(positions, values, bottom=bottom, color=colour, label=label)
            bottom = [b + v for b, v in zip(bottom, values, strict=True)]
        ax.set_xticks(positions, [f"{day:%d %b}" for day in weeks])
        ax.set_ylim(0, max([*bottom, 1]) * 1.5)  # headroom for the two-row legend above the tallest week
        ax.set_xlabel("week beginning")
        ax.tick_params(axis="x", labelrotation=45)
        ax.yaxis.get_major_locator().set_params(integer=True)
        if weeks:
            ax.legend(loc="upper left", ncols=2, frameon=False)

    return _render(chart, draw)


def all_charts(m: Measures, scales: Timescales, formats: Sequence[str] = ("png", "svg")) -> list[Chart]:
    """The quarterly pack: case reviews first, as the statutory measures; `formats` drawn (the web needs SVG only)."""
    token = _FORMATS.set(tuple(formats))
    try:
        return [case_timeliness(m, scales), notifications_by_month(m), case_review_decisions(m),
                escalation_steps(m), escalations_by_month(m), escalations_by_agency(m), questions_chart(m),
                questions_by_topic(m), reminders_chart(m)]
    finally:
        _FORMATS.reset(token)
