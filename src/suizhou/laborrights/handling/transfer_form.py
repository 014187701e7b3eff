"""Transfer to arbitration (转入仲裁) when mediation failed or ran out of time."""

from plone.z3cform import layout
from suizhou.laborrights import _
from suizhou.laborrights.handling import mediation
from suizhou.laborrights.handling.handling_form import HandlingForm
from z3c.form import button
from zope import schema
from zope.interface import Interface


class ITransferForm(Interface):
    reason = schema.Text(
        title=_("label_transfer_reason", default="理由"),
        default="调解期限届满，双方未达成调解协议，申请人申请仲裁。",
        required=False,
    )
    unit = schema.Choice(
        title=_("label_arbitration_unit", default="仲裁承办单位"),
        description=_("help_arbitration_unit", default="由其他单位仲裁时选择；不选则由本单位继续办理。"),
        vocabulary="suizhou.laborrights.vocabularies.Stations",
        required=False,
    )
    handler = schema.Choice(
        title=_("label_arbitrator", default="仲裁员 / 承办人"),
        vocabulary="suizhou.laborrights.handling.Staff",
        required=False,
    )


class TransferForm(HandlingForm):
    schema = ITransferForm
    label = _("title_transfer_to_arbitration", default="转入仲裁")
    description = _(
        "help_transfer_to_arbitration",
        default="调解不成或调解期限届满未达成协议的，转入仲裁程序：开始仲裁立案审查期限，"
        "调解记录和办理记录均予保留。",
    )
    success_message = _("status_transferred", default="已转入仲裁程序。")

    @button.buttonAndHandler(_("button_transfer", default="转入仲裁"), name="transfer")
    def handle_transfer(self, action):
        self.run(
            lambda data: mediation.transfer_to_arbitration(
                self.context, data.get("reason") or "", data.get("unit"), data.get("handler")
            ),
        )

    @button.buttonAndHandler(_("button_cancel", default="取消"), name="cancel")
    def handle_cancel(self, action):
        self.cancel()


TransferView = layout.wrap_form(TransferForm)
