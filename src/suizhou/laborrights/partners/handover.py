"""The hand-over page (移交单) of a case's transfers to partners: printable, for the case's
staff and the partners it was sent to (``View`` on the case: others get the case's 404)."""

from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from suizhou.laborrights.content.case import ICase
from suizhou.laborrights.handling.assignment import handler_title
from suizhou.laborrights.handling.panel import format_value
from suizhou.laborrights.handling.triage import claim_label
from suizhou.laborrights.http import no_store
from suizhou.laborrights.partners import transfers
from suizhou.laborrights.partners import units
from suizhou.laborrights.partners.vocabularies import outcome_title
from suizhou.laborrights.partners.vocabularies import purpose_title
from suizhou.laborrights.settings import court_name
from suizhou.laborrights.timezone import format_datetime
from suizhou.laborrights.vocabularies import title_of
from zope.i18n import translate


def _due(transfer, request):
    """The transfer's due date and its legal basis, or 待法院接收 before the court received it."""
    due = transfers.due_date(transfer)
    return {
        "due": due.isoformat() if due else "",
        "due_basis": translate(transfers.COURT_DECISION_BASIS, context=request) if due else "",
        "awaiting_court": translate(transfers.AWAITING_COURT, context=request)
        if transfers.awaiting_court(transfer)
        else "",
    }


class HandoverView(BrowserView):
    index = ViewPageTemplateFile("templates/handover.pt")

    def __call__(self):
        no_store(self.request.response)  # personal data: no cache keeps it
        return self.index()  # in the access log as every reading of a case (audit.publication)

    def visible_transfers(self):
        """All transfers for the case's staff; a partner's member sees only their unit's."""
        found = transfers.transfers(self.context)
        if not transfers.is_case_staff(self.context):
            mine = set(units.partners_of())
            found = [t for t in found if t["partner"] in mine]
        court = court_name(self.context.district)  # the district's court, as the settings name it
        return [
            {
                "partner": units.title(t["partner"]),
                "court": court if units.agency_of(t["partner"]) == units.COURT else "",
                "purpose": translate(purpose_title(t["purpose"]), context=self.request),
                "sent": format_datetime(t["sent"]),
                "sender": handler_title(t["sender"]),
                **_due(t, self.request),
                "note": t["note"],
                "outcome": translate(outcome_title(t["outcome"]), context=self.request) if t["outcome"] else "",
                "result_day": t["result_day"].isoformat() if t["result_day"] else "",
                "result_note": t["result_note"],
                "open": t["returned"] is None,
            }
            for t in reversed(found)
        ]

    def case_data(self):
        """(label, value) of the case data sent with the matter (labels: the case's fields)."""
        case = self.context
        claims = "；".join(claim_label(dict(row)) for row in case.claims or () if row)
        values = {
            "reference": case.getId(),
            "received": format_datetime(case.received),
            "applicant_name": case.applicant_name,
            "applicant_phone": case.applicant_phone,
            "employer_name": case.employer_name,
            "employer_credit_code": case.employer_credit_code,
            "workers_involved": case.workers_involved,
            "dispute_types": "、".join(title_of("dispute_types", d) for d in case.dispute_types or ()),
            "claims": claims or case.request,
            "claim_amount": format_value("amount", case.claim_amount),
            "facts": case.facts,
        }
        return [(ICase[name].title, value) for name, value in values.items()]

    def can_give_result(self):
        return bool(transfers.open_for_user(self.context))
