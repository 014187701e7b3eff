"""Every staff request that reads a case is in the access log, whatever view serves it.

One subscriber to the publisher's ``IPubSuccess`` (the request was answered and its transaction
committed) records an authenticated request whose traversal passed through a case — the case
page, ``@@edit``, a handling form, an evidence file's ``@@download``/``@@display-file``, an
issued document, the receipt and registration PDFs, the partner hand-over page, the REST
serialisation (``GET ++api++/cases/…``) and ``@case-timeline`` — and the cases a REST search gives
out (``@search?fullobjects=1``, noted by ``restapi.case_reading``), with the case and the address
after it (``page``), so a new view is covered without being remembered. Only a 2xx answer is
a reading: a refused or failed request read nothing, a redirect leads to the page that is the
reading, and a conflict retried is recorded once, by the attempt that succeeded. What the
subscriber cannot know (a search's terms, an export) is recorded by the view itself with
``log.record_access``, and a request recorded that way is not recorded again here.

Anonymous requests are not recorded: the applicant reading their own case (reference + phone)
and the employer's reply link are the data subjects themselves, behind their own throttles and
one-time codes, and an anonymous line could not say who read.
"""

from Acquisition import aq_chain
from plone.rest.interfaces import IAPIRequest
from suizhou.laborrights import logger
from suizhou.laborrights.audit import log
from suizhou.laborrights.content.case import ICase

import re


# What a browser shows as a page; any other answer (PDF, Word, images, a file) is a download.
SERVICE = re.compile(r"^[A-Z]+_[a-z]+_[a-z0-9.+-]+_")
PAGE_TYPES = ("text/html", "application/json", "application/xhtml+xml", "text/plain")
BULK = "_suizhou_laborrights_read_in_bulk"


def case_of(request):
    """The case the request traversed to or through, or None: in the acquisition chain of what
    was published (a view, a REST service) or of the last object traversed."""
    for published in (request.get("PUBLISHED"), *(request.get("PARENTS") or ())[:1]):
        for item in aq_chain(published):
            if ICase.providedBy(item):
                return item
    return None


def page_of(request, case):
    """The address after the case (``@@edit``, ``evidence-1/@@download/file``; "" for its page),
    marked ``REST GET`` etc. for the REST API."""
    steps = list(getattr(request, "steps", ()) or ())
    reference = case.getId()
    after = steps[len(steps) - steps[::-1].index(reference) :] if reference in steps else []
    if IAPIRequest.providedBy(request):
        return rest_page(request, after)
    return "/".join(step for step in after if step not in ("view", "@@view"))


def rest_page(request, steps):
    """``REST GET @search`` etc.: the method and the service's steps (plone.rest names its
    services "GET_application_json_<endpoint>")."""
    page = "/".join(SERVICE.sub("", step) for step in steps if SERVICE.sub("", step))
    return f"REST {request.get('REQUEST_METHOD', 'GET')} {page}".rstrip()


def kind_of(response):
    content_type = (response.getHeader("Content-Type") or "text/html").split(";")[0].strip().lower()
    disposition = (response.getHeader("Content-Disposition") or "").lower()
    if disposition.startswith("attachment") or content_type not in PAGE_TYPES:
        return "download"
    return "view"


def record_case_request(event):
    try:
        _record(event.request)
    except Exception:
        # after the commit: an error here would turn a page already answered into an error page
        logger.exception("access log: request not recorded: %s", event.request.get("ACTUAL_URL", ""))


def read_in_bulk(request, reference, page):
    """Note a case the request gives out without traversing it (``restapi.case_reading``):
    recorded here with the rest, once the request succeeded."""
    bulk = vars(request).setdefault(BULK, [])  # not getattr: it would fall back to the form
    if (reference, page) not in bulk:
        bulk.append((reference, page))


def _record(request):
    if log.recorded(request):
        return  # the view recorded this request itself
    case = case_of(request)
    bulk = vars(request).get(BULK, ())
    if (case is None and not bulk) or log.anonymous():
        return
    response = request.response
    if not 200 <= response.getStatus() < 300:
        return  # refused, failed, or a redirect: the page it leads to is the reading
    if case is not None:
        log.record_access(request, kind_of(response), case=case, page=page_of(request, case))
    for reference, page in bulk:
        if case is None or reference != case.getId():
            log.record_access(request, "view", case=reference, page=page)
