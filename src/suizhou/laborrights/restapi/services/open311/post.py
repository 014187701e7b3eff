"""GeoReport v2 POST requests: file a case from a service request.

Parameters (form-encoded as GeoReport says, or a JSON object): ``service_code`` (a dispute
type), ``description`` (the facts), ``first_name``/``last_name`` (the applicant), ``phone``,
``address_string`` (where the work is done), ``lat``/``long`` (used for the district when
``attribute[district]`` is not given: that of the nearest station), ``attribute[<code>]`` for
the attributes of ``services/<code>.json``. ``email``, ``device_id``, ``account_id`` and
``media_url`` are not kept; ``api_key`` identifies a known client (``api_keys``, as the
X-Api-Key header does). The filing is a public one (channel ``web``) whoever sends it, with the
same validation, anti-spam rules and limits as POST @cases.
"""

from plone import api
from suizhou.laborrights import _
from suizhou.laborrights.cases import channels
from suizhou.laborrights.cases.filing import file_case
from suizhou.laborrights.cases.filing import FilingError
from suizhou.laborrights.content.case import ICase
from suizhou.laborrights.geo import haversine_km
from suizhou.laborrights.geo import parse_point
from suizhou.laborrights.i18n import zh
from suizhou.laborrights.restapi import contract
from suizhou.laborrights.restapi import filing_limits
from suizhou.laborrights.restapi.errors import ApiError
from suizhou.laborrights.restapi.errors import bad_parameter
from suizhou.laborrights.restapi.errors import bad_request
from suizhou.laborrights.restapi.services.open311.get import ATTRIBUTES
from suizhou.laborrights.restapi.services.open311.get import SERVICE_NOTICE
from suizhou.laborrights.restapi.terms import Terms


STANDARD = {
    "description": "facts",
    "phone": "applicant_phone",
    "address_string": "employer_address",
}
IGNORED = ("email", "device_id", "account_id", "media_url", "api_key", "jurisdiction_id")
OPEN311_NAMES = dict(
    {field: name for name, field in STANDARD.items()},
    applicant_name="last_name",
    dispute_types="service_code",
    **{field: f"attribute[{code}]" for code, field, _type, _required in ATTRIBUTES},
)
TRUE, FALSE = ("true", "1", "yes", "on", "是"), ("false", "0", "no", "off", "否")


def parameters(request):
    """The request's parameters as {name: str}, from a form or a JSON object."""
    contract.check_size(request)
    content_type = (request.getHeader("Content-Type") or "").split(";")[0].strip().lower()
    if content_type == "application/json":
        data = contract.parse_json(request.get("BODY") or b"")
        if not isinstance(data, dict):
            raise contract.malformed_json()
        attributes = data.pop("attribute", None) or {}
        if isinstance(attributes, dict):
            data.update({f"attribute[{key}]": value for key, value in attributes.items()})
    else:
        data = dict(request.form)
    params = {}
    for name, value in data.items():
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        elif isinstance(value, bool):
            value = "true" if value else "false"
        if value is not None and not isinstance(value, str):
            raise bad_parameter(name)
        params[name] = (value or "").strip()
    return params


def nearest_district(lat, lon):
    """The district of the published station nearest to (lat, lon), or None."""
    best = None
    for brain in api.content.find(portal_type="ServiceStation", review_state="published"):
        station = brain.getObject()
        if station.latitude is None or station.longitude is None:
            continue
        distance = haversine_km(lat, lon, station.latitude, station.longitude)
        if best is None or distance < best[0]:
            best = (distance, station.district)
    return best[1] if best else None


def case_fields(params):
    """ICase field values from GeoReport parameters, and {parameter: message} of bad ones."""
    fields, errors = {}, {}
    attribute_fields = {f"attribute[{code}]": field for code, field, _type, _required in ATTRIBUTES}
    for name, value in params.items():
        if name in (contract.HONEYPOT, "service_code", "first_name", "last_name", "lat", "long"):
            continue
        if name in IGNORED or not value:
            continue
        field_name = STANDARD.get(name) or attribute_fields.get(name)
        if field_name is None:
            errors[name] = contract.MSG_UNKNOWN
            continue
        field = ICase[field_name]
        if field_name == "applicant_gig_worker":
            if value.lower() not in TRUE + FALSE:
                errors[name] = _("open311_error_boolean", default="请填写 true 或 false。")
                continue
            fields[field_name] = value.lower() in TRUE
            continue
        try:
            converted = contract.coerce(field, value)
        except ValueError:
            errors[name] = contract.wrong_type(field)
            continue
        if converted not in (None, []):
            fields[field_name] = converted

    service_code = params.get("service_code", "")
    if not service_code:
        errors["service_code"] = _("open311_error_service_code_missing", default="请填写服务代码（service_code）。")
    elif service_code not in Terms().titles("dispute_types"):
        errors["service_code"] = _("open311_error_service_code", default="没有这个服务代码，请查看 services.json。")
    else:
        fields["dispute_types"] = [service_code]

    name = (params.get("last_name", "") + params.get("first_name", "")).strip()
    if name:
        fields["applicant_name"] = name

    if "district" not in fields and (params.get("lat") or params.get("long")):
        try:
            lat, lon = parse_point(f"{params.get('lat')},{params.get('long')}", "lat")
        except ApiError as error:
            errors.update(error.fields)
        else:
            district = nearest_district(lat, lon)
            if district:
                fields["district"] = district
    return fields, errors


def create_service_request(view, resource_id):
    params = parameters(view.request)
    # GeoReport's own api_key parameter (or the X-Api-Key header): a known client's budget;
    # without a key, anonymous callers: rate limits, challenge.
    filing_limits.check(view.request, params, key=params.pop("api_key", ""))
    contract.check_honeypot(params)
    fields, errors = case_fields(params)
    try:
        case = file_case(fields, filer=channels.PUBLIC, refuse=bool(errors))
    except FilingError as error:
        raise bad_request(contract.contract_errors(error.errors, refused=errors, names=OPEN311_NAMES)) from None
    filing_limits.filed(view.request)
    return [
        {
            "service_request_id": case.getId(),
            "service_notice": zh(SERVICE_NOTICE),
            "account_id": None,
        }
    ], 201
