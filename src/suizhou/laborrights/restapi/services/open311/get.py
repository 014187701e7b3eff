"""GeoReport v2 reads: discovery, services (the dispute types), service requests (cases).

Who sees what: a service request is shown in full (with its description) only to staff who may
view the case; its applicant sees the citizen status after giving the phone number of the
filing (``phone`` parameter, as on the progress page: budgets of failed lookups, then the
challenge; one generic 404). Anyone else gets nothing: an empty list, or 404 for one request.
"""

from plone import api
from suizhou.laborrights import _
from suizhou.laborrights.cases.lookup import ChallengeRequired
from suizhou.laborrights.cases.register import find_case
from suizhou.laborrights.content.case import ICase
from suizhou.laborrights.i18n import zh
from suizhou.laborrights.restapi.citizen import ChallengeError
from suizhou.laborrights.restapi.citizen import guard
from suizhou.laborrights.restapi.citizen import lookup_or_raise
from suizhou.laborrights.restapi.citizen import public_status
from suizhou.laborrights.restapi.errors import bad_parameter
from suizhou.laborrights.restapi.errors import bad_request
from suizhou.laborrights.restapi.errors import not_found
from suizhou.laborrights.restapi.service import PUBLIC_MAX_AGE
from suizhou.laborrights.restapi.terms import Terms
from suizhou.laborrights.timezone import beijing
from suizhou.laborrights.timezone import w3c

import datetime


CHANGESET = "2026-01-01T00:00:00+08:00"  # when this description of the endpoint last changed
SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"
MAX_REQUESTS = 1000  # as GeoReport suggests
DEFAULT_DAYS = 90
# GeoReport status -> review states of a case.
STATES = {"open": ("registered", "routed", "in_progress"), "closed": ("closed", "rejected", "withdrawn")}
GROUP = _("open311_group", default="劳动保障维权")
SERVICE_NOTICE = _(
    "open311_service_notice",
    default="请凭受理编号和申请时填写的手机号码查询办理进度。",
)
# Attributes of every service: (code, ICase field, GeoReport datatype, required).
ATTRIBUTES = (
    ("district", "district", "singlevaluelist", True),
    ("id_number", "applicant_id_number", "string", False),
    ("gig_worker", "applicant_gig_worker", "singlevaluelist", False),
    ("employer_name", "employer_name", "string", False),
    ("employer_credit_code", "employer_credit_code", "string", False),
    ("employer_contact", "employer_contact", "string", False),
    ("employer_phone", "employer_phone", "string", False),
    ("claim_amount", "claim_amount", "number", False),
    ("workers_involved", "workers_involved", "number", False),
    ("request", "request", "text", False),
    ("station", "station", "string", False),
)
BOOLEAN_VALUES = (("true", _("open311_yes", default="是")), ("false", _("open311_no", default="否")))


def _public(view):
    view.cache_control = f"public, max-age={PUBLIC_MAX_AGE}"


def discovery(view, resource_id):
    _public(view)
    contact = api.portal.get_registry_record("plone.email_from_address", default=None) or ""
    return {
        "changeset": CHANGESET,
        "contact": f"{api.portal.get_registry_record('plone.site_title', default='')} {contact}".strip(),
        "key_service": zh(
            _(
                "open311_key_service",
                default="已知客户端可向平台管理员申请接口密钥（api_key 参数或请求头 X-Api-Key），按密钥的限额受理；"
                "不带密钥的提交按匿名提交的限额受理。12345 热线对接请使用 REST API。",
            )
        ),
        "endpoints": [
            {
                "specification": SPECIFICATION,
                "url": view.base_url(),
                "changeset": CHANGESET,
                "type": "production",
                "formats": ["application/json", "text/xml"],
            }
        ],
    }, 200


def services(view, resource_id):
    _public(view)
    terms = Terms()
    return [
        {
            "service_code": code,
            "service_name": title,
            "description": zh(
                _("open311_service_description", default="${title}方面的劳动保障维权事项",
                  mapping={"title": title})
            ),
            "metadata": True,
            "type": "realtime",
            "keywords": ",".join((zh(GROUP), title)),
            "group": zh(GROUP),
        }
        for code, title in terms.titles("dispute_types").items()
    ], 200


def service_definition(view, code):
    terms = Terms()
    if code not in terms.titles("dispute_types"):
        raise not_found()
    _public(view)
    attributes = []
    for order, (attribute, field_name, datatype, required) in enumerate(ATTRIBUTES, start=1):
        field = ICase[field_name]
        item = {
            "variable": True,
            "code": attribute,
            "datatype": datatype,
            "required": required,
            "datatype_description": zh(field.title),
            "order": order,
            "description": zh(field.description or field.title),
        }
        if attribute == "district":
            item["values"] = [{"key": key, "name": name} for key, name in terms.titles("districts").items()]
        elif attribute == "gig_worker":
            item["values"] = [{"key": key, "name": zh(name)} for key, name in BOOLEAN_VALUES]
        attributes.append(item)
    return {"service_code": code, "attributes": attributes}, 200


