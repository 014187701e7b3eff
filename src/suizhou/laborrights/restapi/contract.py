"""The filing contract of ``POST @cases`` (the mini-program is built against it).

The JSON body names the applicant and the employer as nested objects; this module turns it
into ICase field values, checks the JSON types and the anti-spam rules, and names every bad
field as the client sent it (``applicant.phone``), in Chinese. The channel rules and the schema
validation are ``filing.file_case``'s: the same rules as the web form and the intake desk.
"""

from decimal import Decimal
from decimal import InvalidOperation
from suizhou.laborrights import _
from suizhou.laborrights.content.case import ICase
from suizhou.laborrights.i18n import zh
from suizhou.laborrights.restapi.errors import ApiError
from suizhou.laborrights.restapi.errors import bad_request
from zope import schema
from zope.schema import getFieldsInOrder

import datetime
import json
import re


MAX_BODY_BYTES = 64 * 1024
MAX_DEPTH = 20  # arrays and objects inside each other; a filing needs 3
# A field no person sees on the form (hidden by CSS); bots fill it in.
HONEYPOT = "website"

NESTED = {
    "applicant": {
        "name": "applicant_name",
        "id_number": "applicant_id_number",
        "phone": "applicant_phone",
        "address": "applicant_address",
        "gig_worker": "applicant_gig_worker",
    },
    "employer": {
        "name": "employer_name",
        "credit_code": "employer_credit_code",
        "address": "employer_address",
        "contact": "employer_contact",
        "phone": "employer_phone",
    },
}
TOP_LEVEL = (
    "dispute_types",
    "employment_ended",
    "claim_amount",
    "workers_involved",
    "facts",
    "request",
    "district",
    "station",
    "channel",
    "hotline_ticket",
)
# A list of objects {"kind", "amount", "note"}: the rows of ICase.claims.
CLAIMS = "claims"
# ICase field name -> the name in the contract (for error messages).
CONTRACT_NAMES = {name: name for name in TOP_LEVEL + (CLAIMS,)}
for _group, _names in NESTED.items():
    for _key, _field in _names.items():
        CONTRACT_NAMES[_field] = f"{_group}.{_key}"

MSG_UNKNOWN = _("error_unknown_field", default="不支持的字段。")
MSG_OBJECT = _("api_error_object", default="应为对象（JSON object）。")


def wrong_type(field):
    return _(
        "api_error_wrong_type",
        default="“${field}”格式不正确。",
        mapping={"field": zh(field.title)},
    )


def read_json(request):
    """The request's JSON object; ApiError for a non-JSON, oversized or malformed body."""
    content_type = (request.getHeader("Content-Type") or "").split(";")[0].strip().lower()
    if content_type != "application/json":
        raise ApiError(
            415,
            "UnsupportedMediaType",
            _("api_error_media_type", default="请以 JSON 格式提交（Content-Type: application/json）。"),
        )
    check_size(request)
    data = parse_json(request.get("BODY") or b"")
    if not isinstance(data, dict):
        raise bad_request(
            message=_("api_error_json_object", default="提交的内容应为一个 JSON 对象。"),
            type_="MalformedJSON",
        )
    return data


def malformed_json():
    return bad_request(
        message=_("api_error_malformed_json", default="提交的内容不是有效的 JSON。"),
        type_="MalformedJSON",
    )


