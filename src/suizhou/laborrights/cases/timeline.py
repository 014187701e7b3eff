"""The story of a case as its applicant may read it: steps, the handling unit's contact.

Built from the case's history (``handling.history``) but never from its comments, actors or
fields: a step says what happened and when, which unit the case went to (a public service
station), and for a mediation session its date, place (the address of the unit handling the
case then: sessions record no place of their own) and result — no mediator, no parties. The
contact is what the station directory publishes anyway (address, phones, hours).
"""

from suizhou.laborrights import _
from suizhou.laborrights.content.mediation_session import RESULTS
from suizhou.laborrights.handling import assignment
from suizhou.laborrights.handling import clocks
from suizhou.laborrights.handling import history
from suizhou.laborrights.i18n import zh
from suizhou.laborrights.vocabularies import title_of


# history action -> what the applicant reads; actions not listed stay internal
STEPS = {
    "registered": _("citizen_step_registered", default="登记申请"),
    "route": _("citizen_step_routed", default="分办至承办单位"),
    "reroute": _("citizen_step_rerouted", default="改由其他单位承办"),
    "send_back": _("citizen_step_sent_back", default="退回重新分办"),
    "accept": _("citizen_step_accepted", default="受理，开始办理"),
    "mediation_session": _("citizen_step_mediation_session", default="调解"),
    "transfer": _("citizen_step_transfer", default="转入仲裁程序"),
    "close": _("citizen_step_closed", default="办结"),
    "reject": _("citizen_step_rejected", default="不予受理"),
    "withdraw": _("citizen_step_withdrawn", default="撤回申请"),
    "reopen": _("citizen_step_reopened", default="重新办理"),
}
ENDINGS = ("close", "reject", "withdraw")


def unit_contact(uid):
    """A station's public contact: ``{"title", "address", "phones", "opening_hours"}``."""
    station = assignment.station(uid)
    if station is None:
        return None
    return {
        "title": assignment.unit_title(uid),
        "address": station.address or "",
        "phones": list(station.phones or ()),
        "opening_hours": station.opening_hours or "",
    }


def handling_unit(case):
    """The contact of the unit handling the case (once routed), else of the station that
    registered it; None when neither is known."""
    routed = assignment.was_routed(case) and case.assigned_unit
    return unit_contact(case.assigned_unit if routed else case.station)


def due(case):
    """The running statutory clock: ``{"stage": its title, "due": date, "paused": bool}``,
    or None when no clock runs."""
    clock = clocks.current(case)
    if clock is None:
        return None
    state = clocks.status(clock)
    return {"stage": zh(state.title), "due": state.due, "paused": state.paused}


def steps(case):
    """The applicant's steps, oldest first: ``{"step", "title", "time", …}`` with ``unit``
    (routing), ``place`` and ``result`` (mediation session), ``outcome`` (the last ending); times
    are stored datetimes (callers show them in Beijing time)."""
    found, unit, sessions = [], case.station, {}
    for entry in history.entries(case):
        if entry.action not in STEPS:
            continue
        details = dict(entry.details)
        step = {"step": entry.action, "title": zh(STEPS[entry.action]), "time": entry.when}
        if entry.action == "registered":
            step["time"] = case.received or entry.when  # a desk filing may be entered later
        elif entry.action in ("route", "reroute"):
            unit = details.get("unit") or unit
            step["unit"] = assignment.unit_title(unit) if assignment.station(unit) else ""
        elif entry.action == "mediation_session":
            step["time"] = details.get("session_date") or entry.when
            place = unit_contact(unit)
            step["place"] = f"{place['title']}（{place['address']}）" if place else ""
            step["result"] = zh(dict(RESULTS).get(details.get("result"), ""))
            if details.get("session") in sessions:  # an edited session: one step, as now
                found[sessions[details["session"]]] = step
                continue
            sessions[details.get("session")] = len(found)
        found.append(step)
    if case.received and not any(step["step"] == "registered" for step in found):
        # cases registered before the history recorded registrations
        found.insert(0, {"step": "registered", "title": zh(STEPS["registered"]), "time": case.received})
    if found and found[-1]["step"] in ENDINGS and case.outcome:  # the outcome of the last ending
        found[-1]["outcome"] = title_of("outcomes", case.outcome)
    return found
