"""``@@partner-mailbox``: a partner unit's mailbox. A partner account sees the mailboxes of its
own units only (``?unit=`` another one: 404); the city administrator may open any unit's. The
members receive a waiting matter here (POST ``receive``; only they see the button: the city
cannot receive for a unit) and set where notices go (POST ``contact``). The matters are listed
``PAGE_SIZE`` at a time (Plone's batching, ``b_start``)."""

from plone import api
from plone.base.batch import Batch
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from suizhou.laborrights import _
from suizhou.laborrights.handling.periods import today
from suizhou.laborrights.http import no_store
from suizhou.laborrights.i18n import zh
from suizhou.laborrights.partners import mailbox
from suizhou.laborrights.partners import transfers
from suizhou.laborrights.partners import units
from suizhou.laborrights.partners.vocabularies import outcome_title
from suizhou.laborrights.partners.vocabularies import purpose_title
from suizhou.laborrights.public.utils import batch_start
from suizhou.laborrights.staff.administered import administered_districts
from suizhou.laborrights.timezone import format_datetime
from urllib.parse import urlencode
from zExceptions import NotFound
from zExceptions import Unauthorized


PAGE_SIZE = 50


class PartnerMailboxView(BrowserView):
    errors = {}

    def __call__(self):
        if api.user.is_anonymous():
            raise Unauthorized("partner-mailbox")
        self.units = self.allowed_units()
        wanted = self.request.form.get("unit") or (self.units[0] if self.units else None)
        if wanted not in self.units:
            raise NotFound(self.context, "partner-mailbox", self.request)
        self.unit = wanted
        self.member = wanted in units.partners_of()
        no_store(self.request.response)
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            if "receive" in self.request.form:
                return self.receive()
            if "contact" in self.request.form:
                self.save_contact()
        return self.index()

    def allowed_units(self):
        mine = sorted(set(units.partners_of()) & {token for token, _title in units.all_partners()})
        if administered_districts() is None:  # the city (市局管理员, site administrators)
            wanted = self.request.form.get("unit")
            if wanted and units.exists(wanted) and wanted not in mine:
                mine.append(wanted)
        return mine

    def here(self):
        """This page of the unit's mailbox (where the forms post and a receipt returns)."""
        query = {"unit": self.unit}
        if batch_start(self.request):
            query["b_start"] = batch_start(self.request)
        return f"{self.context.absolute_url()}/@@partner-mailbox?{urlencode(query)}"

    def receive(self):
        uid = self.request.form.get("uid") or ""
        brains = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
            UID=uid, portal_type="Case", partner_units=self.unit
        )
        case = brains[0]._unrestrictedGetObject() if brains else None
        if case is None or not transfers.receive(case):
            api.portal.show_message(
                zh(_("status_partner_nothing_to_receive", default="该事项没有待接收的移交。")), self.request, "error"
            )
        else:
            api.portal.show_message(
                zh(_("status_partner_received", default="已接收事项${reference}。"), reference=case.getId()),
                self.request,
            )
        self.request.response.redirect(self.here())
        return ""

    def save_contact(self):
        form = self.request.form
        try:
            mailbox.set_contact(self.unit, form.get("email"), form.get("mobile"))
        except ValueError as refused:
            self.errors = refused.args[0]
            return
        api.portal.show_message(zh(_("status_partner_contact", default="通知方式已保存。")), self.request)

    # for the template
    def unit_links(self):
        base = f"{self.context.absolute_url()}/@@partner-mailbox"
        return [
            {"title": units.title(token), "url": f"{base}?{urlencode({'unit': token})}", "current": token == self.unit}
            for token in self.units
        ]

    def title(self):
        return units.title(self.unit)

    def contact(self):
        given = self.request.form if self.errors else {}
        stored = mailbox.contact(self.unit)
        return {name: given.get(name, stored[name]) for name in ("email", "mobile")}

    def due_basis(self, rows):
        """The court's time limit for 司法确认, shown under the list when one was sent here."""
        return zh(transfers.COURT_DECISION_BASIS) if any(row["judicial"] for row in rows) else ""

    def batch(self):
        return Batch(mailbox.matters(self.unit), PAGE_SIZE, batch_start(self.request))

    def rows(self, batch):
        found = []
        day = today()
        for case, transfer in batch:
            state = transfers.state(transfer)
            open_ = state in (transfers.WAITING, transfers.HANDLING)
            due = transfers.due_date(transfer)
            found.append(
                {
                    "reference": case.getId(),
                    "uid": case.UID(),
                    "purpose": zh(purpose_title(transfer["purpose"])),
                    "sent": format_datetime(transfer["sent"]),
                    "due": due.isoformat() if due else "",
                    "overdue": bool(open_ and due and due < day),
                    "awaiting_court": transfers.awaiting_court(transfer),
                    "judicial": transfer["purpose"] == transfers.JUDICIAL_CONFIRMATION,
                    "state": state,
                    "state_title": zh(mailbox.STATE_TITLES[state]),
                    "outcome": zh(outcome_title(transfer["outcome"])) if transfer["outcome"] else "",
                    "result_day": transfer["result_day"].isoformat() if transfer["result_day"] else "",
                    "result_note": transfer["result_note"],
                    # the hand-over page while the unit still reads the case
                    "url": f"{case.absolute_url()}/@@partner-handover" if state != transfers.RETURNED else "",
                    "can_receive": self.member and state == transfers.WAITING,
                }
            )
        return found
