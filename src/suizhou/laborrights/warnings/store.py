"""The warnings: persistent records in an annotation of the site, never content.

Being no content, a warning is in no catalog, search, sitemap, feed or REST listing; it is read
only through the ``@@warnings`` pages, which show it to the city and to the administrators of
its districts (``access``). An open warning is found again by its rule and subject (``key``):
a new finding on the same subject extends it instead of raising a second one.

``RiskWarning`` and ``WarningStore`` are stored by dotted name: never rename or move them.
"""

from BTrees.IOBTree import IOBTree
from BTrees.Length import Length
from BTrees.OOBTree import OOBTree
from persistent import Persistent
from persistent.list import PersistentList
from plone import api
from suizhou.laborrights.cases.register import now
from zope.annotation.interfaces import IAnnotations

import collections


ANNOTATION_KEY = "suizhou.laborrights.warnings"
SEVERITY = {"yellow": 1, "orange": 2, "red": 3}
STATES = ("open", "handling", "closed")
# transition -> (states it leaves, state it reaches)
TRANSITIONS = {
    "handle": (("open",), "handling"),
    "close": (("open", "handling"), "closed"),
}

# The rules whose warnings are about one employer (their key is the employer's).
EMPLOYER_RULES = ("collective", "employer", "amount", "risk_list")
# What a rule found: ``cases`` is a list of (uid, reference, district, workers).
Finding = collections.namedtuple("Finding", ("rule", "key", "level", "subject", "cases"))


class RiskWarning(Persistent):
    """One warning: its rule and subject, level, the cases it rests on, state and notes."""

    def __init__(self, warning_id, finding):
        self.id = warning_id
        self.rule = finding.rule
        self.key = finding.key
        self.level = finding.level
        self.subject = finding.subject
        self.cases = OOBTree()  # uid -> (reference, district, workers)
        self.raised = self.updated = now()
        self.state = "open"
        self.notes = PersistentList()  # dicts: time, user, text, transition
        self.closed_by = self.closed_at = None
        self.notified = False

    @property
    def districts(self):
        return sorted({district for _reference, district, _workers in self.cases.values()})

    @property
    def workers(self):
        return sum(workers or 0 for _reference, _district, workers in self.cases.values())

    @property
    def is_open(self):
        return self.state != "closed"

    def merge(self, finding):
        """Add the finding's cases and raise the level if it is higher; True if anything changed."""
        changed = False
        for uid, reference, district, workers in finding.cases:
            if self.cases.get(uid) != (reference, district, workers):
                self.cases[uid] = (reference, district, workers)
                changed = True
        if SEVERITY[finding.level] > SEVERITY[self.level]:
            self.level = finding.level
            changed = True
        if changed:
            self.updated = now()
        return changed

    def add_note(self, user, text, transition=None):
        self.notes.append({"time": now(), "user": user, "text": text, "transition": transition})


class WarningStore(Persistent):
    def __init__(self):
        self.warnings = IOBTree()
        self.open_keys = OOBTree()  # (rule, key) -> id of the open warning
        self.last_id = Length()
        self.closed_employers = OOBTree()  # employer key -> id of its last closed warning

    def get(self, warning_id):
        return self.warnings.get(warning_id)

    def open_warning(self, rule, key):
        warning_id = self.open_keys.get((rule, key))
        return self.warnings.get(warning_id) if warning_id is not None else None

    def record(self, finding):
        """(warning, created): the open warning of the finding's rule and key, extended by it,
        or a new one. Nothing is written when the open warning already holds it all."""
        warning = self.open_warning(finding.rule, finding.key)
        if warning is not None:
            warning.merge(finding)
            return warning, False
        self.last_id.change(1)
        warning = RiskWarning(self.last_id(), finding)
        warning.merge(finding)
        self.warnings[warning.id] = warning
        self.open_keys[(finding.rule, finding.key)] = warning.id
        return warning, True

    def transition(self, warning, transition, user, note=""):
        sources, target = TRANSITIONS[transition]
        if warning.state not in sources:
            raise ValueError(transition)
        warning.state = target
        warning.add_note(user, note, transition)
        if target == "closed":
            warning.closed_by, warning.closed_at = user, now()
            if self.open_keys.get((warning.rule, warning.key)) == warning.id:
                del self.open_keys[(warning.rule, warning.key)]
            if warning.rule in EMPLOYER_RULES:
                self.closed_employers[warning.key] = warning.id

    def warned_before(self, employer_key):
        """Whether a warning on this employer was handled and closed (it is on the risk list)."""
        return employer_key in self.closed_employers

    def all(self):
        return list(reversed(self.warnings.values()))


def get_store(create=False):
    """The site's store, or None when no warning was ever raised (and ``create`` is False)."""
    annotations = IAnnotations(api.portal.get())
    store = annotations.get(ANNOTATION_KEY)
    if store is None and create:
        store = annotations[ANNOTATION_KEY] = WarningStore()
    return store
