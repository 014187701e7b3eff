"""The case page made for handlers (the case's ``view``).

A summary header (reference, channel, dispute types, parties, amount, workers, state, the
running clock, unit and handler by full name) with the actions allowed now; then the parties,
claims, facts, evidence files, mediation sessions, documents and the history as a timeline.
Empty fields are left out; dates are Chinese dates in Beijing time. The handling panel that
used to sit below Plone's default view is this page now (one place for the actions).
"""

from Acquisition import aq_base
from plone import api
from plone.memoize.view import memoize
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from suizhou.laborrights import _
from suizhou.laborrights.content.case import ICase
from suizhou.laborrights.content.mediation_session import RESULTS
from suizhou.laborrights.documents import notices
from suizhou.laborrights.handling import assignment
from suizhou.laborrights.handling import clocks
from suizhou.laborrights.handling import mediation
from suizhou.laborrights.handling.history import action_title
from suizhou.laborrights.handling.history import entries
from suizhou.laborrights.handling.panel import actor_title
from suizhou.laborrights.handling.panel import describe
from suizhou.laborrights.handling.panel import HandlingInfo
from suizhou.laborrights.handling.panel import state_title
from suizhou.laborrights.http import no_store
from suizhou.laborrights.partners import agreement
from suizhou.laborrights.partners import transfers
from suizhou.laborrights.timezone import beijing
from suizhou.laborrights.timezone import chinese_date
from suizhou.laborrights.timezone import chinese_datetime
from suizhou.laborrights.vocabularies import title_of
from zope.i18n import translate

import datetime
import decimal


# The sections of the page below the header: (heading, field names), shown when not empty.
SECTIONS = (
    (
        _("fieldset_applicant", default="申请人"),
        ("applicant_name", "applicant_id_number", "applicant_phone", "applicant_email",
         "applicant_address", "applicant_gig_worker"),
    ),
    (
        _("fieldset_employer", default="被申请人（用人单位）"),
        ("employer_name", "employer_credit_code", "employer_address", "employer_contact",
         "employer_phone"),
    ),
    (
        _("heading_case_registration", default="登记信息"),
        ("received", "station", "district", "hotline_ticket", "employment_ended"),
    ),
    (
        _("heading_case_result", default="办理结果"),
        ("outcome", "amount_recovered", "workers_benefited", "closed"),
    ),
)
# How a field's value reads: a registry list for codes, a unit title for station UIDs.
CODE_LISTS = {"channel": "channels", "district": "districts", "outcome": "outcomes", "route": "routes"}
UNIT_FIELDS = ("station", "assigned_unit")


def money(value):
    """“12,000.00 元”."""
    return f"{value:,.2f} 元"


def file_size(size):
    """“820 字节”, “12.5 KB”, “3.2 MB”."""
    if size < 1024:
        return f"{size} 字节"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def field_text(case, name):
    """A field of the case as it reads on the page, or "" when it is empty."""
    value = getattr(case, name, None)
    if value is None or value == "" or value == [] or value is False:
        return ""
    if value is True:
        return translate(_("value_yes", default="是"), context=api.env.getRequest())
    if name in CODE_LISTS:
        return title_of(CODE_LISTS[name], value)
    if name in UNIT_FIELDS:
        return assignment.unit_title(value)
    if isinstance(value, datetime.datetime):
        return chinese_datetime(value)
    if isinstance(value, datetime.date):
        return chinese_date(value)
    if isinstance(value, decimal.Decimal):
        return money(value)
    return str(value)


