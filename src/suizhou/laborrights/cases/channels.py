"""The channel and 12345-ticket rules of a filing, and who may register a case in which district.

Written once, applied by ``filing.file_case`` to every way a case comes in. Who files decides
which rules apply (``filer``):

- ``PUBLIC``: the applicant online (the web forms, Open311, POST @cases by someone who may not
  register cases in the district): the channel is "web" or "mini-program" (default "web"), no
  12345 ticket;
- ``STAFF``: an intake clerk, the 12345 integration account or an administrator (POST @cases,
  the add form, ``file_case`` by default): any channel; a 12345 matter needs its ticket, one
  case per ticket; only in a district the filer may register in. The 12345 integration account
  itself (``hotline_account``) files only 12345 tickets: channel "hotline_12345" (its default),
  never a public filing (Open311);
- ``DESK``: the intake desk and the oral application: the staff rules, never an online
  channel (what the applicant files online is not typed in at the desk), and a ticket number
  only on a 12345 matter.

For everyone: the time received is not in the future, the station is in the chosen district.
"""

from datetime import datetime
from plone import api
from suizhou.laborrights import _
from suizhou.laborrights.cases.register import case_for_ticket
from suizhou.laborrights.cases.register import find_case
from suizhou.laborrights.cases.register import get_register
from suizhou.laborrights.cases.register import now
from suizhou.laborrights.handling.assignment import station as find_station
from suizhou.laborrights.i18n import zh
from suizhou.laborrights.vocabularies import registry_terms

import re


PUBLIC, STAFF, DESK = "public", "staff", "desk"
PUBLIC_CHANNELS = ("web", "mini_program")  # filed by the applicant, never typed in at the desk
DEFAULT_PUBLIC_CHANNEL = "web"
HOTLINE_CHANNEL = "hotline_12345"
TICKET = re.compile(r"^[0-9A-Za-z_-]{1,64}$")
ADD_CASE = "suizhou.laborrights: Add Case"
HOTLINE_PERMISSION = "suizhou.laborrights: Use hotline integration"

MSG_TICKET_REQUIRED = _("api_error_ticket_required", default="12345热线转来的事项请填写工单号。")
MSG_TICKET_FORMAT = _("api_error_ticket_format", default="工单号只能包含字母、数字、“-”和“_”，不超过64位。")
MSG_TICKET_NOT_ALLOWED = _("api_error_ticket_not_allowed", default="工单号只能由12345热线对接账号或受理员填写。")
MSG_TICKET_CHANNEL = _("desk_error_ticket_channel", default="只有受理渠道为“12345热线”的事项才填写工单号。")
MSG_PUBLIC_CHANNEL = _("api_error_public_channel", default="网上提交的受理渠道只能是“网站”或“小程序”。")
MSG_ONLINE_AT_DESK = _(
    "desk_error_online_channel",
    default="网站和小程序的申请由申请人自行提交，受理台请选择窗口、电话、12345热线或转办。",
)
MSG_HOTLINE_ONLY = _(
    "api_error_hotline_channel_only",
    default="12345热线对接账号只能登记受理渠道为“12345热线”的工单（channel 填 hotline_12345 并填写工单号）。",
)
MSG_DISTRICT = _("desk_error_district", default="您没有为该区县登记事项的权限，请选择您所在的区县。")
MSG_FUTURE = _("desk_error_received_future", default="受理时间不能晚于当前时间。")
MSG_STATION = _("desk_error_station_district", default="受理场所不在所选区县，请核对。")


def ticket_taken(ticket, reference):
    """Names the case filed for the ticket only to a user who may see that case."""
    case = find_case(reference)
    if case is None or not api.user.has_permission("View", obj=case):
        return _(
            "desk_error_ticket_taken_elsewhere",
            default="12345工单号“${ticket}”已登记，同一工单不能重复登记。",
            mapping={"ticket": ticket},
        )
    return _(
        "desk_error_ticket_taken",
        default="12345工单号“${ticket}”已登记为事项${reference}，同一工单不能重复登记。",
        mapping={"ticket": ticket, "reference": reference},
    )


