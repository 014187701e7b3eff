"""Worklists of the staff (工作台): 待分办, 我的在办, 本单位, 即将到期, 已超期.

Each list is one catalog query (security-filtered: a user only ever sees the cases they may
see) on indexes kept for exactly this (``review_state``, ``handler``, ``assigned_unit``,
``due_date``, ``received`` …); the rows are read from catalog metadata without waking the
cases. Each column the catalog can sort on is sortable (``sort``/``order``); the current list
is exported as CSV or Excel (``worklist_export``). Supervisors and clerks may re-route several
cases at once (batch reassignment).
"""

from AccessControl import Unauthorized
from decimal import Decimal
from decimal import InvalidOperation
from plone import api
from plone.batching import Batch
from plone.memoize import ram
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage
from suizhou.laborrights import _
from suizhou.laborrights.cases.register import get_register
from suizhou.laborrights.handling import assignment
from suizhou.laborrights.handling import periods
from suizhou.laborrights.handling import worklist_export
from suizhou.laborrights.handling.errors import Refused
from suizhou.laborrights.handling.holidays import HolidayCalendar
from suizhou.laborrights.timezone import beijing_date
from suizhou.laborrights.timezone import format_date
from suizhou.laborrights.vocabularies import registry_terms
from suizhou.laborrights.vocabularies import Stations
from urllib.parse import urlencode
from zope.i18n import translate

import datetime
import time


OPEN_STATES = ("registered", "routed", "in_progress")
HANDLING_STATES = ("routed", "in_progress")
TABS = (
    ("unrouted", _("worklist_unrouted", default="待分办")),
    ("mine", _("worklist_mine", default="我的在办")),
    ("unit", _("worklist_unit", default="本单位")),
    ("due_soon", _("worklist_due_soon", default="即将到期")),
    ("overdue", _("worklist_overdue", default="已超期")),
)
PAGE_SIZE = 50
# column -> (sort index, first order); the default is the oldest received first. Dispute types
# (a keyword index) and handlers (not every case has one: the catalog leaves a case without a
# sort value out of a sorted list) are not sortable; due dates only where every case has one.
SORTS = {
    "reference": ("getId", "ascending"),
    "applicant": ("applicant_sort", "ascending"),
    "employer": ("employer_sort", "ascending"),
    "amount": ("amount_sort", "descending"),
    "received": ("received", "ascending"),
    "waiting": ("received", "ascending"),
    "due": ("due_date", "ascending"),
}
DUE_TABS = ("due_soon", "overdue")
NAME_CACHE_SECONDS = 300
ROUTE_PERMISSION = "suizhou.laborrights: Route case"


def tab_query(tab, today=None, user=None):
    """The catalog query of a worklist (without filters)."""
    today = today or periods.today()
    user = user or api.user.get_current()
    query = {"portal_type": "Case"}
    if tab == "unrouted":
        query["review_state"] = "registered"
    elif tab == "mine":
        query.update(handler=user.getId(), review_state=HANDLING_STATES)
    elif tab == "unit":
        query["review_state"] = HANDLING_STATES
        units = assignment.units_of(user)
        if units:
            query["assigned_unit"] = units
    elif tab == "due_soon":
        soon = int(periods.setting("due_soon_days", 3) or 0)
        query.update(
            review_state=OPEN_STATES,
            due_date={"query": (today, today + datetime.timedelta(days=soon)), "range": "min:max"},
        )
    elif tab == "overdue":
        query.update(
            review_state=OPEN_STATES,
            due_date={"query": today - datetime.timedelta(days=1), "range": "max"},
        )
    else:
        raise ValueError(tab)
    return query


def counts(today=None, user=None):
    """{tab: number of cases} for the current user."""
    catalog = api.portal.get_tool("portal_catalog")
    return {tab: len(catalog(**tab_query(tab, today, user))) for tab, _title in TABS}


FILTERS = ("district", "channel", "dispute_types", "stage", "assigned_unit", "review_state")
DATE_FILTERS = ("received_from", "received_to")
COLUMNS = (
    ("reference", _("column_reference", default="受理编号")),
    ("applicant", _("column_applicant", default="申请人")),
    ("employer", _("column_employer", default="用人单位")),
    ("types", _("column_type", default="争议类型")),
    ("amount", _("column_amount", default="金额（元）")),
    ("received", _("column_received", default="受理时间")),
    ("waiting", _("column_waiting", default="已等待（天）")),
    ("due", _("column_due", default="到期日")),
    ("handler", _("column_handler", default="承办人")),
    ("state", _("column_state", default="状态")),
)


def filter_query(form):
    """The filters of the request as catalog query terms."""
    query = {}
    for name in FILTERS:
        value = (form.get(name) or "").strip() if isinstance(form.get(name), str) else None
        if value:
            query[name] = value
    start, end = _date(form.get("received_from")), _date(form.get("received_to"))
    if start or end:
        low = datetime.datetime.combine(start or datetime.date(1900, 1, 1), datetime.time.min)
        high = datetime.datetime.combine(end or datetime.date(9999, 12, 30), datetime.time.max)
        query["received"] = {"query": (low, high), "range": "min:max"}
    return query


