"""Routing (分办): who handles a case, and the local roles that follow.

A handling unit is a ServiceStation; its staff are the members of the unit's group
``unit_staff_<station UID>`` (created with the station). Routing gives the unit's group and
the handler the local role ``CaseHandler`` on the case, and the copy units' groups
``Reader``; re-routing and sending back take them away again (``_handling_grants`` keeps
what the assignment gave, so roles given by hand through sharing stay).

``route()`` is what the routing form, the batch reassignment of the worklists and other
code call; the workflow subscribers (``subscribers.py``) do the rest whichever way a
transition is made (form, toolbar, REST API).
"""

from Acquisition import aq_base
from plone import api
from suizhou.laborrights import _
from suizhou.laborrights.cases.register import now
from suizhou.laborrights.handling import clocks
from suizhou.laborrights.handling import events
from suizhou.laborrights.handling import periods
from suizhou.laborrights.handling.errors import Refused
from suizhou.laborrights.handling.history import entries
from suizhou.laborrights.handling.history import record
from suizhou.laborrights.vocabularies import registry_terms
from suizhou.laborrights.vocabularies import title_of
from zope.event import notify


UNIT_GROUP_PREFIX = "unit_staff_"
HANDLER_ROLE = "CaseHandler"
COPY_ROLE = "Reader"
MANAGED_ROLES = (HANDLER_ROLE, COPY_ROLE)
# States in which a case has been routed: the assignment's local roles apply.
ROUTED_STATES = ("routed", "in_progress", "closed", "rejected", "withdrawn")
OPEN_STATES = ("registered", "routed", "in_progress")
# Groups whose members may be chosen as handler, besides the units' staff.
STAFF_GROUPS = ("handlers", "mediators", "arbitrators")


def unit_group_id(uid):
    return f"{UNIT_GROUP_PREFIX}{uid}"


def station(uid):
    """The ServiceStation with this UID (whatever the user may see), or None."""
    if not uid:
        return None
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(UID=uid, portal_type="ServiceStation")
    return brains[0]._unrestrictedGetObject() if brains else None


def unit_title(uid):
    found = station(uid)
    if found is None:
        return uid or ""
    districts = dict(registry_terms("districts"))
    return f"{districts.get(found.district, found.district or '')} · {found.Title()}"


def ensure_unit_group(unit):
    """The staff group of a station (a station object or its UID), created when missing."""
    if isinstance(unit, str):
        uid, unit = unit, station(unit)
    else:
        uid = unit.UID()
    group_id = unit_group_id(uid)
    title = f"{unit.Title()}工作人员" if unit is not None else group_id
    group = api.group.get(groupname=group_id)
    if group is None:
        api.group.create(groupname=group_id, title=title)
    elif unit is not None and group.getProperty("title") != title:
        group.setGroupProperties({"title": title})
    return group_id


def units_of(user=None):
    """UIDs of the stations whose staff group the user (default: current) is in."""
    user = user or api.user.get_current()
    if user is None or api.user.is_anonymous():
        return []
    groups = user.getGroups() if hasattr(user, "getGroups") else []
    return sorted(g[len(UNIT_GROUP_PREFIX):] for g in groups if g.startswith(UNIT_GROUP_PREFIX))


def was_routed(case):
    """True once the case has been routed (even if sent back since)."""
    return any(entry.action in ("route", "reroute") for entry in entries(case))


def assignment(case):
    return (
        getattr(aq_base(case), "assigned_unit", None),
        getattr(aq_base(case), "handler", None),
        tuple(getattr(aq_base(case), "copy_units", None) or ()),
    )


