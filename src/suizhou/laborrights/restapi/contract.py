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
    body = request.get("BODY") or b""
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise bad_request(
            message=_("api_error_malformed_json", default="提交的内容不是有效的 JSON。"),
            type_="MalformedJSON",
        ) from None
    if not isinstance(data, dict):
        raise bad_request(
            message=_("api_error_json_object", default="提交的内容应为一个 JSON 对象。"),
            type_="MalformedJSON",
        )
    return data


def check_size(request):
    length = request.getHeader("Content-Length")
    body = request.get("BODY") or b""
    try:
        too_big = int(length or 0) > MAX_BODY_BYTES or len(body) > MAX_BODY_BYTES
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
