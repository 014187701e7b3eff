"""The handling forms of a case: route (分办/改派), send back (退回), the clock's pause,
resume, extension and next stage, transfer to arbitration, and the case's edit form.

Every form carries the version of the case it was shown with (``case_version``): when
somebody else changed the case in the meantime, a handling form is refused with a message,
and the edit form merges field by field (see ``CaseEditForm``) — never silently overwriting
the other person's change.
"""

from Acquisition import aq_base
from plone import api
from plone.dexterity.browser.edit import DefaultEditForm
from plone.dexterity.interfaces import IDexterityEditForm
from plone.z3cform import layout
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage
from suizhou.laborrights import _
from suizhou.laborrights.handling import assignment
from suizhou.laborrights.handling import clocks
from suizhou.laborrights.handling import mediation
from suizhou.laborrights.handling import triage
from suizhou.laborrights.handling.errors import Refused
from suizhou.laborrights.handling.history import entries
from suizhou.laborrights.handling.history import record
from suizhou.laborrights.handling.panel import state_title
from suizhou.laborrights.handling.subscribers import mark_recorded
from z3c.form import button
from z3c.form import field
from z3c.form import form
from z3c.form.interfaces import ActionExecutionError
from z3c.form.interfaces import HIDDEN_MODE
from z3c.form.interfaces import IDataConverter
from z3c.form.interfaces import IErrorViewSnippet
from z3c.form.interfaces import WidgetActionExecutionError
from zope import schema
from zope.component import getMultiAdapter
from zope.interface import classImplements
from zope.interface import Interface
from zope.i18n import translate
from zope.interface import Invalid

import binascii
import hashlib
import json


def case_version(case):
    """The version of the case as stored (changes with every committed change of it)."""
    serial = getattr(case, "_p_serial", None)
    return binascii.hexlify(serial).decode() if serial else ""


STALE = _(
    "error_case_changed",
    default="该事项在您打开本页后已被他人修改，您的提交未保存。请核对页面上的最新内容后重新提交。",
)


class IVersioned(Interface):
    case_version = schema.ASCIILine(required=False)


class HandlingForm(form.Form):
    """A form on a case; refuses a stale submission; shows ``Refused`` as a form error."""

    ignoreContext = True
    template = ViewPageTemplateFile("templates/case_form.pt")
    success_message = _("status_done", default="已保存。")
    schema = None
    show_triage = False

    def update_fields(self):
        self.fields = field.Fields(self.schema) + field.Fields(IVersioned, mode=HIDDEN_MODE)

    def update(self):
        self.update_fields()
        super().update()

    def updateWidgets(self):
        super().updateWidgets()
        widget = self.widgets["case_version"]
        if not widget.value:
            widget.value = case_version(self.context)

    def check(self, data):
        """Raise ActionExecutionError when the case changed since the form was shown."""
        token = data.pop("case_version", None)
        current = case_version(self.context)
        if token and token != current:
            self.widgets["case_version"].value = current
            raise ActionExecutionError(Invalid(STALE))

    def run(self, action):
        """Read the form, check, then do ``action(data)``; a ``Refused`` becomes the form's
        error."""
        data, errors = self.extractData()
        if errors:
            self.status = self.formErrorsMessage
            return
        self.check(data)
        try:
            action(data)
        except Refused as refused:
            field_name = getattr(refused, "field", None)
            if field_name and field_name in self.widgets:
                raise WidgetActionExecutionError(field_name, Invalid(refused.message))
            raise ActionExecutionError(Invalid(refused.message))
        IStatusMessage(self.request).add(self.success_message, "info")
        self.request.response.redirect(self.next_url())

    def next_url(self):
        """The case, or the worklists when the user handed it over and may not see it now."""
        if api.user.has_permission("View", obj=self.context):
            return self.context.absolute_url()
        return f"{api.portal.get().absolute_url()}/@@worklist?tab=unrouted"

    def cancel(self):
        self.request.response.redirect(self.context.absolute_url())

    # for the template
    def reference(self):
        return self.context.getId()

    def info(self):
        """(label, value) pairs shown above the form."""
        return []

    def suggestions(self):
        return list(triage.suggestions(self.context).values()) if self.show_triage else []


def _wrap(form_class):
    return layout.wrap_form(form_class)


# --- routing ------------------------------------------------------------------------------


