"""Scores from the data: each figure is the statistics' own function on the statistics' own
selection of a district's year, so an assessment shows what @@statistics shows."""

from dataclasses import dataclass
from datetime import date
from suizhou.laborrights.statistics import figures as f
from suizhou.laborrights.statistics.selection import Period
from suizhou.laborrights.statistics.selection import select
from suizhou.laborrights.statistics.tables import MIN_RANKED


# figure name -> (value, how many cases or clocks are behind it) of a statistics selection
FIGURES = {
    "mediation_success_rate": lambda s: (f.mediation_success_rate(s.closed), len(f.mediation_closed(s.closed))),
    "on_time_rate": lambda s: (f.on_time_rate(s.closed), len(f.clock_results(s.closed))),
    "hotline_completion_rate": lambda s: (f.hotline_completion_rate(s.received), len(f.hotline(s.received))),
    "hotline_satisfaction_rate": lambda s: (
        f.hotline_satisfaction_rate(s.closed),
        len(f.rated([r for r in f.hotline(s.closed) if r.route != "arbitration"])),
    ),
    "inspection_completion_rate": lambda s: (
        f.inspection_completion_rate(s.received),
        len(f.accepted(f.on_route(s.received, "inspection"))),
    ),
}


def year_period(year):
    return Period(date(year, 1, 1), date(year, 12, 31))


@dataclass(frozen=True)
class DataResult:
    value: object  # a Fraction or None
    count: int
    score: object  # int or None

    @property
    def enough(self):
        """Enough cases behind the figure to rank by it (as the statistics' ranking asks)."""
        return self.count >= MIN_RANKED


def data_results(criteria, district, year):
    """{code: DataResult} of the data-scored criteria for ``district`` in ``year``."""
    selection = select(year_period(year), [district])
    results = {}
    for criterion in criteria:
        if criterion.from_data:
            value, count = FIGURES[criterion.source](selection)
            results[criterion.code] = DataResult(value, count, criterion.score_for(value))
    return results