def nesting_depth(text):
    """How deep arrays and objects nest in JSON ``text`` (brackets inside strings not counted)."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def too_deep():
    return bad_request(
        message=_(
            "api_error_too_deep",
            default="提交的 JSON 嵌套层数过多（不超过 ${depth} 层）。",
            mapping={"depth": MAX_DEPTH},
        ),
        type_="MalformedJSON",
    )


def parse_json(body):
    """The JSON value of a request body (checked by ``check_size`` first); a 400 in Chinese
    when it is not JSON or nests deeper than any filing does (never Python's RecursionError)."""
    try:
        text = body.decode("utf-8") if isinstance(body, bytes) else str(body)
    except UnicodeDecodeError:
        raise malformed_json() from None
    if nesting_depth(text) > MAX_DEPTH:
        raise too_deep()
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        raise malformed_json() from None


def _announced_or_read_length(request):
    """The body's length from Content-Length, without reading it; read (at most one byte over
    the limit) only when no length is given."""
    length = request.getHeader("Content-Length")
    if length:
        return int(length)  # ValueError: not a number
    body = request.get("BODYFILE")
    if body is None:
        return 0
    body.seek(0)
    size = len(body.read(MAX_BODY_BYTES + 1))
    body.seek(0)
    return size


REFUSED_KEY = "suizhou.laborrights.json_refused"
GUARD_DEPTH = 100  # for every JSON body, before PAS reads it (plone.restapi's JWT plugin does)
PUBLIC_ENDPOINTS = ("/@cases", "/@case-status", "/@open311/")


def guard_json_body(site, event):
    """On entering the site (the body is there, nobody has read it yet), before any code reads a
    JSON body (the JWT plugin of
    plone.restapi parses every JSON POST to look for a login, and fails with a 500 on deep
    nesting): a body of the public endpoints over the size limit by its Content-Length, or any
    JSON body nested deeper than ``GUARD_DEPTH``, is set aside unread or unparsed; the service
    answers with the 400 kept for it (``check_size``)."""
    request = event.request
    content_type = (request.getHeader("Content-Type") or "").split(";")[0].strip().lower()
    if content_type != "application/json" or request.get("REQUEST_METHOD") not in ("POST", "PUT", "PATCH"):
        return
    path = request.get("PATH_INFO") or ""
    refused = None
    if any(endpoint in path for endpoint in PUBLIC_ENDPOINTS):
        try:
            check_size(request)
        except ApiError as error:
            refused = error
    if refused is None:
        try:
            if nesting_depth(_head(request)) > GUARD_DEPTH:
                refused = too_deep()
        except ApiError as error:
            refused = error
    if refused is not None:
        request.other[REFUSED_KEY] = refused
        request.other["BODY"] = b""


def _head(request):
    body = request.get("BODYFILE")
    if body is None:
        return ""
    body.seek(0)
    head = body.read(MAX_BODY_BYTES + 1)
    body.seek(0)
    return head.decode("utf-8", "replace")


def check_size(request):
    """Refuse a body over the limit by its Content-Length, before anything reads it."""
    refused = request.get(REFUSED_KEY) if hasattr(request, "other") else None
    if refused is not None:
        raise refused
    try:
        too_big = _announced_or_read_length(request) > MAX_BODY_BYTES
    except ValueError:
        too_big = True
    if too_big:
        raise bad_request(
            message=_(
                "api_error_too_large",
                default="提交的内容过大（不超过 ${kb} KB），请精简事实与理由后重新提交。",
                mapping={"kb": MAX_BODY_BYTES // 1024},
            ),
            type_="RequestTooLarge",
        )


def check_honeypot(data):
    """Bots fill in every field; people never see this one. Refused without saying why."""
    if data.get(HONEYPOT) not in (None, ""):
        raise bad_request(
            message=_("api_error_refused", default="提交未被受理，请通过网站或窗口办理。"),
            type_="Refused",
        )


def coerce(field, value):
    """A JSON value as ``field`` wants it; ValueError if it has the wrong JSON type."""
    if value is None or value == "":
        return None
    if isinstance(field, schema.Bool):
        if isinstance(value, bool):
            return value
        raise ValueError(value)
    if isinstance(field, schema.Int):
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, str) and re.fullmatch(r"\s*\d{1,9}\s*", value):
            return int(value)
        raise ValueError(value)
    if isinstance(field, schema.Decimal):
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            raise ValueError(value)
        try:
            number = Decimal(str(value).strip())
        except InvalidOperation:
            raise ValueError(value) from None
        if not number.is_finite():
            raise ValueError(value)
        return number
    if isinstance(field, schema.Date):  # "2025-08-31"
        if isinstance(value, str) and re.fullmatch(r"\s*\d{4}-\d{2}-\d{2}\s*", value):
            return datetime.date.fromisoformat(value.strip())
        raise ValueError(value)
    if isinstance(field, schema.List):
        if isinstance(value, list) and all(isinstance(item, str) for item in value):
            return [item.strip() for item in value if item.strip()]
        raise ValueError(value)
    if isinstance(value, str):
        value = value.strip()
        if isinstance(field, schema.TextLine) and ("\n" in value or "\r" in value):
            raise ValueError(value)
        return value
    raise ValueError(value)


def case_fields(data):
    """ICase field values from a contract body, and {contract name: message} of bad ones."""
    fields, errors = {}, {}

    def put(name, contract_name, value):
        field = ICase[name]
        try:
            value = coerce(field, value)
        except ValueError:
            errors[contract_name] = wrong_type(field)
            return
        if value not in (None, []):
            fields[name] = value

    for key, value in data.items():
        if key in NESTED:
            if value is None:
                continue
            if not isinstance(value, dict):
                errors[key] = MSG_OBJECT
                continue
            for sub, subvalue in value.items():
                name = NESTED[key].get(sub)
                if name is None:
                    errors[f"{key}.{sub}"] = MSG_UNKNOWN
                else:
                    put(name, f"{key}.{sub}", subvalue)
        elif key in TOP_LEVEL:
            put(key, key, value)
        elif key == CLAIMS:
            rows = claim_rows(value, errors)
            if rows:
                fields[CLAIMS] = rows
        elif key != HONEYPOT:
            errors[key] = MSG_UNKNOWN
    return fields, errors


def claim_rows(value, errors):
    """The rows of ``claims`` from a JSON list of objects; bad ones are named in ``errors``
    (``claims[0].amount``). Every row keeps its place, so that the schema's messages that
    follow name the same rows."""
    if value is None:
        return []
    field = ICase[CLAIMS]
    if not isinstance(value, list):
        errors[CLAIMS] = wrong_type(field)
        return []
    columns = dict(getFieldsInOrder(field.value_type.schema))
    rows = []
    for index, item in enumerate(value):
        name = f"{CLAIMS}[{index}]"
        if not isinstance(item, dict):
            errors[name] = row_message(index, MSG_OBJECT)
            rows.append(None)
            continue
        row = dict.fromkeys(columns)
        for column, subvalue in item.items():
            if column not in columns:
                errors[f"{name}.{column}"] = MSG_UNKNOWN
                continue
            try:
                row[column] = coerce(columns[column], subvalue)
            except ValueError:
                errors[f"{name}.{column}"] = row_message(index, wrong_type(columns[column]))
        rows.append(row)
    return rows


def row_message(index, message):
    return _(
        "api_error_row",
        default="${field}第 ${number} 项，${message}",
        mapping={"field": zh(ICase[CLAIMS].title), "number": index + 1, "message": zh(message)},
    )


def contract_errors(errors, refused=None, names=None):
    """``filing`` errors (ICase names) under the names the client sent, after ``refused``
    ({contract name: message}: the values of the wrong JSON type, whose message is kept)."""
    names = names or CONTRACT_NAMES
    found = dict(refused or {})
    for name, message in errors.items():
        found.setdefault(names.get(name, name), message)
    return found
