"""What happens around the workflow of a case, whichever way a transition is made (the
handling forms, the toolbar's state menu, the REST API, code):

- before: the transition's required data (a unit to route to, a reason to re-route or to
  send back) — else ``Refused`` with a message (closing without an outcome is refused by
  the closure form of the intake part);
- after: the history entry, the assignment's local roles, the stage clocks, and the events
  of ``events.py``.
"""

from Acquisition import aq_base
from plone import api
from suizhou.laborrights import _
from suizhou.laborrights.cases.register import now
from suizhou.laborrights.handling import assignment
from suizhou.laborrights.handling import clocks
from suizhou.laborrights.handling import events
from suizhou.laborrights.handling import mediation
from suizhou.laborrights.handling import periods
from suizhou.laborrights.handling.errors import Refused
from suizhou.laborrights.handling.history import record
from zope.container.interfaces import IContainerModifiedEvent
from zope.event import notify
from zope.globalrequest import getRequest


# Field changes already recorded (with their old values) by the case edit form.
RECORDED_KEY = "suizhou.laborrights.handling.recorded"
ASSIGNMENT_FIELDS = ("assigned_unit", "handler", "copy_units")
ENDED_STATES = {"closed": None, "rejected": "not_accepted", "withdrawn": "withdrawn"}


def _comment(event):
    return ((event.kwargs or {}).get("comment") or "").strip()


def _transition_id(event):
    return event.transition.getId() if event.transition is not None else None


# --- guards ---------------------------------------------------------------------------------


def check_transition(case, event):
    """IBeforeTransitionEvent: refuse a transition without its required data."""
    transition = _transition_id(event)
    comment = _comment(event)
    if transition == "route":
        assignment.check_unit(getattr(aq_base(case), "assigned_unit", None))
        if (event.old_state.getId() != "registered" or assignment.was_routed(case)) and not comment:
            raise Refused(
                _("refused_reroute_needs_reason", default="改派或重新分办须说明理由。")
            )
    elif transition == "send_back" and not comment:
        raise Refused(_("refused_send_back_needs_reason", default="退回须说明理由。"))
    elif transition == "reject" and not comment:
        raise Refused(_("refused_reject_needs_reason", default="不予受理须选择理由。"))


# --- after a transition -------------------------------------------------------------------


def transition_done(case, event):
    """IAfterTransitionEvent: history, local roles, clocks and events."""
    transition = _transition_id(event)
    if transition is None:
        return  # the initial state of a new case
    comment = _comment(event)
    if transition == "route":
        assignment.applied(case, comment)
        return
    reason_code = (event.kwargs or {}).get("reason_code")
    record(
        case,
        transition,
        comment,
        from_state=event.old_state.getId(),
        to_state=event.new_state.getId(),
        **({"reason_code": reason_code} if reason_code else {}),
    )
    new_state = event.new_state.getId()
    if transition == "send_back":
        assignment.cleared(case, comment)
    elif transition == "accept":
        running = clocks.current(case)
        if running is not None and periods.STAGES[running.stage].next:
            clocks.advance(case, comment=comment)
        notify(events.CaseAccepted(case))
    elif new_state in ENDED_STATES:
        if not getattr(aq_base(case), "outcome", None) and ENDED_STATES[new_state]:
            case.outcome = ENDED_STATES[new_state]
        if getattr(aq_base(case), "closed", None) is None:
            case.closed = now()
        clocks.stop(case, comment=comment)
        case.reindexObject()
        notify(events.CaseClosed(case, case.outcome))
    elif transition == "reopen":
        case.closed = None
        case.reindexObject()


# --- other changes ------------------------------------------------------------------------


def case_added(case, event):
    record(case, "registered", "", channel=case.channel, station=case.station)


def _changed_fields(event):
    names = []
    for description in getattr(event, "descriptions", ()) or ():
        names.extend(getattr(description, "attributes", ()) or ())
    return [name.split(".")[-1] for name in names]


def mark_recorded(request, case):
    """The edit form recorded this case's field changes itself (old and new values)."""
    if request is not None:
        recorded = request.other.setdefault(RECORDED_KEY, set())
        recorded.add(case.UID())


def case_modified(case, event):
    """IObjectModifiedEvent of a case (edit form, REST PATCH …): history; local roles follow
    a changed assignment."""
    if IContainerModifiedEvent.providedBy(event):
        return  # an attachment or session was added or removed
    names = _changed_fields(event)
    request = getRequest()
    already = request is not None and case.UID() in request.other.get(RECORDED_KEY, ())
    if names and not already:
        changes = tuple((name, None, getattr(case, name, None)) for name in names)
        record(case, "edit", "", changes=changes)
    if set(names) & set(ASSIGNMENT_FIELDS):
        previous = getattr(aq_base(case), "_handling_assignment", (None, None, ()))
        if (
            api.content.get_state(case) in assignment.ROUTED_STATES
            and previous != assignment.assignment(case)
        ):
            assignment.applied(case, "", action="assign")


def station_saved(station, event):
    """Every station has its staff group (``unit_staff_<UID>``), titled after it."""
    assignment.ensure_unit_group(station)


def session_added(session, event):
    mediation.session_recorded(session)


def session_modified(session, event):
    mediation.session_recorded(session, edited=True)
