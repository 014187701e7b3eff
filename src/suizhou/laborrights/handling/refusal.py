"""不予受理 (the ``reject`` transition) with its reason, and the handler's form for it.

The reason is one of the registry's refusal reasons (``vocabularies.refusal_reasons``) plus the
handler's own words; it is the transition's comment — the notice (不予受理通知书) and the SMS
quote it — and its code is kept in the history entry (``reason_code``). A reject without a
reason is refused whichever way it is tried (``subscribers.check_transition``)."""

from plone import api
from plone.z3cform import layout
from suizhou.laborrights import _
from suizhou.laborrights.handling.errors import Refused
from suizhou.laborrights.handling.handling_form import HandlingForm
from suizhou.laborrights.handling.history import last
from suizhou.laborrights.i18n import zh
from suizhou.laborrights.vocabularies import title_of
from z3c.form import button
from zope import schema
from zope.interface import Interface


OTHER = "other"
# A case rejected before a reason was required (no comment) still reads as a sentence.
NO_REASON = _("rejection_no_reason", default="不符合受理条件")


def rejection_reason(case):
    """The reason the case was not accepted, as the notice and the SMS quote it (no final
    full stop): the reject transition's comment, or “不符合受理条件” when none was given."""
    entry = last(case, "reject")
    stated = (entry.comment if entry is not None else "").strip().rstrip("。.；;")
    return stated or zh(NO_REASON)


def refusal_text(code, detail=""):
    """The reason as the notice quotes it: “超过仲裁时效（申请人于2024年8月离职）”, or the
    handler's words alone for “其他”."""
    detail = (detail or "").strip().rstrip("。.；;")
    if code == OTHER or not code:
        return detail
    title = title_of("refusal_reasons", code)
    return f"{title}（{detail}）" if detail else title


def reject(case, code, detail=""):
    """Do the ``reject`` transition with the reason; ``Refused`` without one."""
    if not code:
        error = Refused(_("refused_reject_needs_reason", default="不予受理须选择理由。"))
        error.field = "reason_code"
        raise error
    text = refusal_text(code, detail)
    if not text:
        error = Refused(_("refused_reject_needs_detail", default="选择“其他”时须写明不予受理的具体理由。"))
        error.field = "detail"
        raise error
    api.content.transition(obj=case, transition="reject", comment=text, reason_code=code)
    return text


class IRejectForm(Interface):
    reason_code = schema.Choice(
        title=_("label_refusal_reason", default="不予受理理由"),
        vocabulary="suizhou.laborrights.vocabularies.RefusalReasons",
        required=False,
    )
    detail = schema.Text(
        title=_("label_refusal_detail", default="具体说明"),
        description=_(
            "help_refusal_detail",
            default="写明事实依据，将载入《不予受理通知书》和告知短信；选择“其他”时必填。",
        ),
        required=False,
    )


class RejectForm(HandlingForm):
    schema = IRejectForm
    label = _("title_reject_case", default="不予受理")
    description = _(
        "help_reject_case",
        default="经审查不符合受理条件的，选择理由并说明，系统生成《不予受理通知书》并告知申请人。",
    )
    success_message = _("status_rejected", default="已决定不予受理。")

    @button.buttonAndHandler(_("button_reject", default="不予受理"), name="reject")
    def handle_reject(self, action):
        self.run(lambda data: reject(self.context, data.get("reason_code"), data.get("detail") or ""))

    @button.buttonAndHandler(_("button_cancel", default="取消"), name="cancel")
    def handle_cancel(self, action):
        self.cancel()


RejectView = layout.wrap_form(RejectForm)
