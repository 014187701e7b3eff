"""What the catalog learns of a case for the surge rule: one key per dispute type,
``<district>|<type>|<day received in Beijing>`` (the ``district_type_day`` keyword index).

A district's cases of one type over some days are then the cases of that many keys: the rule
counts its two periods from a few small sets instead of a range over the ``received`` index's
minutes intersected with the district's and the type's cases (docs/performance.md)."""

from datetime import timedelta
from plone.indexer import indexer
from suizhou.laborrights.content.case import ICase
from suizhou.laborrights.timezone import beijing_date


def day_key(district, dispute_type, day):
    return f"{district}|{dispute_type}|{day}"


def day_keys(district, dispute_type, last_day, days):
    """The keys of the ``days`` days up to and including ``last_day``."""
    return [day_key(district, dispute_type, last_day - timedelta(days=n)) for n in range(days)]


@indexer(ICase)
def district_type_day(case):
    if case.received is None or not case.district or not case.dispute_types:
        raise AttributeError("no day, district or dispute type to count")
    day = beijing_date(case.received)
    return [day_key(case.district, dispute_type, day) for dispute_type in case.dispute_types]