class IRouteForm(Interface):
    route = schema.Choice(
        title=_("label_route", default="分办去向"),
        vocabulary="suizhou.laborrights.vocabularies.Routes",
        required=False,
    )
    unit = schema.Choice(
        title=_("label_assigned_unit", default="承办单位"),
        vocabulary="suizhou.laborrights.vocabularies.Stations",
        required=False,
    )
    handler = schema.Choice(
        title=_("label_handler_choice", default="承办人 / 调解员"),
        vocabulary="suizhou.laborrights.handling.Staff",
        required=False,
    )
    copy_units = schema.List(
        title=_("label_copy_units", default="抄送单位"),
        value_type=schema.Choice(vocabulary="suizhou.laborrights.vocabularies.Stations"),
        required=False,
    )
    collective_dispute = schema.Bool(
        title=_("label_collective_dispute", default="集体劳动争议"), required=False
    )
    fast_track = schema.Bool(title=_("label_fast_track", default="适用速裁（简案快办）"), required=False)
    final_award = schema.Bool(title=_("label_final_award", default="适用终局裁决"), required=False)
    reason = schema.Text(
        title=_("label_route_reason", default="理由"),
        description=_("help_route_reason", default="改派或重新分办时必填。"),
        required=False,
    )


class RouteForm(HandlingForm):
    schema = IRouteForm
    label = _("title_route_case", default="分办")
    description = _(
        "help_route_case",
        default="确认繁简分流建议，选择分办去向、承办单位和承办人。改派须说明理由。",
    )
    show_triage = True
    success_message = _("status_routed", default="已分办。")
    ignoreContext = False

    def getContent(self):
        case = self.context
        found = triage.suggestions(case)
        triaged = any(e.action == "triage" for e in entries(case))

        def flag(name):
            if triaged:
                return bool(getattr(case, name, False))
            return bool(found[name].applies) or bool(getattr(case, name, False))

        route = case.route or (found["route"].applies if "route" in found else None)
        return {
            "route": route,
            "unit": case.assigned_unit,
            "handler": case.handler,
            "copy_units": list(case.copy_units or []),
            "collective_dispute": flag("collective_dispute"),
            "fast_track": flag("fast_track"),
            "final_award": flag("final_award"),
            "reason": "",
            "case_version": case_version(case),
        }

    def info(self):
        case = self.context
        return [
            (_("label_state", default="状态"), state_title(api.content.get_state(case))),
            (_("label_assigned_unit", default="承办单位"), assignment.unit_title(case.assigned_unit)),
            (_("label_assigned_handler", default="承办人"), assignment.handler_title(case.handler)),
        ]

    @button.buttonAndHandler(_("button_route", default="确认分办"), name="route")
    def handle_route(self, action):
        def do(data):
            if not data.get("unit"):
                error = Refused(_("refused_route_needs_unit", default="分办须选择承办单位。"))
                error.field = "unit"
                raise error
            done = assignment.route(
                self.context,
                unit=data["unit"],
                handler=data.get("handler"),
                route=data.get("route"),
                copy_units=data.get("copy_units") or (),
                reason=data.get("reason") or "",
                triage={
                    name: bool(data.get(name))
                    for name in ("collective_dispute", "fast_track", "final_award")
                },
            )
            if done == "assign":
                self.success_message = _("status_assigned", default="已重新指定承办人。")

        self.run(do)

    @button.buttonAndHandler(_("button_cancel", default="取消"), name="cancel")
    def handle_cancel(self, action):
        self.cancel()


RouteView = _wrap(RouteForm)


class IReasonForm(Interface):
    reason = schema.Text(title=_("label_reason", default="理由"), required=False)


class SendBackForm(HandlingForm):
    schema = IReasonForm
    label = _("title_send_back", default="退回")
    description = _(
        "help_send_back",
        default="将事项退回受理窗口重新分办（例如不属于本单位管辖）。须说明理由。",
    )
    success_message = _("status_sent_back", default="已退回受理窗口。")

    @button.buttonAndHandler(_("button_send_back", default="退回"), name="send_back")
    def handle_send_back(self, action):
        def do(data):
            try:
                assignment.send_back(self.context, data.get("reason"))
            except Refused as refused:
                refused.field = "reason"
                raise

        self.run(do)

    @button.buttonAndHandler(_("button_cancel", default="取消"), name="cancel")
    def handle_cancel(self, action):
        self.cancel()


SendBackView = _wrap(SendBackForm)


# --- the clock ----------------------------------------------------------------------------


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


PauseView = _wrap(PauseForm)


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


ResumeView = _wrap(ResumeForm)


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


ExtendView = _wrap(ExtendForm)


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


AdvanceView = _wrap(AdvanceForm)


# --- transfer to arbitration --------------------------------------------------------------


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


TransferView = _wrap(TransferForm)


