"""The forms of a case's statutory clock: pause (补正), resume, extension and next stage."""

from plone import api
from plone.z3cform import layout
from suizhou.laborrights import _
from suizhou.laborrights.handling import clocks
from suizhou.laborrights.handling.errors import Refused
from suizhou.laborrights.handling.handling_form import HandlingForm
from z3c.form import button
from zope import schema
from zope.interface import Interface


class ClockForm(HandlingForm):
    def info(self):
        clock = clocks.current(self.context)
        if clock is None:
            return [(_("label_clock", default="办理期限"), _("no_clock", default="无正在计算的期限"))]
        status = clocks.status(clock)
        due = status.due.isoformat() if status.due else _("clock_paused_no_due", default="暂停中")
        return [
            (_("label_stage", default="办理阶段"), status.title),
            (_("label_clock_start", default="起算日"), clock.start.isoformat()),
            (_("label_due_date", default="到期日"), due),
        ]


class IPauseForm(Interface):
    reason = schema.Text(
        title=_("label_pause_reason", default="暂停理由"),
        default="等待申请人补正材料",
        required=False,
    )


class PauseForm(ClockForm):
    schema = IPauseForm
    label = _("title_pause_clock", default="暂停计时（补正）")
    description = _(
        "help_pause_clock",
        default="等待申请人补正材料期间不计入办理期限；收到补正材料后请恢复计时。",
    )
    success_message = _("status_clock_paused", default="已暂停计时。")

    @button.buttonAndHandler(_("button_pause", default="暂停计时"), name="pause")
    def handle_pause(self, action):
        self.run(lambda data: clocks.pause(self.context, data.get("reason") or ""))

    @button.buttonAndHandler(_("button_cancel", default="取消"), name="cancel")
    def handle_cancel(self, action):
        self.cancel()


PauseView = layout.wrap_form(PauseForm)


class IResumeForm(Interface):
    comment = schema.Text(
        title=_("label_resume_comment", default="说明"),
        default="已收到申请人补正材料",
        required=False,
    )


class ResumeForm(ClockForm):
    schema = IResumeForm
    label = _("title_resume_clock", default="恢复计时")
    success_message = _("status_clock_resumed", default="已恢复计时，到期日已顺延。")

    @button.buttonAndHandler(_("button_resume", default="恢复计时"), name="resume")
    def handle_resume(self, action):
        self.run(lambda data: clocks.resume(self.context, data.get("comment") or ""))

    @button.buttonAndHandler(_("button_cancel", default="取消"), name="cancel")
    def handle_cancel(self, action):
        self.cancel()


ResumeView = layout.wrap_form(ResumeForm)


class IExtendForm(Interface):
    approved_by = schema.TextLine(
        title=_("label_extension_approved_by", default="批准人及批准文号"),
        description=_(
            "help_extension_approved_by",
            default="仲裁延期须经仲裁委员会主任批准；监察延期须经劳动保障行政部门负责人批准。",
        ),
        required=False,
    )
    reason = schema.Text(title=_("label_extension_reason", default="延期理由"), required=False)


class ExtendForm(ClockForm):
    schema = IExtendForm
    label = _("title_extend_clock", default="延长办理期限")
    success_message = _("status_clock_extended", default="已延长办理期限。")

    @button.buttonAndHandler(_("button_extend", default="延长期限"), name="extend")
    def handle_extend(self, action):
        def do(data):
            try:
                clocks.extend(self.context, data.get("approved_by") or "", data.get("reason") or "")
            except Refused as refused:
                if not (data.get("approved_by") or "").strip():
                    refused.field = "approved_by"
                raise

        self.run(do)

    @button.buttonAndHandler(_("button_cancel", default="取消"), name="cancel")
    def handle_cancel(self, action):
        self.cancel()


ExtendView = layout.wrap_form(ExtendForm)


class ICommentForm(Interface):
    comment = schema.Text(title=_("label_comment", default="说明"), required=False)


class AdvanceForm(ClockForm):
    schema = ICommentForm
    label = _("title_advance_stage", default="进入下一办理阶段")
    description = _(
        "help_advance_stage",
        default="仲裁申请已立案受理，或劳动监察已决定立案：结束本阶段期限，开始下一阶段期限。",
    )
    success_message = _("status_stage_advanced", default="已进入下一办理阶段。")

    @button.buttonAndHandler(_("button_advance", default="进入下一阶段"), name="advance")
    def handle_advance(self, action):
        def do(data):
            if not api.user.has_permission("Modify portal content", obj=self.context):
                raise Refused(_("refused_no_permission", default="您没有办理该事项的权限。"))
            clocks.advance(self.context, comment=data.get("comment") or "")

        self.run(do)

    @button.buttonAndHandler(_("button_cancel", default="取消"), name="cancel")
    def handle_cancel(self, action):
        self.cancel()


AdvanceView = layout.wrap_form(AdvanceForm)