def may_register(district=None):
    """May the current user register cases in ``district`` (an intake clerk there or above, or
    the 12345 integration account)? Without a district: in any district at all."""
    if api.user.has_permission(HOTLINE_PERMISSION, obj=api.portal.get()):
        return True
    return may_add_case(district)


def hotline_account():
    """Is the current user the 12345 integration account: it may use the hotline integration
    but register no case as a clerk? (Administrators have both and keep every channel.)"""
    return api.user.has_permission(HOTLINE_PERMISSION, obj=api.portal.get()) and not may_add_case()


def hotline_may_see(case):
    """The 12345 integration account learns of a case (its reference, its citizen status) only
    when it is one of its tickets: the case carries a 12345 ticket number."""
    return bool(getattr(case, "hotline_ticket", None))


def may_add_case(district=None):
    """May the current user add cases as a clerk in ``district`` (without one: anywhere)?"""
    register = get_register()
    if district is None:
        places = [register] + [register.get(code) for code, _title in registry_terms("districts")]
    else:
        place = register.get(district) if isinstance(district, str) and district else None
        places = [register if place is None else place]
    return any(api.user.has_permission(ADD_CASE, obj=place) for place in places if place is not None)


def filer_for(district):
    """POST @cases: who may register cases in the district files as staff, others as the public."""
    return STAFF if may_register(district) else PUBLIC


def problems(fields, filer=STAFF):
    """{field name: Chinese message} of what the channel rules refuse in ``fields``.

    Sets the channel the filer gets when none is given: "web" for the public, "12345" for a
    staff filing with a ticket and for the 12345 integration account.
    """
    found = {}
    ticket = fields.get("hotline_ticket")
    district = fields.get("district")
    known_district = isinstance(district, str) and district in dict(registry_terms("districts"))
    if hotline_account():
        if not fields.get("channel"):
            fields["channel"] = HOTLINE_CHANNEL
        if filer == PUBLIC or fields["channel"] != HOTLINE_CHANNEL:
            found["channel"] = MSG_HOTLINE_ONLY
    if filer == PUBLIC:
        if ticket:
            found["hotline_ticket"] = MSG_TICKET_NOT_ALLOWED
        if fields.setdefault("channel", DEFAULT_PUBLIC_CHANNEL) not in PUBLIC_CHANNELS:
            found.setdefault("channel", MSG_PUBLIC_CHANNEL)
        if found and known_district and may_register() and not may_register(district):
            found["district"] = MSG_DISTRICT  # a clerk asking for a clerk's filing elsewhere
    else:
        if ticket and not fields.get("channel"):
            fields["channel"] = HOTLINE_CHANNEL
        channel = fields.get("channel")
        if filer == DESK and channel in PUBLIC_CHANNELS:
            found["channel"] = MSG_ONLINE_AT_DESK
        if channel == HOTLINE_CHANNEL and not ticket:
            found["hotline_ticket"] = MSG_TICKET_REQUIRED
        elif ticket and filer == DESK and channel != HOTLINE_CHANNEL:
            found["hotline_ticket"] = MSG_TICKET_CHANNEL
        elif ticket and not (isinstance(ticket, str) and TICKET.match(ticket)):
            found["hotline_ticket"] = MSG_TICKET_FORMAT
        elif ticket and case_for_ticket(ticket):
            found["hotline_ticket"] = ticket_taken(ticket, case_for_ticket(ticket))
        if known_district and not may_register(district):
            found["district"] = MSG_DISTRICT
    received = fields.get("received")
    if isinstance(received, datetime) and received.tzinfo is not None and received > now():
        found["received"] = MSG_FUTURE
    station = fields.get("station")
    if isinstance(station, str) and station and known_district:
        if getattr(find_station(station), "district", district) != district:
            found["station"] = MSG_STATION
    return {name: zh(message) for name, message in found.items()}