# --- the case's edit form -----------------------------------------------------------------


class IEditReason(Interface):
    change_reason = schema.TextLine(
        title=_("label_change_reason", default="修改原因"),
        description=_("help_change_reason", default="记入办理记录。"),
        required=False,
    )


class IFingerprint(Interface):
    case_fingerprint = schema.ASCIILine(required=False)


EDIT_META = ("change_reason", "case_version", "case_fingerprint")


def _token(value):
    return hashlib.sha1(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()[:12]


class CaseEditForm(DefaultEditForm):
    """The default edit form, plus:

    - every changed field is recorded in the history, old and new value, with the reason;
    - when somebody else saved the case after this form was shown, the changes are merged
      field by field: the fields this person changed are saved, the others keep the other
      person's values; when both changed the same field, nothing is saved and the form
      says which fields, showing them again for a deliberate decision.
    """

    def updateFields(self):
        super().updateFields()
        self.fields += (
            field.Fields(IEditReason)
            + field.Fields(IVersioned, mode=HIDDEN_MODE)
            + field.Fields(IFingerprint, mode=HIDDEN_MODE)
        )
        for name in EDIT_META:
            self.fields[name].ignoreContext = True

    def update(self):
        self.untouched = None
        super().update()
        self._stamp()

    def _stamp(self, refresh=False):
        """Put the case's version and the fingerprint of its values into the form."""
        version, fingerprint = self.widgets["case_version"], self.widgets["case_fingerprint"]
        if refresh or not version.value:
            version.value = case_version(self.context)
        if refresh or not fingerprint.value:
            fingerprint.value = json.dumps(self.fingerprint())

    def all_widgets(self):
        for widget in self.widgets.values():
            yield widget
        for group in self.groups:
            yield from group.widgets.values()

    def fingerprint(self):
        """{widget name: token of the value the case has now, as the widget shows it}."""
        found = {}
        for widget in self.all_widgets():
            if widget.field.__name__ in EDIT_META:
                continue
            value = getattr(aq_base(self.context), widget.field.__name__, None)
            try:
                shown = IDataConverter(widget).toWidgetValue(value)
            except Exception:  # a value the widget cannot show: compare its text
                shown = str(value)
            found[widget.name] = _token(shown)
        return found

    def extractData(self, setErrors=True):
        data, errors = super().extractData(setErrors=setErrors)
        token = data.get("case_version")
        if not token or token == case_version(self.context) or errors:
            return data, errors
        try:
            original = json.loads(data.get("case_fingerprint") or "{}")
        except ValueError:
            original = {}
        now = self.fingerprint()
        conflicts, untouched = [], []
        for widget in self.all_widgets():
            if widget.name not in original:
                continue
            submitted = _token(widget.value)
            if submitted == original[widget.name]:
                untouched.append(widget.field.__name__)
            elif now.get(widget.name) not in (original[widget.name], submitted):
                conflicts.append(translate(widget.label, context=self.request))
        if not original or conflicts:
            message = _(
                "error_case_changed_fields",
                default="该事项在您编辑期间已被他人修改（${fields}），您的提交未保存。"
                "请核对页面上的内容，确认后再次保存。",
                mapping={"fields": "、".join(conflicts) or "—"},
            )
            snippet = getMultiAdapter(
                (Invalid(message), self.request, None, None, self, self.getContent()),
                IErrorViewSnippet,
            )
            snippet.update()
            errors = errors + (snippet,)
            if setErrors:
                self.widgets.errors = self.widgets.errors + (snippet,)
            self._stamp(refresh=True)
        else:
            self.untouched = untouched
        return data, errors

    def applyChanges(self, data):
        for name in EDIT_META[1:]:
            data.pop(name, None)
        reason = (data.pop("change_reason", None) or "").strip()
        if self.untouched is not None:
            # Merged with a change saved meanwhile: only what this person changed.
            for name in self.untouched:
                data.pop(name, None)
            IStatusMessage(self.request).add(
                _("status_merged", default="他人在您编辑期间对其他内容所做的修改已一并保留。"), "info"
            )
        case = self.context
        before = {name: getattr(case, name, None) for name in data}
        mark_recorded(self.request, case)
        changes = super().applyChanges(data)
        changed = tuple(
            (name, before[name], getattr(case, name, None))
            for name in data
            if before[name] != getattr(case, name, None)
        )
        if changed:
            record(case, "edit", reason, changes=changed)
        return changes


CaseEditView = layout.wrap_form(CaseEditForm)
classImplements(CaseEditView, IDexterityEditForm)
