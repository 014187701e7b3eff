"""GET <case>/@case-timeline: who did what to a case, when and why (staff only).

``workflow``: the workflow history (each transition with its actor, time, comment and the
state it led to); ``history``: the case's handling record (``handling.history``: routing,
mediation sessions, clocks, notices …), oldest first.
"""

from datetime import date
from datetime import datetime
from decimal import Decimal
from plone import api
from suizhou.laborrights import _
from suizhou.laborrights.handling import history
from suizhou.laborrights.i18n import zh
from suizhou.laborrights.restapi.citizen import public_status
from suizhou.laborrights.restapi.errors import unauthorized_or_forbidden
from suizhou.laborrights.restapi.service import JsonService
from suizhou.laborrights.timezone import w3c


REGISTERED = _("timeline_registered", default="登记")


def jsonable(value):
    if isinstance(value, (datetime, date)):
        return w3c(value)
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (list, tuple)):
        return [jsonable(item) for item in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


class Actors:
    """User ids with their full names, looked up once each."""

    def __init__(self):
        self._names = {}

    def __call__(self, user_id):
        if user_id not in self._names:
            user = api.user.get(userid=user_id) if user_id else None
            self._names[user_id] = (user.getProperty("fullname") or None) if user else None
        return self._names[user_id]


class CaseTimelineGet(JsonService):
    def answer(self):
        self.no_store()
        case = self.context
        if not api.user.has_permission("View", obj=case):
            raise unauthorized_or_forbidden()
        actors = Actors()
        return {
            "@id": f"{case.absolute_url()}/@case-timeline",
            "reference": case.getId(),
            "review_state": api.content.get_state(case),
            "status": public_status(case),
            "workflow": self.workflow(case, actors),
            "history": self.history(case, actors),
        }

    def workflow(self, case, actors):
        tool = api.portal.get_tool("portal_workflow")
        items = []
        for workflow in tool.getWorkflowsFor(case):
            for entry in case.workflow_history.get(workflow.getId(), ()):
                action, state = entry.get("action"), entry.get("review_state")
                transition = workflow.transitions.get(action) if action else None
                state_def = workflow.states.get(state) if state else None
                items.append(
                    {
                        "time": w3c(entry["time"]),
                        "action": action,
                        "action_title": transition.title if transition else zh(REGISTERED),
                        "review_state": state,
                        "state_title": state_def.title if state_def else state,
                        "actor": entry.get("actor"),
                        "actor_fullname": actors(entry.get("actor")),
                        "comments": entry.get("comments") or "",
                    }
                )
        return items

    def history(self, case, actors):
        return [
            {
                "time": w3c(entry.when),
                "action": entry.action,
                "action_title": zh(history.action_title(entry.action)),
                "actor": entry.actor,
                "actor_fullname": actors(entry.actor),
                "comments": entry.comment,
                "details": {str(name): jsonable(value) for name, value in entry.details},
            }
            for entry in history.entries(case)
        ]
