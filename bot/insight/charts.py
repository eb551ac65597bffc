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
# Sized for a phone: Slack shows an image across the message column, about 360 CSS px on a phone. A figure
# FIG_WIDTH_IN wide shown 360 px wide draws a font of s points at s * 360 / (72 * FIG_WIDTH_IN) px, whatever the
# DPI: 12 pt in a 4-inch figure is 15 px (the title 17.5 px) against 16 px body text. DPI only sets sharpness:
# 200 gives an 800-pixel PNG, crisp on a double-density screen.
FIG_WIDTH_IN = 4.0
FIG_HEIGHT_IN = 4.8
DPI = 200
PAGE_WIDTH_PX = 400  # CSS px the pack and dashboard show a chart at (a phone narrows it): 12 pt is 16.7 px there
FONT_SIZE = 12  # every text on a chart, the notes and tick labels too: none smaller
TITLE_SIZE = 14
TITLE_WRAP = 30  # characters a line of the bold title holds inside the 4-inch figure (34 ran off the edge)
NOTE_WRAP = 40  # the same for the note under a chart and a label over a bar
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


def _render(chart: Chart, draw: Any, note: str | None = None, height: float = FIG_HEIGHT_IN) -> Chart:
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(FIG_WIDTH_IN, height), dpi=DPI, layout="constrained")
    try:
        if chart.rows:
            draw(ax)
        else:  # empty axes read as a broken chart on a phone: say there is nothing instead
            ax.axis("off")
            ax.text(0.5, 0.5, "Nothing in this period", ha="center", va="center", fontsize=TITLE_SIZE)
        fig.suptitle(textwrap.fill(chart.title, TITLE_WRAP), x=0.02, ha="left", fontsize=TITLE_SIZE,
                     fontweight="bold")
        if note:
            fig.supxlabel(_sentences(note), x=0.02, ha="left", fontsize=FONT_SIZE, color="#444444")
        for fmt in _FORMATS.get():
            buf = io.BytesIO()
            fig.savefig(buf, format=fmt, metadata={"Date": None} if fmt == "svg" else None)
            setattr(chart, fmt, buf.getvalue())
    finally:
        plt.close(fig)
    return chart


BAR = 0.4  # a horizontal bar's thickness in rows: the rest of the row holds its label


def _wrapped(labels: Sequence[str]) -> list[str]:
    return [textwrap.fill(label, NOTE_WRAP) for label in labels]


def _bars_height(labels: Sequence[str]) -> float:
    """Figure height for horizontal bars with their labels over them: room for the title, the note and the
    axis, then a row for each bar as deep as the longest label."""
    lines = max([label.count("\n") + 1 for label in _wrapped(labels)] or [1])
    return max(3.0, 2.4 + len(labels) * (0.3 + 0.25 * lines))


def _labels_over(ax: Any, bars: Any, labels: Sequence[str]) -> None:
    """Each bar's words over it, across the full width, instead of tick labels beside it: at a phone's width a
    label beside the bar takes the room the bar needs. Rows read top down."""
    ax.set_yticks([])
    for bar, label in zip(bars, _wrapped(labels), strict=True):
        ax.text(0, bar.get_y() - 0.04, label, va="bottom", ha="left")
    ax.set_ylim(len(labels) - 0.5, -0.85)  # inverted: the first row on top, with its label's room above it


def _sentences(note: str) -> str:
    """A note wrapped to the figure, each sentence starting a line of its own (easier to read in a narrow image)."""
    return "\n".join(textwrap.fill(sentence.strip() + ".", NOTE_WRAP) for sentence in note.split(". ") if sentence
                     ).replace("..", ".")


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

    labels = [f"{label}: {'fewer than 5 (withheld)' if rate.hidden else rate.words()}" for label, rate in items]

    def draw(ax: Any) -> None:
        values = [0 if (r.hidden or not r.total) else r.percent or 0 for _, r in items]
        bars = ax.barh(range(len(items)), values, height=BAR, color=[BLUE, ORANGE, GREEN])
        _labels_over(ax, bars, labels)
        ax.set_xlim(0, 100)
        ax.set_xticks([0, 25, 50, 75, 100])
        ax.set_xlabel("% on time")

    return _render(chart, draw, SUPPRESSION_NOTE, _bars_height(labels))


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
        if horizontal:  # long agencies and topics: the name and its count over each bar
            bars = ax.barh(positions, values, height=BAR, color=colour)
            _labels_over(ax, bars, [f"{k}: {cell}" for (k, _), cell in zip(counts, cells, strict=True)])
        else:
            bars = ax.bar(positions, values, color=colour)
            _x_labels(ax, positions, [k for k, _ in counts])
        for i, bar in enumerate(bars):
            if i in hidden:
                bar.set_color(GREY)
                if not horizontal:
                    mark = "<5" if hidden[i] == "fewer than 5" else "withheld"
                    ax.text(bar.get_x() + bar.get_width() / 2, 0.2, mark, ha="center", color="#444444",
                            rotation=0 if mark == "<5" else 90, va="bottom")
        top = max([*values, SUPPRESS_BELOW]) * 1.15  # room for the "<5" marks when every bar is withheld
        (ax.set_xlim if horizontal else ax.set_ylim)(0, top)
        (ax.xaxis if horizontal else ax.yaxis).get_major_locator().set_params(integer=True, nbins=4)

    height = _bars_height([r[0] + f': {r[1]}' for r in chart.rows]) if horizontal else FIG_HEIGHT_IN
    return _render(chart, draw, note, height)


def _x_labels(ax: Any, positions: list[int], names: list[str]) -> None:
    """Labels under vertical bars, turned upright when there are many and thinned to every k-th when even
    that would overlap (a year of weeks): about 16 upright 12-point labels fit across the phone-width axes."""
    step = -(-len(names) // 16) if names else 1
    ax.set_xticks(positions, [n if i % step == 0 else "" for i, n in enumerate(names)])
    ax.tick_params(axis="x", labelrotation=90 if len(names) > 4 else 0)


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
        _x_labels(ax, positions, [f"Step {n}" for n, _ in steps])
        for bar, (_, t) in zip(bars, steps, strict=True):
            if suppressed(len(t.days)):
                bar.set_color(GREY)
                ax.text(bar.get_x() + bar.get_width() / 2, 0.2, "<5", ha="center")
        ax.set_ylim(0, max([*values, 1.0]) * 1.15)
        ax.set_ylabel("working days (median)")

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
    return _counts_chart("case-review-decisions", title, "decision", counts, BLUE, horizontal=True)


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
        _x_labels(ax, positions, [f"{day:%d %b}" for day in weeks])
        ax.set_ylim(0, max([*bottom, 1]) * 1.15)
        ax.set_xlabel("week beginning")
        ax.yaxis.get_major_locator().set_params(integer=True, nbins=4)
        if weeks:
            # under the axes, across the full width: inside them it covered the tallest weeks
            ax.figure.legend(loc="outside lower left", ncols=2, frameon=False, handlelength=1, columnspacing=0.8)

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
