"""The handling forms of partner transfers: ``@@transfer-to-partner`` (the case's staff send a
matter, or share a major case with the court) and ``@@partner-result`` (the partner's member
records what came of it)."""

from plone import api
from plone.z3cform import layout
from suizhou.laborrights import _
from suizhou.laborrights.handling.handling_form import HandlingForm
from suizhou.laborrights.partners import transfers
from suizhou.laborrights.partners import units
from suizhou.laborrights.partners.vocabularies import purpose_title
from z3c.form import button
from zExceptions import NotFound
from zExceptions import Unauthorized
from zope import schema
from zope.interface import Interface


class ITransferToPartner(Interface):
    partner = schema.Choice(
        title=_("label_partner_unit", default="协同单位"),
        vocabulary="suizhou.laborrights.partners.Units",
        required=False,
    )
    purpose = schema.Choice(
        title=_("label_partner_purpose", default="移交事由"),
        description=_(
            "help_partner_purpose",
            default="“裁审衔接”请用下方的“共享至法院”按钮，不必选择事由。",
        ),
        vocabulary="suizhou.laborrights.partners.Purposes",
        required=False,
    )
    note = schema.Text(title=_("label_partner_note", default="说明"), required=False)


class TransferToPartnerForm(HandlingForm):
    schema = ITransferToPartner
    label = _("title_transfer_to_partner", default="移交协同单位")
    description = _(
        "help_transfer_to_partner_mailbox",
        default="移交后，该协同单位的工作人员在收件箱接收本事项，可查看移交单并录入办理结果；反馈结果后即不能再查看本事项。移交法院司法确认的，法院自接收之日起15日内作出是否确认的决定。",
    )
    success_message = _("status_partner_sent", default="已移交协同单位，可打印移交单。")

    def update(self):
        # Registered with View: a case closed by a mediation agreement goes to the court for
        # 司法确认 by its handlers, who may no longer modify it.
        if not transfers.may_send(self.context):
            raise Unauthorized("transfer-to-partner")
        super().update()

    @button.buttonAndHandler(_("button_partner_send", default="移交"), name="send")
    def handle_send(self, action):
        self.run(
            lambda data: transfers.send(self.context, data.get("partner"), data.get("purpose"), data.get("note") or "")
        )

    @button.buttonAndHandler(_("button_court_share", default="共享至法院（裁审衔接，只读）"), name="share")
    def handle_share(self, action):
        self.run(lambda data: transfers.share_with_court(self.context, data.get("partner"), data.get("note") or ""))

    @button.buttonAndHandler(_("button_cancel", default="取消"), name="cancel")
    def handle_cancel(self, action):
        self.cancel()

    def next_url(self):
        return f"{self.context.absolute_url()}/@@partner-handover"


class IPartnerResult(Interface):
    outcome = schema.Choice(
        title=_("label_partner_outcome", default="办理结果"),
        vocabulary="suizhou.laborrights.partners.Outcomes",
        required=False,
    )
    day = schema.Date(title=_("label_partner_result_day", default="办理日期"), required=False)
    note = schema.Text(title=_("label_partner_result_note", default="说明"), required=False)


class PartnerResultForm(HandlingForm):
    schema = IPartnerResult
    label = _("title_partner_result", default="录入协同单位办理结果")
    success_message = _("status_partner_result", default="办理结果已反馈至本事项。")

    def update(self):
        # Only a member of a partner unit the matter was sent to (and not yet answered).
        if not transfers.open_for_user(self.context):
            raise NotFound(self.context, "partner-result", self.request)
        super().update()

    def info(self):
        transfer = transfers.open_for_user(self.context)[0]
        due = transfers.due_date(transfer)
        found = [
            (_("label_partner_unit", default="协同单位"), units.title(transfer["partner"])),
            (_("label_partner_purpose", default="移交事由"), purpose_title(transfer["purpose"])),
        ]
        if due:
            found.append((_("label_partner_due", default="办理期限"), due.isoformat()))
            found.append((_("label_partner_due_basis", default="期限依据"), transfers.COURT_DECISION_BASIS))
        return found

    @button.buttonAndHandler(_("button_partner_result", default="提交结果"), name="submit")
    def handle_submit(self, action):
        self.run(
            lambda data: transfers.give_result(
                self.context, data.get("outcome"), data.get("day"), data.get("note") or ""
            )
        )

    @button.buttonAndHandler(_("button_cancel", default="取消"), name="cancel")
    def handle_cancel(self, action):
        self.cancel()

    def next_url(self):
        # The unit no longer reads the case once its result is in: back to its mailbox.
        return f"{api.portal.get().absolute_url()}/@@partner-mailbox"


TransferToPartnerView = layout.wrap_form(TransferToPartnerForm)
PartnerResultView = layout.wrap_form(PartnerResultForm)
