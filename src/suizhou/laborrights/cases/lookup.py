"""The citizen's view of a case: looked up by reference number + phone, nothing else personal.

Used by the public progress page and the REST/Open311 status endpoints alike. Failed lookups
are counted per reference, per phone number and per client, shared by every instance
(``Guard``): over a budget the next lookup must first solve the local challenge; nobody is
ever locked out, and a correct reference and phone are never refused for others' errors.
"""

from plone import api
from suizhou.laborrights import _
from suizhou.laborrights.cases import counters
from suizhou.laborrights.cases.register import find_case
from suizhou.laborrights.forms import challenge
from suizhou.laborrights.forms import signing
from suizhou.laborrights.i18n import zh
from suizhou.laborrights.timezone import w3c
from suizhou.laborrights.validators import normalize_phone
from suizhou.laborrights.vocabularies import title_of

import hmac


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
# Budgets of failed lookups: (counter kind, failures heard without a challenge, window seconds).
CLIENT = ("lookup-client", 20, 15 * 60)
REFERENCE = ("lookup-reference", 5, 60 * 60)
PHONE = ("lookup-phone", 5, 24 * 60 * 60)
STEP_UP = _(
    "lookup_challenge_required",
    default="查询次数较多，为保护申请人信息，请先回答验证问题后再查询。",
)
WRONG_ANSWER = _(
    "lookup_challenge_wrong",
    default="验证问题回答错误或已过期，请回答新的验证问题后再查询。",
)


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
        "status_title": zh(label),
        "stage": zh(stage) if stage else None,
        "received": w3c(case.received),
        "closed": w3c(case.closed),
        "outcome": outcome,
    }


class ChallengeRequired(Exception):
    """A budget is used up: the lookup is heard once the challenge (``question``) is solved.

    ``wrong``: a challenge was answered, but wrongly, after it expired or a second time."""

    def __init__(self, question, token, wrong=False):
        super().__init__(question)
        self.question, self.token, self.wrong = question, token, wrong

    @property
    def message(self):
        return WRONG_ANSWER if self.wrong else STEP_UP


class Guard:
    """The lookups of one request, behind the budgets of failed lookups.

    Failures are counted per reference, per phone number (a keyed hash of it, never the
    number) and per client (``request.getClientAddr()``: behind the trusted proxy the
    address it forwards) in the shared counters (``cases.counters``). While any of the three
    is over its budget, a lookup is heard only with a solved challenge (one solved challenge
    for one lookup); otherwise it is heard at once. Only failures are written.
    """

    def __init__(self, client, token=None, answer=None):
        self.client, self.token, self.answer = client or "", token, answer
        self.failed = {}  # failures recorded by this request (not yet in its snapshot)

    def keys(self, reference, phone):
        return (
            (CLIENT, self.client),
            (REFERENCE, reference),
            (PHONE, signing.digest("lookup-phone", normalize_phone(phone))),
        )

    def over_budget(self, keys):
        for (kind, budget, window), value in keys:
            key = f"{kind}:{value}"
            if len(counters.recent(key, window)) + self.failed.get(key, 0) >= budget:
                return True
        return False

    def lookup(self, reference, phone):
        """The case if reference and phone match, else None; raises ChallengeRequired."""
        reference = (reference or "").strip().upper()
        keys = self.keys(reference, phone or "")
        if self.over_budget(keys):
            token, answer, self.token, self.answer = self.token, self.answer, None, None
            if not (token and challenge.solve(token, answer)):
                raise ChallengeRequired(*challenge.new_question(), wrong=bool(token or answer))
        case = lookup(reference, phone)
        if case is None:
            events = [(f"{kind}:{value}", window, budget) for (kind, budget, window), value in keys]
            counters.record(events)
            for key, _window, _budget in events:
                self.failed[key] = self.failed.get(key, 0) + 1
        return case


def checked_lookup(reference, phone, client, token=None, answer=None):
    """One ``Guard(client, token, answer).lookup``: raises ChallengeRequired, returns the
    case or None."""
    return Guard(client, token, answer).lookup(reference, phone)