@ram.cache(lambda _function, userid: (userid, time.time() // NAME_CACHE_SECONDS))
def staff_name(userid):
    """A handler's name for the lists, looked up at most every few minutes (a user lookup
    costs a few milliseconds; a page of 50 rows would otherwise pay it 50 times)."""
    return assignment.handler_title(userid)


def format_amount(value):
    """“8,800.00” from the metadata's decimal string; "" when no amount was claimed."""
    try:
        return f"{Decimal(value):,.2f}" if value else ""
    except InvalidOperation:
        return ""


def _date(value):
    try:
        return datetime.date.fromisoformat((value or "").strip())
    except ValueError:
        return None


class WorklistView(BrowserView):
    index = ViewPageTemplateFile("templates/worklist.pt")

    def __call__(self):
        if api.user.is_anonymous():
            raise Unauthorized("Staff only")
        if self.request.method == "POST" and self.request.form.get("batch_reassign"):
            self.batch_reassign()
        self.update()
        export = self.request.form.get("export")
        if export in worklist_export.FORMATS:
            return worklist_export.export(self, export)
        return self.index()

    def update(self):
        """The tab counts, the tab shown and the order of the list, from the request."""
        self.counts = counts()
        self.tab = self.request.form.get("tab")
        if self.tab not in dict(TABS):
            # the first list with work in it (a clerk's 我的在办 is always empty)
            self.tab = next((tab for tab, _title in TABS if self.counts[tab]), "mine")
        self.sort, self.order = self._sort()

    def _sort(self):
        sort = self.request.form.get("sort")
        if sort not in SORTS or (sort == "due" and self.tab not in DUE_TABS):
            sort = "due" if self.tab in DUE_TABS else "received"
        order = self.request.form.get("order")
        if order not in ("ascending", "descending"):
            order = SORTS[sort][1]
        return sort, order

    # --- the lists
    def tabs(self):
        found = self.counts
        url = f"{self.context.absolute_url()}/@@worklist"
        return [
            {
                "id": tab,
                "title": translate(title, context=self.request),
                "count": found[tab],
                "url": f"{url}?tab={tab}",
                "active": tab == self.tab,
            }
            for tab, title in TABS
        ]

    def query(self):
        """The catalog query of the current list: tab, filters and sort order."""
        query = tab_query(self.tab)
        query.update(filter_query(self.request.form))
        index, _order = SORTS[self.sort]
        # One sort index: the catalog then sorts only as far as the page. A second index to break
        # ties (received) made it sort the whole list: 10,000 cases took seconds (benchmarks).
        query.update(sort_on=index, sort_order=self.order)
        return query

    def results(self):
        start = int(self.request.form.get("b_start", 0) or 0)
        # The catalog sorts only as far as the page (b_start/b_size), not the whole list.
        brains = api.portal.get_tool("portal_catalog")(b_start=start, b_size=PAGE_SIZE, **self.query())
        return Batch(brains, PAGE_SIZE, start)

    def columns(self):
        """The table's columns: (id, title, link that sorts by it or None, arrow)."""
        base = {key: value for key, value in self.request.form.items() if key in (*FILTERS, *DATE_FILTERS)}
        url = f"{self.context.absolute_url()}/@@worklist"
        found = []
        for column, title in COLUMNS:
            link, arrow = None, ""
            if column in SORTS and (column != "due" or self.tab in DUE_TABS):
                order = SORTS[column][1]
                if column == self.sort:
                    arrow = "▲" if self.order == "ascending" else "▼"
                    order = "descending" if self.order == "ascending" else "ascending"
                link = f"{url}?{urlencode({**base, 'tab': self.tab, 'sort': column, 'order': order})}"
            found.append({"id": column, "title": translate(title, context=self.request), "url": link, "arrow": arrow})
        return found

    def export_url(self, kind):
        form = {key: value for key, value in self.request.form.items() if key in (*FILTERS, *DATE_FILTERS)}
        query = {**form, "tab": self.tab, "sort": self.sort, "order": self.order, "export": kind}
        return f"{self.context.absolute_url()}/@@worklist?{urlencode(query)}"

    def rows(self, batch):
        titles = self._titles()
        today = periods.today()
        soon = int(periods.setting("due_soon_days", 3) or 0)
        calendar = HolidayCalendar()
        rows = []
        for brain in batch:
            due = brain.due_date if isinstance(brain.due_date, datetime.date) else None
            received = brain.received if isinstance(brain.received, datetime.datetime) else None
            row = brain.worklist_row if isinstance(brain.worklist_row, dict) else {}
            open_case = brain.review_state in OPEN_STATES
            rows.append(
                {
                    "uid": brain.UID,
                    "url": brain.getURL(),
                    "reference": brain.getId,
                    "applicant": row.get("applicant", ""),
                    "employer": row.get("employer", ""),
                    "amount": format_amount(row.get("amount")),
                    "received": format_date(received),
                    "waiting": (today - beijing_date(received)).days if received and open_case else None,
                    "types": "、".join(titles["dispute_types"].get(t, t) for t in brain.dispute_types or ()),
                    "channel": titles["channels"].get(brain.channel, brain.channel or ""),
                    "unit": self._unit_title(brain.assigned_unit),
                    "handler": self._handler_title(brain.handler),
                    "stage": titles["stages"].get(brain.stage, "") if isinstance(brain.stage, str) else "",
                    "due": due.isoformat() if due else "",
                    "paused": brain.clock_paused is True,
                    "overdue": bool(due and due < today),
                    "due_soon": bool(due and today <= due <= today + datetime.timedelta(days=soon)),
                    "uncertain": bool(due and not calendar.knows(due)),
                    "state": titles["states"].get(brain.review_state, brain.review_state),
                }
            )
        return rows

    def _titles(self):
        if not hasattr(self, "_cached_titles"):
            workflow = api.portal.get_tool("portal_workflow")["laborrights_case_workflow"]
            self._cached_titles = {
                "dispute_types": dict(registry_terms("dispute_types")),
                "channels": dict(registry_terms("channels")),
                "stages": {
                    code: translate(stage.title, context=self.request) for code, stage in periods.STAGES.items()
                },
                "states": {state.getId(): state.title for state in workflow.states.values()},
                # every unit's title from one catalog query (metadata, no objects woken)
                "units": {term.value: term.title for term in Stations(self.context)},
            }
        return self._cached_titles

    def _unit_title(self, uid):
        if not isinstance(uid, str) or not uid:
            return ""
        return self._titles()["units"].get(uid, uid)

    def _handler_title(self, userid):
        if not isinstance(userid, str) or not userid:
            return ""
        return staff_name(userid)

    # --- the filters
    def options(self):
        workflow = api.portal.get_tool("portal_workflow")["laborrights_case_workflow"]
        return {
            "district": registry_terms("districts"),
            "channel": registry_terms("channels"),
            "dispute_types": registry_terms("dispute_types"),
            "stage": [(code, translate(stage.title, context=self.request)) for code, stage in periods.STAGES.items()],
            "assigned_unit": [(term.value, term.title) for term in Stations(self.context)],
            "review_state": [
                (state_id, workflow.states[state_id].title)
                for state_id in (*OPEN_STATES, "closed", "rejected", "withdrawn")
            ],
        }

    FILTER_LABELS = {
        "district": _("filter_all_districts", default="全部区县"),
        "channel": _("filter_all_channels", default="全部渠道"),
        "dispute_types": _("filter_all_types", default="全部类型"),
        "stage": _("filter_all_stages", default="全部阶段"),
        "assigned_unit": _("filter_all_units", default="全部单位"),
        "review_state": _("filter_all_states", default="全部状态"),
    }

    FILTER_TITLES = {
        "district": _("label_filter_district", default="区县"),
        "channel": _("label_filter_channel", default="渠道"),
        "dispute_types": _("label_filter_type", default="争议类型"),
        "stage": _("label_filter_stage", default="阶段"),
        "assigned_unit": _("label_filter_unit", default="承办单位"),
        "review_state": _("label_filter_state", default="状态"),
    }

    def filters(self):
        """(name, “all” label, options, label) of each filter."""
        options = self.options()
        return [
            (
                name,
                translate(self.FILTER_LABELS[name], context=self.request),
                options[name],
                translate(self.FILTER_TITLES[name], context=self.request),
            )
            for name in FILTERS
        ]

    def selected(self, name):
        value = self.request.form.get(name)
        return value if isinstance(value, str) else ""

    # --- batch reassignment
    def can_batch_reassign(self):
        """Clerks and supervisors (who may route somewhere in the register)."""
        register = get_register()
        return any(
            api.user.has_permission(ROUTE_PERMISSION, obj=folder) for folder in (register, *register.objectValues())
        )

    def staff(self):
        return assignment.staff_users()

    def batch_reassign(self):
        CheckAuthenticator(self.request)
        form = self.request.form
        messages = IStatusMessage(self.request)
        uids = form.get("uids") or []
        if isinstance(uids, str):
            uids = [uids]
        unit = (form.get("unit") or "").strip()
        handler = (form.get("handler") or "").strip() or None
        reason = (form.get("reason") or "").strip()
        if not uids:
            messages.add(_("error_batch_none_selected", default="请先勾选要改派的事项。"), "error")
            return
        if not unit:
            messages.add(_("refused_route_needs_unit", default="分办须选择承办单位。"), "error")
            return
        if not reason:
            messages.add(_("refused_reroute_needs_reason", default="改派或重新分办须说明理由。"), "error")
            return
        catalog = api.portal.get_tool("portal_catalog")
        done, failed = [], []
        for brain in catalog(portal_type="Case", UID=uids):
            case = brain.getObject()
            try:
                assignment.route(case, unit=unit, handler=handler, reason=reason)
            except Refused as refused:
                failed.append(f"{case.getId()}：{refused}")
            else:
                done.append(case.getId())
        if done:
            messages.add(
                _(
                    "status_batch_reassigned",
                    default="已改派 ${count} 件：${references}",
                    mapping={"count": len(done), "references": "、".join(done)},
                ),
                "info",
            )
        for line in failed:
            messages.add(line, "error")
