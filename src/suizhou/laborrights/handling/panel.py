"""What the case page (``case_view``) shows of a case's handling (``HandlingInfo``: the
assignment, the running clock, the actions allowed now), its read-only history page, and the
state menu's guard: a transition refused for missing data comes back as a message."""

from plone import api
from plone.app.content.browser.content_status_modify import ContentStatusModifyView
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage
from suizhou.laborrights import _
from suizhou.laborrights.content.case import ICase
from suizhou.laborrights.content.mediation_session import RESULTS
from suizhou.laborrights.handling import assignment
from suizhou.laborrights.handling import clocks
from suizhou.laborrights.handling import mediation
from suizhou.laborrights.handling import periods
from suizhou.laborrights.handling import procedure
from suizhou.laborrights.handling import triage
from suizhou.laborrights.handling.errors import Refused
from suizhou.laborrights.handling.history import action_title
from suizhou.laborrights.handling.history import entries
from suizhou.laborrights.handling.triage import claim_label
from suizhou.laborrights.partners import transfers as partner_transfers
from suizhou.laborrights.timezone import chinese_date
from suizhou.laborrights.timezone import chinese_datetime
from suizhou.laborrights.timezone import format_datetime
from suizhou.laborrights.vocabularies import title_of
from zope.i18n import translate

import datetime
import decimal
import transaction


# How the details of a history entry are shown: name -> (label, formatter name).
DETAIL_LABELS = {
    "unit_title": _("label_assigned_unit", default="承办单位"),
    "handler": _("label_assigned_handler", default="承办人"),
    "route": _("label_route", default="分办去向"),
    "stage": _("label_stage", default="办理阶段"),
    "from_stage": _("label_from_stage", default="原阶段"),
    "to_stage": _("label_to_stage", default="新阶段"),
    "start": _("label_clock_start", default="起算日"),
    "days": _("label_clock_days", default="期限"),
    "due": _("label_due_date", default="到期日"),
    "event_day": _("label_event_day", default="事项日期"),
    "supply": _("label_supply", default="需补正的材料"),
    "supply_by": _("label_supply_by", default="补正期限"),
    "reason_code": _("label_refusal_reason", default="不予受理理由"),
    "paused": _("label_paused_on", default="暂停日"),
    "resumed": _("label_resumed_on", default="恢复日"),
    "stopped": _("label_stopped_on", default="停止日"),
    "approved_by": _("label_history_approved_by", default="批准人"),
    "extension_days": _("label_extension_days", default="延长"),
    "amount": _("label_agreement_amount", default="协议金额（元）"),
    "performance_deadline": _("label_performance_deadline", default="履行期限"),
    "session_date": _("label_session_date", default="调解时间"),
    "mediator": _("label_session_mediator", default="调解员"),
    "mediation_kind": _("label_session_mediation_kind", default="调解类型"),
    "result": _("label_session_result", default="调解结果"),
    "channel": _("label_channel", default="受理渠道"),
    "collective_dispute": _("label_collective_dispute", default="集体劳动争议"),
    "fast_track": _("label_history_fast_track", default="适用速裁"),
    "final_award": _("label_final_award", default="适用终局裁决"),
    "from_state": _("label_from_state", default="原状态"),
    "to_state": _("label_to_state", default="新状态"),
    "calendar_unknown_years": _("label_calendar_unknown_years", default="节假日未收录年份"),
    "partner_title": _("label_partner_unit", default="协同单位"),
    "purpose_title": _("label_partner_purpose", default="移交事由"),
    "outcome_title": _("label_partner_outcome", default="办理结果"),
}


# Routes on which sessions are held: mediation, and mediation by the arbitration tribunal.
MEDIATING_ROUTES = ("mediation", "arbitration")
YES = _("value_yes", default="是")
NO = _("value_no", default="否")


def period(days, working):
    """“15日” or “5个工作日”."""
    if working:
        return _("period_working_days", default="${days}个工作日", mapping={"days": days})
    return _("period_days", default="${days}日", mapping={"days": days})


def _text(message):
    return translate(message, context=api.env.getRequest())


