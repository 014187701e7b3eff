"""The citizen's view of a case: looked up by reference number + phone, nothing else personal.

Used by the public progress page and the REST/Open311 status endpoints alike. Wrong guesses
are counted per client and per reference (``LookupThrottle``): after a few, the next try must
wait, and after many the lookup is refused for a while (HTTP 429).
"""

from plone import api
from suizhou.laborrights import _
from suizhou.laborrights.cases.register import find_case
from suizhou.laborrights.validators import normalize_phone
from suizhou.laborrights.vocabularies import title_of
from zope.i18n import translate

import hmac
import threading
import time


# review_state -> (status code, citizen-facing label)
STATES = {
    "registered": ("registered", _("status_registered", default="已登记")),
    "routed": ("in_progress", _("status_in_progress", default="办理中")),
    "in_progress": ("in_progress", _("status_in_progress", default="办理中")),
    "closed": ("closed", _("status_closed", default="已办结")),
    "rejected": ("closed", _("status_closed", default="已办结")),
    "withdrawn": ("closed", _("status_closed", default="已办结")),
}
# the outcome of a case ended by a transition rather than by a recorded outcome
OUTCOME_OF_STATE = {"rejected": "not_accepted", "withdrawn": "withdrawn"}
# route -> what "办理中" means for the citizen
STAGES = {
    "mediation": _("stage_mediation", default="调解中"),
    "arbitration": _("stage_arbitration", default="仲裁中"),
    "inspection": _("stage_inspection", default="监察中"),
}


def _translate(message):
    return translate(message, context=api.env.getRequest())


def lookup(reference, phone):
    """The case if both the reference and the applicant's phone match, else None."""
    case = find_case((reference or "").strip().upper())
    if case is None or not phone:
        return None
    expected = normalize_phone(case.applicant_phone).encode()
    if not hmac.compare_digest(expected, normalize_phone(phone).encode()):
        return None
    return case


def citizen_status(case):
    """What the applicant may see: no names, numbers or facts."""
    state = api.content.get_state(case)
    code, label = STATES.get(state, STATES["registered"])
    outcome = None
    if code == "closed":
        outcome = title_of("outcomes", case.outcome or OUTCOME_OF_STATE.get(state, ""))
    stage = STAGES.get(case.route) if code == "in_progress" else None
    return {
        "reference": case.getId(),
        "status": code,
        "status_title": _translate(label),
        "stage": _translate(stage) if stage else None,
        "received": case.received.isoformat() if case.received else None,
        "closed": case.closed.isoformat() if case.closed else None,
        "outcome": outcome,
    }


class Refused(Exception):
    """Too many failed lookups: ``retry_after`` seconds until the next try is heard."""

    def __init__(self, retry_after):
        super().__init__(retry_after)
        self.retry_after = retry_after


class LookupThrottle:
    """Failed lookups per key (client address, reference) in a sliding window, in memory.

    Up to ``free`` failures cost nothing; each further one doubles the wait before the next
    try (2, 4, 8 … seconds); at ``limit`` failures the key is refused until the window ends.
    Per Zope process: behind several instances each counts its own share.
    """

    def __init__(self, free=3, limit=10, window=900, clock=time.monotonic):
        self.free, self.limit, self.window, self.clock = free, limit, window, clock
        self._failures = {}
        self._lock = threading.Lock()

    def _recent(self, key, now):
        failures = [t for t in self._failures.get(key, ()) if now - t < self.window]
        self._failures[key] = failures
        return failures

    def check(self, *keys):
        """Raise Refused if any key must wait."""
        now = self.clock()
        with self._lock:
            for key in keys:
                failures = self._recent(key, now)
                if len(failures) >= self.limit:
                    raise Refused(int(failures[0] + self.window - now) + 1)
                if len(failures) > self.free:
                    wait = 2 ** (len(failures) - self.free) - (now - failures[-1])
                    if wait > 0:
                        raise Refused(int(wait) + 1)

    def failed(self, *keys):
        now = self.clock()
        with self._lock:
            for key in keys:
                self._recent(key, now).append(now)

    def reset(self):
        with self._lock:
            self._failures.clear()


throttle = LookupThrottle()


def checked_lookup(reference, phone, client):
    """``lookup`` behind the throttle: raises Refused, returns the case or None."""
    keys = (f"client:{client}", f"reference:{(reference or '').strip().upper()}")
    throttle.check(*keys)
    case = lookup(reference, phone)
    if case is None:
        throttle.failed(*keys)
    return case
