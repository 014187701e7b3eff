"""The handler's form for a procedural event (``procedure.py``): 补正, 追加当事人, 变更请求,
反申请, 中止 — what happened, on which day, and (for 补正) what to supply by when."""

from plone.z3cform import layout
from suizhou.laborrights import _
from suizhou.laborrights.handling import clocks
from suizhou.laborrights.handling import procedure
from suizhou.laborrights.handling.clock_forms import ClockForm
from suizhou.laborrights.handling.clocks import today
from suizhou.laborrights.handling.errors import Refused
from z3c.form import button
from zope import schema
from zope.interface import Interface
from zope.interface import provider
from zope.schema.interfaces import IContextSourceBinder
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


@provider(IContextSourceBinder)
def applicable_kinds(context):
    """The kinds the case's running clock allows."""
    kinds = procedure.applicable(context) if context is not None else ()
    return SimpleVocabulary(
        [SimpleTerm(kind, kind, procedure.KINDS[kind].title) for kind in kinds or procedure.KINDS]
    )


class IProcedureForm(Interface):
    kind = schema.Choice(
        title=_("label_procedure_kind", default="程序事项"),
        source=applicable_kinds,
        required=False,
    )
    day = schema.Date(
        title=_("label_procedure_day", default="发生日期"),
        description=_(
            "help_procedure_day",
            default="不填为今天。收到补正材料、受理追加当事人、增加或变更请求、反申请之日，期限自该日起重新计算。",
        ),
        required=False,
    )
    supply = schema.Text(
        title=_("label_supply", default="需补正的材料"),
        description=_("help_supply", default="通知补正时必填：一次性写明需要补正的全部材料。"),
        required=False,
    )
    supply_by = schema.Date(title=_("label_supply_by", default="补正期限"), required=False)
    comment = schema.Text(title=_("label_comment", default="说明"), required=False)


class ProcedureForm(ClockForm):
    schema = IProcedureForm
    label = _("title_procedure_event", default="程序事项")
    description = _(
        "help_procedure_event",
        default="通知补正、中止审理期间暂停计时；收到补正材料、追加当事人、增加或变更仲裁请求、"
        "受理反申请的，办理期限自该日起重新计算（《劳动人事争议仲裁办案规则》第四十六条）。",
    )
    success_message = _("status_procedure_recorded", default="已记录程序事项，办理期限已相应调整。")
    ignoreContext = True

    def info(self):
        rows = super().info()
        if self.context is not None:
            clock = clocks.current(self.context)
            counts_from = procedure.counts_from(clock) if clock is not None else None
            if counts_from:
                rows.append((_("label_counts_from", default="期限计算"), counts_from))
        return rows

    @button.buttonAndHandler(_("button_record_procedure", default="记录"), name="record")
    def handle_record(self, action):
        def do(data):
            if not data.get("kind"):
                error = Refused(_("refused_procedure_unknown", default="请选择程序事项。"))
                error.field = "kind"
                raise error
            procedure.record_event(
                self.context,
                data["kind"],
                data.get("comment") or "",
                when=data.get("day") or today(),
                supply=data.get("supply") or "",
                supply_by=data.get("supply_by"),
            )

        self.run(do)

    @button.buttonAndHandler(_("button_cancel", default="取消"), name="cancel")
    def handle_cancel(self, action):
        self.cancel()


ProcedureView = layout.wrap_form(ProcedureForm)
