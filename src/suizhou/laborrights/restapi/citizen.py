"""What a filer or applicant may learn about a case: its receipt and its progress.

No names, numbers or facts: the reference, the citizen-facing status (``status.citizen_status``)
and where to follow it. Lookups go through ``status.checked_lookup`` (throttled).
"""

from plone import api
from suizhou.laborrights import _
from suizhou.laborrights.i18n import zh
from suizhou.laborrights.restapi.errors import not_found
from suizhou.laborrights.restapi.errors import too_many_requests
from suizhou.laborrights.cases.lookup import Refused
from suizhou.laborrights.cases.lookup import checked_lookup
from suizhou.laborrights.cases.lookup import citizen_status
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


def lookup_or_raise(request, reference, phone):
    """The case of ``reference`` if ``phone`` is its applicant's, else an ApiError (404/429)."""
    try:
        case = checked_lookup(reference, phone, request.getClientAddr())
    except Refused as refused:
        raise too_many_requests(refused.retry_after) from None
    if case is None:
        raise not_found(NOT_FOUND)
    return case
