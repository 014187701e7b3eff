"""``@@notify-employer``: the handler sends the employer the notice of the complaint."""

from plone.z3cform import layout
from suizhou.laborrights import _
from suizhou.laborrights.employer import access
from suizhou.laborrights.handling.errors import Refused
from suizhou.laborrights.handling.handling_form import HandlingForm
from suizhou.laborrights.masking import mask_phone
from z3c.form import button
from zope.interface import Interface


class INotifyEmployer(Interface):
    """No field: the phone is the employer's on the case."""


def notify(case):
    try:
        return access.send_notice(case)
    except access.Denied as denied:
        raise Refused(denied.message) from denied


class NotifyEmployerForm(HandlingForm):
    schema = INotifyEmployer
    label = _("title_notify_employer", default="通知用人单位答复")
    @property
    def description(self):
        return _(
            "help_notify_employer",
            default="向用人单位登记的手机号码发送维权申请通知和答复链接。用人单位凭短信验证码提交答复意见和证据，"
            "答复记入办理记录，证据列入附件。链接${days}日内有效；重新发送后，原链接失效。",
            mapping={"days": access.link_days()},
        )
    success_message = _("status_employer_notified", default="已向用人单位发送通知。")

    def info(self):
        return [
            (_("label_employer_name", default="用人单位名称"), self.context.employer_name or ""),
            (_("label_employer_phone", default="单位联系电话"), mask_phone(self.context.employer_phone)),
        ]

    @button.buttonAndHandler(_("button_notify_employer", default="发送通知"), name="notify")
    def handle_notify(self, action):
        self.run(lambda data: notify(self.context))

    @button.buttonAndHandler(_("button_cancel", default="取消"), name="cancel")
    def handle_cancel(self, action):
        self.cancel()


NotifyEmployerView = layout.wrap_form(NotifyEmployerForm)