def format_value(name, value, chinese_dates=False):
    """A history detail as it reads; dates as “2026-07-13” or, ``chinese_dates``, “2026年7月13日”."""
    if value is None or value == "" or value == ():
        return "—"
    if isinstance(value, bool):
        return _text(YES if value else NO)
    if isinstance(value, datetime.datetime):
        return chinese_datetime(value) if chinese_dates else format_datetime(value)
    if isinstance(value, datetime.date):
        return chinese_date(value) if chinese_dates else value.isoformat()
    if isinstance(value, decimal.Decimal):
        return f"{value:,.2f}"
    if name in ("stage", "from_stage", "to_stage") and value in periods.STAGES:
        return _text(periods.STAGES[value].title)
    if name == "route":
        return title_of("routes", value)
    if name == "reason_code":
        return title_of("refusal_reasons", value)
    if name == "channel":
        return title_of("channels", value)
    if name == "handler":
        return assignment.handler_title(value)
    if name == "result":
        return _text(dict(RESULTS).get(value, value))
    if name in ("from_state", "to_state"):
        return state_title(value)
    if name == "claims":  # rows as kept in the history: tuples of (column, value) pairs
        return "；".join(claim_label(dict(row)) for row in value if row) or "—"
    if isinstance(value, tuple):
        return "、".join(format_value(name, item, chinese_dates) for item in value)
    return str(value)


def field_title(name):
    field = ICase.get(name)
    return _text(field.title) if field is not None else name


def describe(entry, chinese_dates=False):
    """The details of a history entry as readable lines."""
    details = dict(entry.details)
    lines = []
    if entry.action == "edit":
        for name, old, new in details.get("changes", ()):
            if old is None:
                lines.append(f"{field_title(name)}：{format_value(name, new, chinese_dates)}")
            else:
                old_text = format_value(name, old, chinese_dates)
                lines.append(f"{field_title(name)}：{old_text} → {format_value(name, new, chinese_dates)}")
        return lines
    for name, label in DETAIL_LABELS.items():
        if name in details and details[name] not in (None, "", ()):
            value = format_value(name, details[name], chinese_dates)
            if name == "days":
                value = _text(period(details[name], details.get("working")))
            elif name == "extension_days":
                stage = periods.STAGES.get(details.get("stage"))
                value = _text(period(details[name], stage.working if stage else False))
            lines.append(f"{_text(label)}：{value}")
    return lines


def state_title(state_id):
    workflow = api.portal.get_tool("portal_workflow")["laborrights_case_workflow"]
    state = workflow.states.get(state_id)
    return state.title if state is not None else state_id


def actor_title(userid):
    if userid == "system":
        return _text(_("actor_system", default="系统"))
    if userid == "anonymous":
        return _text(_("actor_anonymous", default="申请人（网上）"))
    if userid == "@employer":  # employer.reply.ACTOR: the employer's reply, without an account
        return _text(_("actor_employer", default="用人单位（网上答复）"))
    return assignment.handler_title(userid)


def history_rows(case):
    return [
        {
            "when": format_datetime(entry.when),
            "actor": actor_title(entry.actor),
            "action": action_title(entry.action),
            "comment": entry.comment,
            "details": describe(entry),
        }
        for entry in reversed(entries(case))
    ]