class CaseView(BrowserView):
    index = ViewPageTemplateFile("templates/case_view.pt")

    def __call__(self):
        no_store(self.request.response)  # personal data: no cache keeps it
        self.info = HandlingInfo(self.context)
        return self.index()

    def text(self, message):
        return translate(message, context=self.request)

    # --- the header
    @memoize
    def summary(self):
        case = self.context
        claimed = case.claim_amount
        if claimed is None:
            amounts = [row.get("amount") for row in case.claims or () if row and row.get("amount")]
            claimed = sum(amounts) if amounts else None
        info = self.info.assignment()
        return {
            "reference": case.getId(),
            "state": state_title(api.content.get_state(case)),
            "channel": field_text(case, "channel"),
            "dispute_types": "、".join(title_of("dispute_types", t) for t in case.dispute_types or ()),
            "applicant": case.applicant_name or "",
            "employer": case.employer_name or "",
            "amount": money(claimed) if claimed is not None else "",
            "workers": f"{case.workers_involved} 人" if case.workers_involved else "",
            "received": chinese_date(case.received),
            "route": info["route"],
            "unit": info["unit"],
            "handler": info["handler"],
            "copy_units": info["copy_units"],
            "triage": "、".join(self.info.triage()),
        }

    def header_rows(self):
        """The header's facts that are not empty: label, value and a class to find them by."""
        summary = self.summary()
        labels = (
            ("channel", _("label_channel", default="受理渠道")),
            ("dispute_types", _("label_dispute_types_of_case", default="争议类型")),
            ("amount", _("label_header_amount", default="请求金额")),
            ("workers", _("label_header_workers", default="涉及人数")),
            ("received", _("label_received", default="受理时间")),
            ("route", _("label_route", default="分办去向")),
            ("unit", _("label_assigned_unit", default="承办单位")),
            ("handler", _("label_assigned_handler", default="承办人")),
            ("copy_units", _("label_copy_units", default="抄送单位")),
            ("triage", _("fieldset_triage", default="繁简分流")),
        )
        return [
            {"name": name, "label": self.text(label), "value": summary[name]}
            for name, label in labels
            if summary[name]
        ]

    def clock(self):
        """The running clock with Chinese dates, or None."""
        shown = self.info.clock()
        if shown is None:
            return None
        clock = clocks.current(self.context)
        status = clocks.status(clock)
        shown.update(
            start=chinese_date(clock.start),
            due=chinese_date(status.due) if status.due else "",
            paused_since=chinese_date(clock.paused_since) if clock.paused_since else "",
            overdue_days=-status.days_left if status.overdue and status.days_left is not None else None,
        )
        return shown

    def agreement_deadlines(self):
        """司法确认 and 仲裁审查 of the case's mediation agreement: days left, or overdue."""
        may_send = transfers.may_send(self.context)
        return [
            {
                "code": d.code,
                "title": self.text(d.title),
                "basis": self.text(d.basis),
                "effective": chinese_date(d.effective),
                "due": chinese_date(d.due),
                "days_left": d.days_left,
                "overdue": d.overdue,
                "overdue_days": -d.days_left,
                "send_url": f"{self.context.absolute_url()}/@@transfer-to-partner"
                if d.code == "judicial_confirmation" and may_send
                else "",
            }
            for d in agreement.deadlines(self.context)
        ]

    def agreement_standing(self):
        """Where the mediation agreement stands with the court once sent for 司法确认, or None."""
        found = agreement.standing(self.context)
        if found is None:
            return None
        return {"code": found.code, "title": self.text(found.title), "note": self.text(found.note)}

    def actions(self):
        """The handling forms the user may use now, then closing, the receipt and editing."""
        url = self.context.absolute_url()
        found = [{"title": self.text(title), "url": link, "main": False} for title, link in self.info.actions()]
        if found:
            found[0]["main"] = True
        workflow = api.portal.get_tool("portal_workflow")
        if any(t["id"] == "close" for t in workflow.getTransitionsFor(self.context)):
            found.append({"title": self.text(_("action_close", default="办结")),
                          "url": f"{url}/@@close-case", "main": not found})
        if self.info.can():
            found.append({"title": self.text(_("action_edit_case", default="修改登记信息")),
                          "url": f"{url}/@@edit", "main": False})
        found.append({"title": self.text(_("action_print_receipt", default="打印受理回执")),
                      "url": f"{url}/@@intake-receipt", "main": False})
        return found

    # --- the body
    def sections(self):
        found = []
        for heading, names in SECTIONS:
            rows = [
                {"label": self.text(ICase[name].title), "value": field_text(self.context, name)}
                for name in names
            ]
            rows = [row for row in rows if row["value"]]
            if rows:
                found.append({"heading": self.text(heading), "rows": rows})
        return found

    def claims(self):
        return [
            {
                "kind": title_of("claim_kinds", row["kind"]),
                "amount": money(row["amount"]) if row.get("amount") is not None else "",
                "note": row.get("note") or "",
            }
            for row in self.context.claims or ()
            if row and row.get("kind")
        ]

    def requested(self):
        return getattr(aq_base(self.context), "request", None) or ""

    def facts(self):
        return getattr(aq_base(self.context), "facts", None) or ""

    def attachments(self):
        """The evidence files inside the case, oldest first."""
        found = []
        for item in self.context.objectValues():
            if item.portal_type != "CaseAttachment" or item.file is None:
                continue
            creator = item.Creator()
            found.append(
                {
                    "name": item.file.filename or item.Title() or item.getId(),
                    "label": item.Title() if item.Title() != item.file.filename else "",
                    "size": file_size(item.file.getSize()),
                    "by": actor_title(creator or "anonymous"),
                    "date": chinese_date(item.created()),
                    "sort": beijing(item.created()),
                    "url": f"{item.absolute_url()}/@@download/file",
                }
            )
        return sorted(found, key=lambda row: row["sort"])

    def sessions(self):
        results = dict(RESULTS)
        return [
            {
                "url": s.absolute_url(),
                "date": chinese_datetime(s.session_date),
                "mediator": s.mediator or "",
                "result": self.text(results[s.result]) if s.result in results else (s.result or ""),
                "amount": money(s.agreement_amount) if s.agreement_amount is not None else "",
            }
            for s in mediation.sessions(self.context)
        ]

    def documents(self):
        base = f"{self.context.absolute_url()}/@@case-document"
        return [
            {"title": title, "url": f"{base}/{kind}", "pdf": f"{base}/{kind}.pdf"}
            for kind, title in notices.available(self.context)
        ]

    def timeline(self):
        """The history, newest first."""
        return [
            {
                "date": chinese_datetime(entry.when),
                "iso": beijing(entry.when).isoformat(timespec="minutes"),
                "actor": actor_title(entry.actor),
                "action": action_title(entry.action),
                "comment": entry.comment,
                "details": describe(entry, chinese_dates=True),
            }
            for entry in reversed(entries(self.context))
        ]