def service_request(view, reference):
    """One case: in full for staff who may view it, the citizen status for its applicant."""
    case = find_case(reference.upper())
    if case is not None and api.user.has_permission("View", obj=case):
        return [serialize(case, staff=True)], 200
    phone = view.request.form.get("phone")
    if not isinstance(phone, str) or not phone.strip():
        raise not_found()
    return [serialize(lookup_or_raise(view.request, reference, phone), staff=False)], 200


def service_requests(view, resource_id):
    """Staff: the cases they may view, filtered as GeoReport says. Applicants: the cases of
    ``service_request_id`` that match ``phone``. Anyone else: an empty list."""
    form = view.request.form
    references = [ref.strip().upper() for ref in _param(form, "service_request_id").split(",") if ref.strip()]
    phone = _param(form, "phone")
    if references and phone:
        return _applicant_requests(view, references, phone), 200
    if api.user.is_anonymous():
        return [], 200
    query = {"portal_type": "Case", "sort_on": "received", "sort_order": "descending"}
    if references:
        query["getId"] = references
    service_code = _param(form, "service_code")
    if service_code:
        query["dispute_types"] = service_code.split(",")
    status = _param(form, "status")
    if status:
        if status not in STATES:
            raise bad_request({"status": _("open311_error_status", default="状态只能是 open 或 closed。")})
        query["review_state"] = STATES[status]
    start, end = _date(form, "start_date"), _date(form, "end_date")
    if not references:
        if start is None and end is None:
            start = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(days=DEFAULT_DAYS)
        if start is not None and end is not None:
            query["received"] = {"query": (start, end), "range": "min:max"}
        elif start is not None:
            query["received"] = {"query": start, "range": "min"}
        else:
            query["received"] = {"query": end, "range": "max"}
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog(**query)[:MAX_REQUESTS]
    return [serialize(brain.getObject(), staff=True) for brain in brains], 200


def _applicant_requests(view, references, phone):
    """Each reference is one lookup, counted and stepped up on its own."""
    found, lookups = [], guard(view.request)
    for reference in references[:10]:
        try:
            case = lookups.lookup(reference, phone)
        except ChallengeRequired as required:
            raise ChallengeError(required) from None
        if case is not None:
            found.append(serialize(case, staff=False))
    return found


def _param(form, name):
    value = form.get(name) or ""
    if not isinstance(value, str):
        raise bad_parameter(name)
    return value.strip()


def _date(form, name):
    value = _param(form, name)
    if not value:
        return None
    try:
        moment = datetime.datetime.fromisoformat(value.replace(" ", "+"))
    except ValueError:
        raise bad_request(
            {name: _("open311_error_date", default="日期时间应为 ISO 8601 格式，如 2026-03-01T00:00:00+08:00。")}
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.timezone(datetime.timedelta(hours=8)))
    return moment


def _last_change(case):
    """The latest of the workflow's changes, never before the request was received."""
    times = [beijing(entry["time"]) for entries in (case.workflow_history or {}).values() for entry in entries]
    times += [beijing(case.received)] if case.received else []
    return w3c(max(times)) if times else None


def _unit_title(uid):
    if not uid:
        return None
    brains = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(UID=uid)
    return brains[0].Title if brains else None


def serialize(case, staff):
    """A case as a GeoReport service request; the description (the facts) for staff only."""
    terms = Terms()
    status = public_status(case)
    notes = status["status_title"]
    if status["stage"]:
        notes += f"（{status['stage']}）"
    if status["outcome"]:
        notes += f"：{status['outcome']}"
    service_code = (case.dispute_types or [None])[0]
    return {
        "service_request_id": case.getId(),
        "status": "closed" if status["status"] == "closed" else "open",
        "status_notes": notes,
        "service_name": terms.titles("dispute_types").get(service_code, service_code),
        "service_code": service_code,
        "description": case.facts if staff else None,
        "agency_responsible": _unit_title(case.assigned_unit),
        "service_notice": zh(SERVICE_NOTICE),
        "requested_datetime": status["received"],
        "updated_datetime": _last_change(case),
        "expected_datetime": None,
        "address": terms.titles("districts").get(case.district, case.district),
        "address_id": None,
        "zipcode": None,
        "lat": None,
        "long": None,
        "media_url": None,
    }
