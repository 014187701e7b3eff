"""What a filer or applicant may learn about a case: its receipt and its progress.

No names, numbers or facts: the reference, the citizen-facing status (``status.citizen_status``)
and where to follow it. Lookups go through ``lookup.Guard`` (budgets of failed lookups, then
the challenge: a 429 ``ChallengeRequired`` answer that carries the question).
"""

from plone import api
from suizhou.laborrights import _
from suizhou.laborrights.cases import timeline
from suizhou.laborrights.cases.lookup import ChallengeRequired
from suizhou.laborrights.cases.lookup import citizen_status
from suizhou.laborrights.cases.lookup import Guard
from suizhou.laborrights.i18n import zh
from suizhou.laborrights.restapi.errors import ApiError
from suizhou.laborrights.restapi.errors import not_found
from suizhou.laborrights.timezone import w3c
from urllib.parse import urlencode


NOT_FOUND = _(
    "api_error_case_not_found",
    default="没有找到相符的事项：请核对受理编号和申请时填写的手机号码。",
)


def public_status(case):
    """``citizen_status`` with its labels in Chinese."""
    status = citizen_status(case)
    for key in ("status_title", "stage"):
        status[key] = zh(status[key]) if status[key] is not None else None
    return status


def public_progress(case):
    """``public_status`` with the case's steps (``cases.timeline``, times in Beijing time), the
    handling unit's public contact and the running statutory clock's due date: the answer of
    ``@case-status`` to the applicant."""
    progress = public_status(case)
    progress["steps"] = [dict(step, time=w3c(step["time"])) for step in timeline.steps(case)]
    progress["unit"] = timeline.handling_unit(case)
    clock = timeline.due(case) if progress["status"] != "closed" else None
    progress["due"] = dict(clock, due=w3c(clock["due"])) if clock else None
    return progress


def status_url(reference):
    portal_url = api.portal.get().absolute_url()
    return f"{portal_url}/@case-status?{urlencode({'reference': reference})}"


def receipt(case):
    """The answer to a filing."""
    status = public_status(case)
    return {
        "reference": status["reference"],
        "status_url": status_url(status["reference"]),
        "status": status["status"],
        "status_title": status["status_title"],
        "received": status["received"],
    }


class ChallengeError(ApiError):
    """429 ``ChallengeRequired``: the error carries ``challenge: {question, token}``; the client
    repeats its request with ``challenge_token`` and ``challenge_answer``."""

    def __init__(self, required, message=None):
        super().__init__(429, "ChallengeRequired", message or required.message)
        self.challenge = {"question": required.question, "token": required.token}

    def body(self):
        body = super().body()
        body["error"]["challenge"] = self.challenge
        return body


def guard(request, data=None):
    """The request's lookup guard; the challenge answer is read from ``data`` (a JSON body)
    or the request's parameters."""
    data = request.form if data is None else data
    token, answer = data.get("challenge_token"), data.get("challenge_answer")
    return Guard(
        request.getClientAddr(),
        token if isinstance(token, str) else None,
        str(answer) if isinstance(answer, (str, int)) and not isinstance(answer, bool) else None,
    )


def lookup_or_raise(request, reference, phone, lookups=None):
    """The case of ``reference`` if ``phone`` is its applicant's, else an ApiError (404, or
    429 with a challenge). ``lookups``: the request's ``guard`` when it looks up several."""
    try:
        case = (lookups or guard(request)).lookup(reference, phone)
    except ChallengeRequired as required:
        raise ChallengeError(required) from None
    if case is None:
        raise not_found(NOT_FOUND)
    return case