def sync_local_roles(case):
    """Give the assigned unit, handler and copy units their local roles, and take back the
    ones given for an earlier assignment. Before routing (and after sending back) the
    assignment gives none. Roles granted by hand (sharing) are left alone."""
    unit, handler, copies = assignment(case)
    wanted = {}
    if api.content.get_state(case) in ROUTED_STATES:
        for copy in copies:
            if copy and copy != unit:
                wanted.setdefault(ensure_unit_group(copy), set()).add(COPY_ROLE)
        if unit:
            wanted.setdefault(ensure_unit_group(unit), set()).add(HANDLER_ROLE)
        if handler:
            wanted.setdefault(handler, set()).add(HANDLER_ROLE)
    granted = dict(getattr(aq_base(case), "_handling_grants", None) or {})
    current = dict(case.get_local_roles())
    changed = False
    for principal in set(granted) | set(wanted):
        roles = set(current.get(principal, ()))
        new = (roles - set(granted.get(principal, ()))) | wanted.get(principal, set())
        if new == roles:
            continue
        changed = True
        if new:
            case.manage_setLocalRoles(principal, sorted(new))
        else:
            case.manage_delLocalRoles([principal])
    case._handling_grants = {principal: tuple(sorted(roles)) for principal, roles in wanted.items()}
    if changed:
        case.reindexObjectSecurity()
    return changed


def check_unit(unit):
    if not unit:
        raise Refused(_("refused_route_needs_unit", default="分办须选择承办单位。"))
    if station(unit) is None:
        raise Refused(_("refused_unknown_unit", default="所选承办单位不存在，请重新选择。"))


def check_handler(handler):
    if handler and api.user.get(userid=handler) is None:
        raise Refused(
            _(
                "refused_unknown_handler",
                default="承办人“${handler}”不是本平台的用户。",
                mapping={"handler": handler},
            )
        )


def check_route(route):
    if route and route not in dict(registry_terms("routes")):
        raise Refused(_("refused_unknown_route", default="分办去向无效。"))


def applied(case, comment="", action=None, when=None):
    """After the assignment fields changed (by routing or otherwise): local roles, routing
    time, the route's clock, history and ``CaseRouted``. Called by the subscribers."""
    previous = getattr(aq_base(case), "_handling_assignment", (None, None, ()))
    unit, handler, copies = assignment(case)
    if action is None:
        action = "reroute" if was_routed(case) else "route"
    if action in ("route", "reroute") and _routing_time_is_stale(case):
        case.routed = when or now()
    sync_local_roles(case)
    record(
        case,
        action,
        comment,
        unit=unit,
        unit_title=unit_title(unit),
        handler=handler,
        copy_units=copies,
        route=case.route,
        previous_unit=previous[0],
        previous_handler=previous[1],
    )
    _follow_route_with_clock(case, comment)
    case._handling_assignment = (unit, handler, copies)
    case.reindexObject()
    notify(
        events.CaseRouted(
            case,
            unit,
            handler,
            reason=comment,
            route=case.route,
            previous_unit=previous[0],
            previous_handler=previous[1],
            copy_units=copies,
        )
    )


def _routing_time_is_stale(case):
    """No routing time yet, or the one of an earlier routing (the caller did not set it)."""
    if case.routed is None:
        return True
    for entry in reversed(entries(case)):
        if entry.action in ("route", "reroute"):
            try:
                return case.routed <= entry.when
            except TypeError:  # a naive time set from outside
                return True
    return False


def _follow_route_with_clock(case, comment):
    """The route's first stage starts its clock, unless a stage of that route runs already."""
    running = clocks.current(case)
    stage = periods.ROUTE_STAGES.get(case.route)
    if running is not None and periods.STAGE_ROUTES.get(running.stage) == case.route:
        return
    if stage is None:
        if running is not None:
            clocks.stop(case, comment=comment)
        return
    clocks.start(case, stage, when=case.routed, comment=comment, since=periods.route_start(case))


def cleared(case, comment=""):
    """After sending back: the unit and handler let go of the case."""
    unit = getattr(aq_base(case), "assigned_unit", None)
    case.assigned_unit = None
    case.handler = None
    case.copy_units = []
    sync_local_roles(case)
    case._handling_assignment = (None, None, ())
    case.reindexObject()
    notify(events.CaseSentBack(case, unit, comment))


