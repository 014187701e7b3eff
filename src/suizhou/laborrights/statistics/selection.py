"""Which cases a statistic covers: the period, the districts the user may see, a station or unit.

For each district, key ranges of the statistics' store (store.py), no case woken:
- received in the period,
- closed (ended) in the period, whenever received,
- arbitration cases received before the period and not ended before it (上期未结).
"""

from dataclasses import dataclass
from dataclasses import field
from datetime import date
from datetime import timedelta
from Products.CMFCore.indexing import processQueue
from suizhou.laborrights.statistics import figures
from suizhou.laborrights.statistics import store as records_store
from suizhou.laborrights.timezone import beijing


@dataclass
class Period:
    start: date
    end: date  # inclusive

    @classmethod
    def this_year(cls, today):
        return cls(date(today.year, 1, 1), today)

    def query(self):
        """A catalog range from the first to the last moment of the period, Beijing time."""
        return {
            "query": (beijing(self.start), beijing(self.end + timedelta(days=1)) - timedelta(seconds=1)),
            "range": "min:max",
        }

    def contains(self, iso):
        return iso is not None and self.start.isoformat() <= iso <= self.end.isoformat()


@dataclass
class Selection:
    period: Period
    districts: list
    station: str = ""
    unit: str = ""
    received: list = field(default_factory=list)
    closed: list = field(default_factory=list)
    earlier_arbitration: list = field(default_factory=list)

    @property
    def arbitration_pending(self):
        return figures.pending_at(self.earlier_arbitration, self.period.start)


def select(period, districts, station="", unit=""):
    """The cases of ``districts`` (already limited to what the user may see) in ``period``."""
    selection = Selection(period=period, districts=list(districts), station=station, unit=unit)
    processQueue()  # this request's own changes first, as a catalog search has them
    store = records_store.trees()
    if not districts or store is None:
        return selection
    first, last = period.start.isoformat(), period.end.isoformat()
    received, closed, earlier = [], [], []
    for district in districts:
        received += records_store.received(store, district, first, last)
        closed += records_store.closed(store, district, first, last)
        earlier += records_store.pending_arbitration(store, district, first)

    def keep(records):
        if not station and not unit:
            return records
        return [r for r in records if (not station or r.station == station) and (not unit or r.unit == unit)]

    selection.received = keep(received)
    selection.closed = keep(closed)
    selection.earlier_arbitration = keep(earlier)
    return selection
