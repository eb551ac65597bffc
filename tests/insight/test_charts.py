"""Charts read on a phone: no text cut off at the figure's edge, whatever the figures; only the colour-blind-safe
Okabe-Ito palette (with grey for a withheld count); small counts withheld so that no total gives one away."""

from __future__ import annotations

import io
import re
from collections import Counter
from datetime import date

import pytest
from PIL import Image

from bot.case_reviews import service as cases
from bot.insight import charts
from bot.insight import measures as m

PERIOD = m.Period("halton", date(2026, 3, 1), date(2026, 5, 31))
OKABE_ITO = {"#0072b2", "#e69f00", "#009e73", "#d55e00", "#56b4e9", "#f0e442", "#cc79a7"}
INK = {"#000000", "#ffffff", "#444444", charts.GREY.lower()}  # text, axes, background, withheld bars


def _empty() -> m.Measures:
    return m.Measures(PERIOD, date(2026, 6, 1), m.CaseReviewMeasures(), m.EscalationMeasures(),
                      m.QuestionMeasures(), m.ReminderMeasures())


def _busy() -> m.Measures:
    """Wide numbers and the longest words a title can carry (a withheld rate, four-digit counts)."""
    out = _empty()
    cr = out.case_reviews
    cr.panel_within = m.Rate(met=3, total=4, late=["CR-1"])
    cr.rapid_within = m.Rate(met=1234, total=1300)
    cr.by_month = Counter({"2026-03": 2, "2026-04": 40, "2026-05": 1})
    cr.decisions = Counter({"local": 1234, "national": 3, "none": 40})
    cr.decision_days = [22, 23, 150, 9, 1000]
    esc = out.escalations
    esc.by_month = Counter({"2026-03": 1203, "2026-04": 4, "2026-05": 36})
    esc.resolved_at_step = Counter({1: 1000, 2: 2})
    esc.resolved_within = m.Rate(met=2, total=3)
    esc.by_agency = Counter({"Warrington and Halton Teaching Hospitals": 1200, "Torus": 40, "Cheshire Constabulary": 3})
    esc.steps = {1: m.StepTime(days=[1] * 40, within=m.Rate(met=30, total=40)), 2: m.StepTime(days=[2, 3])}
    q = out.questions
    q.by_week = {date(2026, 3, 2): Counter({"answer": 1234, "cannot_answer": 5678})}
    q.outcomes = Counter({"answer": 1234, "cannot_answer": 5678})
    q.rated, q.not_helpful = 1234, 153
    q.by_topic = Counter({"Multi-agency safeguarding arrangements and the Panel": 1000, "Groups": 234})
    out.reminders = m.ReminderMeasures(on_time=1000, late=234, failed=5)
    return out


@pytest.mark.parametrize("figures", [_empty, _busy], ids=["nothing in the period", "large figures"])
def test_no_chart_text_runs_off_the_right_edge(figures):  # type: ignore[no-untyped-def]
    for chart in charts.all_charts(figures(), cases.timescales(), formats=("png",)):
        with Image.open(io.BytesIO(chart.png)) as img:
            grey = img.convert("L")
            width, height = grey.size
            inked = [y for x in range(width - 3, width) for y in range(height) if grey.getpixel((x, y)) < 160]
        assert inked == [], f"{chart.name}: text cut off at the right edge ({chart.title!r})"


@pytest.mark.parametrize("figures", [_empty, _busy], ids=["nothing in the period", "large figures"])
def test_charts_use_only_the_colour_blind_safe_palette(figures):  # type: ignore[no-untyped-def]
    for chart in charts.all_charts(figures(), cases.timescales(), formats=("svg",)):
        colours = {c.lower() for c in re.findall(r"#[0-9a-fA-F]{6}", chart.svg.decode())}
        assert colours - INK <= OKABE_ITO, f"{chart.name}: {sorted(colours - INK - OKABE_ITO)}"
        if figures is _busy:  # every chart has bars drawn: in the palette
            assert colours & OKABE_ITO, chart.name


