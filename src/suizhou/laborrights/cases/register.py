"""The case register: reference numbers and where a new case is stored.

Layout: /cases/<district>/<yyyy-mm>/<reference> in unordered BTree folders. Reference numbers
come from a per-year sequence taken in a transaction of its own (see
``_take_number_in_own_transaction``); ``_claimed_references`` maps each reference to its path,
``_hotline_tickets`` each 12345 ticket number to the reference of the case filed for it.
"""

from Acquisition import aq_base
from BTrees.OOBTree import OOBTree
from datetime import datetime
from plone import api
from plone.dexterity.utils import createContentInContainer
from suizhou.laborrights.cases.own_transaction import in_own_transaction
from suizhou.laborrights.cases.serial import take_turn
from suizhou.laborrights.content.case_folder import LargeBucketTree
from suizhou.laborrights.folders import REGISTER_ID
from suizhou.laborrights.settings import setting
from suizhou.laborrights.timezone import TIMEZONE

import pytz


def get_register():
    return api.portal.get()[REGISTER_ID]


def now():
    """The present moment in the site's time zone (pytz: ZODB can pickle it, zoneinfo not)."""
    return datetime.now(pytz.timezone(TIMEZONE))


def _sequences(register):
    sequences = getattr(aq_base(register), "_reference_sequences", None)
    if sequences is None:
        sequences = register._reference_sequences = OOBTree()
    return sequences


def _claimed(register):
    claimed = getattr(aq_base(register), "_claimed_references", None)
    if claimed is None:
        claimed = register._claimed_references = LargeBucketTree()
    return claimed


def _tickets(register, create=True):
    tickets = getattr(aq_base(register), "_hotline_tickets", None)
    if tickets is None and create:
        tickets = register._hotline_tickets = OOBTree()
    return tickets


def _take_number(sequences, year):
    number = sequences.get(year, 0) + 1
    sequences[year] = number
    return number


def _take_number_in_own_transaction(register, year):
    """Take the next number like a database sequence (``in_own_transaction``): the filing
    itself never conflicts on its number, and a filing that aborts leaves a gap, never a
    duplicate. Returns None while the register is not committed yet (e.g. during site creation).
    """

    def take(committed_register):
        sequences = getattr(committed_register, "_reference_sequences", None)
        return None if sequences is None else _take_number(sequences, year)

    return in_own_transaction(register, take)


def next_reference(register, year):
    """The next reference number of ``year``, e.g. SZ-2026-000123."""
    pattern = setting("statutory", "reference_pattern")
    claimed = _claimed(register)
    while True:
        number = _take_number_in_own_transaction(register, year)
        if number is None:
            number = _take_number(_sequences(register), year)
        reference = pattern.format(year=year, number=number)
        if reference not in claimed:
            return reference


def _bin(container, bin_id, title):
    if bin_id not in container:
        createContentInContainer(container, "CaseFolder", id=bin_id, title=title, checkConstraints=False)
    return container[bin_id]


def case_path(reference):
    """The register-relative path of a case, or None when the reference is unknown."""
    return _claimed(get_register()).get(reference)


def case_for_ticket(ticket):
    """The reference of the case filed for this 12345 ticket number, or None."""
    tickets = _tickets(get_register(), create=False)
    return tickets.get(ticket) if tickets is not None and ticket else None


def find_case(reference):
    """The case with this reference number (unrestricted; callers check access), or None."""
    path = case_path(reference)
    if path is None:
        return None
    return get_register().unrestrictedTraverse(path, None)


def create_case(received=None, **data):
    """Register a new case from schema field values; returns the case.

    Not an entry point: every filing goes through ``filing.file_case``, which checks the
    channel rules and the schema first (only the benchmarks of the raw register call this).

    ``data`` must contain ``district``; everything else is set as given. The caller runs in a
    transaction: if anything fails afterwards, the case and its number go with it. Filings of
    one process take turns (``serial.take_turn``), so they do not conflict with each other.
    """
    take_turn()
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
    ticket = data.get("hotline_ticket")
    if ticket:
        # The first case of a ticket keeps it. Two transactions filing the same new ticket
        # both insert this key: the second one conflicts, is retried and finds the first.
        tickets = _tickets(register)
        if ticket not in tickets:
            tickets[ticket] = reference
    return case


def prepare_register(register):
    """Create the register's number sequences, reference and ticket maps (at install)."""
    _sequences(register)
    _claimed(register)
    _tickets(register)
