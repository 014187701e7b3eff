"""The case register: reference numbers and where a new case is stored.

Layout: /cases/<district>/<yyyy-mm>/<reference>. Reference numbers come from a per-year
``BTrees.Length`` counter, whose concurrent increments merge instead of conflicting; the
reference is then claimed in an OOBTree, where two transactions claiming the same number do
conflict, so one of them is retried with a fresh number and no number is ever given twice.
"""

from BTrees.Length import Length
from BTrees.OOBTree import OOBTree
from datetime import datetime
from plone import api
from plone.dexterity.utils import createContentInContainer
from Acquisition import aq_base
from zoneinfo import ZoneInfo


REGISTER_ID = "cases"
TIMEZONE = "Asia/Shanghai"


def get_register():
    return api.portal.get()[REGISTER_ID]


def now():
    """The present moment in the site's time zone, as Plone stores datetimes."""
    return datetime.now(ZoneInfo(TIMEZONE))


def _counter(register, year):
    counters = getattr(aq_base(register), "_reference_counters", None)
    if counters is None:
        counters = register._reference_counters = OOBTree()
    if year not in counters:
        counters[year] = Length()
    return counters[year]


def _claimed(register):
    claimed = getattr(aq_base(register), "_claimed_references", None)
    if claimed is None:
        claimed = register._claimed_references = OOBTree()
    return claimed


def next_reference(register, year):
    """Claim the next reference number of ``year``, e.g. SZ-2026-000123."""
    pattern = api.portal.get_registry_record("suizhou.laborrights.statutory.reference_pattern")
    counter = _counter(register, year)
    claimed = _claimed(register)
    while True:
        counter.change(1)
        reference = pattern.format(year=year, number=counter())
        if reference not in claimed:
            return reference


def _bin(container, bin_id, title):
    if bin_id not in container:
        createContentInContainer(container, "CaseFolder", id=bin_id, title=title, checkConstraints=False)
    return container[bin_id]


def case_path(reference):
    """The register-relative path of a case, or None when the reference is unknown."""
    return _claimed(get_register()).get(reference)


def find_case(reference):
    """The case with this reference number (unrestricted; callers check access), or None."""
    path = case_path(reference)
    if path is None:
        return None
    return get_register().unrestrictedTraverse(path, None)


def create_case(received=None, **data):
    """Register a new case from schema field values; returns the case.

    ``data`` must contain ``district``; everything else is set as given. The caller runs in a
    transaction: if anything fails afterwards, the case and its number go with it.
    """
    register = get_register()
    received = received or now()
    reference = next_reference(register, received.year)
    district_bin = _bin(register, data["district"], data["district"])
    month = f"{received.year}-{received.month:02d}"
    month_bin = _bin(district_bin, month, month)
    with api.env.adopt_roles(["Manager"]):
        case = api.content.create(
            container=month_bin,
            type="Case",
            id=reference,
            safe_id=False,
            received=received,
            **data,
        )
    _claimed(register)[reference] = "/".join((data["district"], month, reference))
    return case