def test_a_single_small_count_takes_the_next_smallest_with_it_so_the_total_cannot_give_it_away():
    assert charts.withheld([2, 0, 8, 6]) == {0: "fewer than 5", 3: "withheld"}
    assert charts.withheld([2, 3, 8]) == {0: "fewer than 5", 1: "fewer than 5"}  # two: neither can be worked out
    assert charts.withheld([0, 8, 6]) == {} and charts.withheld([4]) == {0: "fewer than 5"}
    figures = _empty()
    figures.case_reviews.by_month = Counter({"2026-03": 2, "2026-04": 0, "2026-05": 8})
    chart = charts.notifications_by_month(figures)
    assert chart.title == "Serious incidents notified: 10 in the period"
    assert chart.rows == [["Mar 2026", "fewer than 5"], ["Apr 2026", "0"], ["May 2026", "withheld"]]
    assert "May 2026: withheld" in chart.alt and "8" not in chart.alt.split("period.", 1)[1]
    assert b"One more is withheld" in chart.svg  # the note says why May is not drawn


def test_every_measure_is_on_a_chart_withheld_where_small(tmp_path):  # type: ignore[no-untyped-def]
    from bot.insight import pack

    figures = _busy()
    figures.case_reviews.open_by_stage = {"panel_notified": [("CR-1", 3), ("CR-2", 5), ("CR-3", 8), ("CR-4", 9),
                                                             ("CR-5", 30)], "local_review": [("CR-6", 40)]}
    drawn = {c.name: c for c in charts.all_charts(figures, cases.timescales(), formats=("svg",))}
    decisions = drawn["case-review-decisions"]
    assert decisions.title == "Review decisions: 1277; notification to decision: median 23 working days"
    assert decisions.rows == [["Local review", "1234"], ["National review", "fewer than 5"],
                              ["No further review", "withheld"]]
    figures.case_reviews.decision_days = [22, 23]
    assert charts.case_review_decisions(figures).title.endswith("withheld (fewer than 5 cases)")
    assert drawn["escalations-by-month"].rows == [["Mar 2026", "1203"], ["Apr 2026", "fewer than 5"],
                                                  ["May 2026", "withheld"]]
    steps = drawn["escalation-steps"]
    assert steps.header[-1] == "resolved at the step"
    assert [row[-1] for row in steps.rows] == ["withheld", "fewer than 5"]  # the title's total would give 2 away
    assert "median withheld working days" in steps.alt  # step 2 has 2 escalations: no median, as in the table
    assert drawn["questions-by-topic"].rows == [["Multi-agency safeguarding arrangements and the Panel", "1000"],
                                                ["Groups", "234"]]
    page = pack._page(figures, list(drawn.values()))
    assert "panel notified: 5 (median 8 working days at the stage)" in page
    assert "local review: fewer than 5</li>" in page  # one case: its days are not shown


PHONE_WIDTH_PX = 360  # CSS pixels: the narrow end of the phones Slack shows an image across
BODY_TEXT_PX = 14  # the smallest text a phone user reads without zooming (body text is 16)


@pytest.mark.parametrize("figures", [_empty, _busy], ids=["nothing in the period", "large figures"])
def test_chart_text_is_at_least_14_px_when_the_chart_is_shown_at_a_phones_width(figures):  # type: ignore[no-untyped-def]
    """Each text's font size in the drawing, scaled as the image is when shown 360 CSS px wide. The SVG gives
    sizes in its own units (points of the figure); the PNG is the same figure at the chart DPI, so the ratio is
    the same for the image Slack shows."""
    for chart in charts.all_charts(figures(), cases.timescales()):
        svg = chart.svg.decode()
        width = float(re.search(r'viewBox="0 0 ([\d.]+) ', svg).group(1))  # type: ignore[union-attr]
        with Image.open(io.BytesIO(chart.png)) as img:
            assert abs(img.size[0] - width * charts.DPI / 72) < 2, chart.name  # the PNG is the same figure
            assert img.size[0] >= 2 * PHONE_WIDTH_PX, chart.name  # sharp on a phone's double-density screen
        sizes = [float(s) for s in re.findall(r"font-size: ([\d.]+)px", svg)]
        assert sizes, chart.name
        smallest = min(sizes) * PHONE_WIDTH_PX / width
        assert smallest >= BODY_TEXT_PX, f"{chart.name}: text {smallest:.1f} px at a phone's width"
