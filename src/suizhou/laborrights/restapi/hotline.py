"""12345 hotline integration: which cases' citizen-facing status changed, and when.

The hotline pulls ``GET @hotline-updates?since=…`` instead of being called back. Reading every
12345 case's history on each poll would wake thousands of objects, so each change of a 12345
case's citizen status (``status.citizen_status``: status, stage, outcome) is written down when
it happens, in two B-trees on the register:

- ``_hotline_changes``: (UTC time stamp, reference) -> status code, in time order;
- ``_hotline_last_status``: reference -> the status last written down (to see what changed).

A poll reads the keys after ``since``: a range search. Time stamps are fixed-width UTC strings,
so their text order is their time order. Ticket numbers -> references are kept by the register
(``register.case_for_ticket``).
"""

from Acquisition import aq_base
from BTrees.OOBTree import OOBTree
from datetime import datetime
from datetime import timedelta
from datetime import timezone
from Products.CMFCore.interfaces import IActionWillBeInvokedEvent
from suizhou.laborrights.cases.lookup import citizen_status
from suizhou.laborrights.cases.register import case_path
from suizhou.laborrights.cases.register import get_register
from suizhou.laborrights.timezone import SHANGHAI
from zope.lifecycleevent.interfaces import IObjectCreatedEvent
from zope.lifecycleevent.interfaces import IObjectMovedEvent


CHANGES = "_hotline_changes"
LAST_STATUS = "_hotline_last_status"
INITIAL = ("registered", None, None)
STAMP_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


def stamp(moment):
    """A timezone-aware datetime as a sortable UTC string."""
    return moment.astimezone(timezone.utc).strftime(STAMP_FORMAT)


def from_stamp(value):
    return datetime.strptime(value, STAMP_FORMAT).replace(tzinfo=timezone.utc).astimezone(SHANGHAI)


def utcnow():
    return datetime.now(timezone.utc)


def _tree(register, name, create):
    tree = getattr(aq_base(register), name, None)
    if tree is None and create:
        tree = OOBTree()
        setattr(register, name, tree)
    return tree


def status_key(case):
    status = citizen_status(case)
    return (status["status"], str(status["stage"] or "") or None, status["outcome"])


def record_status_change(case, event):
    """Subscriber (ICase, IObjectEvent): write down a 12345 case's new citizen status."""
    if not getattr(aq_base(case), "hotline_ticket", None):
        return
    if IObjectMovedEvent.providedBy(event) or IObjectCreatedEvent.providedBy(event):
        return  # created, added, moved or removed: not a change of its handling
    if IActionWillBeInvokedEvent.providedBy(event):
        return  # the transition has not happened yet
    reference = case.getId()
    if case_path(reference) is None:
        return  # not (yet) in the register
    register = get_register()
    key = status_key(case)
    last = _tree(register, LAST_STATUS, create=False)
    previous = last.get(reference, INITIAL) if last is not None else INITIAL
    if previous == key:
        return
    _tree(register, LAST_STATUS, create=True)[reference] = key
    _tree(register, CHANGES, create=True)[(stamp(utcnow()), reference)] = key[0]


def changes_since(since, limit):
    """[(reference, last change time)] of the 12345 cases changed at or after ``since``.

    Returns (changes oldest first, the time stamp to continue from if ``limit`` cut them off).
    """
    changes = _tree(get_register(), CHANGES, create=False)
    if changes is None:
        return [], None
    latest = {}
    for changed, reference in changes.keys(min=(stamp(since),)):
        if reference not in latest and len(latest) == limit:
            return _ordered(latest), changed
        latest[reference] = changed
    return _ordered(latest), None


def _ordered(latest):
    items = [(reference, from_stamp(changed)) for reference, changed in latest.items()]
    return sorted(items, key=lambda item: item[1])


def overlap():
    """How far back the next poll should start: a change is stamped before its transaction
    commits, so a poll at that moment cannot see it yet. Repeats are possible, gaps are not."""
    return timedelta(minutes=1)