def can_reroute(case):
    """May the current user move the case to another unit (the workflow's guard)?"""
    wf = api.portal.get_tool("portal_workflow")
    return any(t["id"] == "route" for t in wf.getTransitionsFor(case))


def route(case, unit, handler=None, route=None, copy_units=(), reason="", triage=None, when=None):
    """Route, re-route or re-assign a case; returns the action recorded.

    - first routing (registered, never routed): ``unit`` required; the ``route`` transition;
    - after routing (or sent back): a ``reason`` is required; another unit is the ``route``
      transition again (the new unit accepts it); the same unit with another handler or
      other copy units is an assignment without transition (the unit's own staff may do it).

    ``triage``: {"collective_dispute": bool, "fast_track": bool, "final_award": bool}, as
    confirmed by the clerk; ``when``: the routing time (default now; e.g. a paper file
    registered afterwards). Refused with a message when data is missing or not allowed.
    """
    reason = (reason or "").strip()
    handler = (handler or "").strip() or None
    copy_units = tuple(u for u in (copy_units or ()) if u and u != unit)
    check_unit(unit)
    check_handler(handler)
    check_route(route)
    state = api.content.get_state(case)
    if state not in OPEN_STATES:
        raise Refused(_("refused_case_finished", default="该事项已办结，不能分办。"))
    if not api.user.has_permission("Modify portal content", obj=case):
        raise Refused(_("refused_no_permission", default="您没有办理该事项的权限。"))
    rerouting = state != "registered" or was_routed(case)
    if rerouting and not reason:
        raise Refused(_("refused_reroute_needs_reason", default="改派或重新分办须说明理由。"))
    route_changes = bool(route) and route != case.route
    same_unit = (
        state != "registered"
        and unit == getattr(aq_base(case), "assigned_unit", None)
        and not route_changes
    )
    if not same_unit and not can_reroute(case):
        raise Refused(
            _(
                "refused_reroute_not_allowed",
                default="只有受理员和上级管理员可以将事项分办或改派到其他单位；"
                "承办单位可将事项退回并说明理由。",
            )
        )
    case.assigned_unit = unit
    case.handler = handler
    case.copy_units = list(copy_units)
    if route:
        case.route = route
    for name, value in (triage or {}).items():
        if name in ("collective_dispute", "fast_track", "final_award"):
            setattr(case, name, bool(value))
    if triage:
        record(case, "triage", "", **{k: bool(v) for k, v in triage.items()})
    if same_unit:
        applied(case, reason, action="assign")
        return "assign"
    case.routed = when or now()
    api.content.transition(obj=case, transition="route", comment=reason)
    return "reroute" if rerouting else "route"


def send_back(case, reason):
    """The unit returns the case to the intake desk (退回), saying why."""
    if not (reason or "").strip():
        raise Refused(_("refused_send_back_needs_reason", default="退回须说明理由。"))
    api.content.transition(obj=case, transition="send_back", comment=reason.strip())


def staff_users():
    """(user id, name) of everybody who may handle cases: units' staff and staff groups."""
    portal_groups = api.portal.get_tool("portal_groups")
    group_ids = [g for g in portal_groups.getGroupIds() if g.startswith(UNIT_GROUP_PREFIX)]
    group_ids += [g for g in STAFF_GROUPS if portal_groups.getGroupById(g) is not None]
    seen = {}
    for group_id in group_ids:
        for user in api.user.get_users(groupname=group_id):
            seen[user.getId()] = user.getProperty("fullname") or user.getId()
    return sorted(seen.items())


def handler_title(userid):
    if not userid:
        return ""
    user = api.user.get(userid=userid)
    if user is None:
        return userid
    return user.getProperty("fullname") or userid


def route_title(code):
    return title_of("routes", code) if code else ""