class HandlingInfo:
    """What the panel and the history page show of a case."""

    def __init__(self, case):
        self.case = case

    def can(self, permission="Modify portal content"):
        return api.user.has_permission(permission, obj=self.case)

    def state(self):
        return api.content.get_state(self.case)

    def assignment(self):
        case = self.case
        return {
            "route": title_of("routes", case.route) if case.route else "",
            "unit": assignment.unit_title(case.assigned_unit) if case.assigned_unit else "",
            "handler": assignment.handler_title(case.handler),
            "copy_units": "、".join(assignment.unit_title(u) for u in case.copy_units or ()),
            "routed": format_datetime(case.routed),
        }

    def triage(self):
        case = self.case
        return [
            _text(ICase[name].title)
            for name in ("collective_dispute", "fast_track", "final_award")
            if getattr(case, name, False)
        ]

    def clock(self):
        clock = clocks.current(self.case)
        if clock is None:
            return None
        status = clocks.status(clock)
        return {
            "stage": _text(status.title),
            "start": clock.start.isoformat(),
            "basis": _text(periods.STAGES[clock.stage].basis),
            "counts_from": _text(procedure.counts_from(clock) or periods.STAGES[clock.stage].counts_from),
            "days": _text(period(clock.days + clock.extension_days, clock.working)),
            "due": status.due.isoformat() if status.due else "",
            "days_left": status.days_left,
            "overdue": status.overdue,
            "due_soon": status.due_soon,
            "paused": status.paused,
            "paused_since": clock.paused_since.isoformat() if clock.paused_since else "",
            "pause_reason": clock.pause_reason,
            "extended": bool(clock.extension_days),
            "can_extend": bool(periods.STAGES[clock.stage].extension_record)
            and not clock.extension_days,
            "has_next": bool(periods.STAGES[clock.stage].next),
            "warnings": [_text(w) for w in status.warnings],
        }

    def past_clocks(self):
        return [
            {
                "stage": _text(periods.STAGES[c.stage].title),
                "start": c.start.isoformat(),
                "stopped": c.stopped.isoformat() if c.stopped else "",
            }
            for c in clocks.clocks(self.case)
            if not c.running
        ]

    def hints(self):
        """Warnings for the staff on the case page (the limitation period)."""
        hint = triage.limitation(self.case)
        return [_text(hint.reason)] if hint is not None else []

    def transfer_offered(self):
        return self.can() and mediation.transfer_offered(self.case)

    def sessions(self):
        results = dict(RESULTS)
        return [
            {
                "url": s.absolute_url(),
                "title": s.Title(),
                "mediator": s.mediator,
                "result": _text(results.get(s.result, s.result)),
                "amount": format_value("amount", s.agreement_amount)
                if s.agreement_amount is not None
                else "",
            }
            for s in mediation.sessions(self.case)
        ]

    def actions(self):
        """(title, url) of the handling actions the current user may take now."""
        case = self.case
        url = case.absolute_url()
        state = self.state()
        found = []
        if state in assignment.OPEN_STATES and (
            assignment.can_reroute(case) or (state != "registered" and self.can())
        ):
            title = _("action_route", default="分办") if state == "registered" else _(
                "action_reroute", default="改派 / 指定承办人"
            )
            found.append((title, f"{url}/@@route-case"))
        workflow = api.portal.get_tool("portal_workflow")
        if any(t["id"] == "send_back" for t in workflow.getTransitionsFor(case)):
            found.append((_("action_send_back", default="退回"), f"{url}/@@send-back"))
        clock = clocks.current(case)
        if clock is not None and self.can() and state in assignment.OPEN_STATES:
            if clock.paused:
                found.append((_("action_resume", default="恢复计时"), f"{url}/@@resume-clock"))
            else:
                found.append((_("action_pause", default="暂停计时（补正）"), f"{url}/@@pause-clock"))
            if periods.STAGES[clock.stage].extension_record and not clock.extension_days:
                found.append((_("action_extend", default="延长期限"), f"{url}/@@extend-clock"))
            if periods.STAGES[clock.stage].next:
                found.append((_("action_advance", default="进入下一阶段"), f"{url}/@@advance-stage"))
            if procedure.applicable(case):
                found.append((_("action_procedure_event", default="程序事项（补正、追加当事人等）"),
                              f"{url}/@@procedure-event"))
        if any(t["id"] == "reject" for t in workflow.getTransitionsFor(case)):
            found.append((_("action_reject", default="不予受理"), f"{url}/@@reject-case"))
        if (
            state in ("routed", "in_progress")
            and case.route in MEDIATING_ROUTES
            and self.can("suizhou.laborrights: Add MediationSession")
        ):
            found.append(
                (_("action_add_session", default="添加调解记录"), f"{url}/++add++MediationSession")
            )
        if self.transfer_offered():
            found.append((_("action_transfer", default="转入仲裁"), f"{url}/@@transfer-to-arbitration"))
        if state in ("routed", "in_progress") and self.can():
            found.append((_("action_notify_employer", default="通知用人单位答复"), f"{url}/@@notify-employer"))
        if state in assignment.OPEN_STATES and self.can():
            found.append((_("action_transfer_to_partner", default="移交协同单位"), f"{url}/@@transfer-to-partner"))
        if partner_transfers.transfers(case):
            found.append((_("action_partner_handover", default="协同单位移交单"), f"{url}/@@partner-handover"))
        if partner_transfers.open_for_user(case):
            found.append((_("action_partner_result", default="录入协同单位办理结果"), f"{url}/@@partner-result"))
        return found

    def history(self):
        return history_rows(self.case)


class HistoryView(BrowserView):
    """The case's history on a page of its own (read only, printable)."""

    index = ViewPageTemplateFile("templates/history.pt")

    def __call__(self):
        self.info = HandlingInfo(self.context)
        return self.index()


class CaseStatusModifyView(ContentStatusModifyView):
    """The state menu of a case: a refused transition is a message, not an error page."""

    FORMS = {"route": "@@route-case", "send_back": "@@send-back", "reject": "@@reject-case"}

    def __call__(self, workflow_action=None, comment="", **kwargs):
        savepoint = transaction.savepoint()
        try:
            return super().__call__(workflow_action, comment, **kwargs)
        except Refused as refused:
            savepoint.rollback()
            IStatusMessage(self.request).add(str(refused), "error")
            target = self.FORMS.get(workflow_action, "")
            url = self.context.absolute_url()
            return self.request.response.redirect(f"{url}/{target}" if target else url)
