"""Closing a case (结案): outcome, amount recovered, workers benefited, and the figures the
official reports add up: a mediation's kind of closure (协议, 和解, 未达成, 撤回), an arbitration
award's result, an inspection's 追发工资, 补缴社保, 补签合同 and 移送公安 (statistics/).

``close_case`` sets the closing data and makes the ``close`` transition in one step: if the
transition is refused, nothing of it is kept. The handling subscribers then stop the clock,
record the history and fire ``CaseClosed``, on which the applicant is told the outcome and
invited to rate the service on the progress page (``notifications``). ``@@close-case`` is the
handler's form for it.
"""

from decimal import Decimal
from plone import api
from plone.api.exc import InvalidParameterError
from Products.CMFCore.WorkflowCore import WorkflowException
from suizhou.laborrights import _
from suizhou.laborrights.handling.assignment import station
from suizhou.laborrights.handling.errors import Refused
from suizhou.laborrights.validators import MAX_CLAIM_AMOUNT
from suizhou.laborrights.vocabularies import registry_terms
from z3c.form import button
from z3c.form import field
from z3c.form import form
from zope import schema
from zope.interface import Interface
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

import copy
import transaction


# Outcomes that belong to a transition of their own (不予受理, 撤回), not to closing.
NOT_CLOSING = ("not_accepted", "withdrawn")

# 调解结案 (人社统 MA1): every closed mediation is one of these; only 协议 and 和解 succeed.
MEDIATION_RESULTS = SimpleVocabulary(
    [
        SimpleTerm("agreement", "agreement", _("mediation_result_agreement", default="达成协议")),
        SimpleTerm("settlement", "settlement", _("mediation_result_settlement", default="和解")),
        SimpleTerm("failed", "failed", _("mediation_result_failed", default="未达成协议")),
        SimpleTerm("withdrawn", "withdrawn", _("mediation_result_withdrawn", default="撤回")),
    ]
)
MEDIATION_SUCCESS = ("agreement", "settlement")
# 按处理结果 of the official 劳动争议处理情况 table.
AWARD_RESULTS = SimpleVocabulary(
    [
        SimpleTerm("employer_won", "employer_won", _("award_result_employer_won", default="用人单位胜诉")),
        SimpleTerm("worker_won", "worker_won", _("award_result_worker_won", default="劳动者胜诉")),
        SimpleTerm("partly", "partly", _("award_result_partly", default="双方部分胜诉")),
    ]
)
# The closing figures of each route, stored on the case under the field's name.
MEDIATION_FIELDS = ("mediation_result",)
ARBITRATION_FIELDS = ("award_result",)
INSPECTION_FIELDS = (
    "wages_paid_workers",
    "wages_paid_amount",
    "social_insurance_workers",
    "social_insurance_amount",
    "contracts_signed_workers",
    "referred_to_police",
)
ROUTE_FIELDS = {
    "mediation": MEDIATION_FIELDS,
    "arbitration": ARBITRATION_FIELDS,
    "inspection": INSPECTION_FIELDS,
}
CLOSING_FIGURES = MEDIATION_FIELDS + ARBITRATION_FIELDS + INSPECTION_FIELDS
# 小事不出村、大事不出镇: the level at which a closed matter was settled (issue 15 item 4).
RESOLUTION_LEVELS = SimpleVocabulary(
    [
        SimpleTerm("point", "point", _("resolution_level_point", default="服务点（村、社区）")),
        SimpleTerm("station", "station", _("resolution_level_station", default="服务站（乡镇、街道）")),
        SimpleTerm("center", "center", _("resolution_level_center", default="维权中心（区县、市）")),
        SimpleTerm("partner", "partner", _("resolution_level_partner", default="1+X 合作单位（法院、工会、公安等）")),
    ]
)


def closing_outcomes():
    return [(code, title) for code, title in registry_terms("outcomes") if code not in NOT_CLOSING]


@provider(IVocabularyFactory)
def ClosingOutcomes(context=None):
    return SimpleVocabulary([SimpleTerm(code, code, title) for code, title in closing_outcomes()])


def _check_figures(case, figures):
    """Refuses closing figures that do not belong to the case's route or are wrong."""
    allowed = ROUTE_FIELDS.get(case.route, ())
    given = {name: value for name, value in figures.items() if value not in (None, "")}
    if set(given) - set(allowed):
        raise Refused(_("refused_close_figures_route", default="所填结案数据与该事项的分办去向不符。"))
    if case.route == "mediation" and given.get("mediation_result") not in MEDIATION_RESULTS.by_value:
        raise Refused(
            _(
                "refused_close_needs_mediation_result",
                default="调解事项办结须选择调解结果（达成协议、和解、未达成协议或撤回）。",
            )
        )
    if "award_result" in given and given["award_result"] not in AWARD_RESULTS.by_value:
        raise Refused(_("refused_close_bad_award_result", default="裁决结果无效，请从列表中选择。"))
    for name in ("wages_paid_workers", "social_insurance_workers", "contracts_signed_workers"):
        if name in given and given[name] < 0:
            raise Refused(_("refused_close_bad_workers", default="惠及劳动者人数不能为负数。"))
    for name in ("wages_paid_amount", "social_insurance_amount"):
        if name in given and not (Decimal(0) <= given[name] <= MAX_CLAIM_AMOUNT):
            raise Refused(_("error_amount", default="金额应在 0 至 1 亿元之间。"))


def unit_level(case):
    """The level of the case's handling unit (a station's 场所层级), or None."""
    unit = station(getattr(case, "assigned_unit", None))
    level = getattr(unit, "level", None)
    return level if level in RESOLUTION_LEVELS.by_value else None


def resolution_counts(unit_uid):
    """[(level title, number)] of the unit's closed matters by the level they were settled at:
    aggregate figures only (the station's public page shows them), from the statistics' records
    (no case is woken)."""
    from suizhou.laborrights.statistics.store import records_of  # the store reads this module

    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(portal_type="Case", assigned_unit=unit_uid, review_state="closed")
    counts = dict.fromkeys(RESOLUTION_LEVELS.by_value, 0)
    for record in records_of([brain.UID for brain in brains]):
        if record.state == "closed" and record.resolution_level in counts:
            counts[record.resolution_level] += 1
    return [(RESOLUTION_LEVELS.by_value[level].title, number) for level, number in counts.items() if number]


def close_case(
    case, outcome, amount_recovered=None, workers_benefited=None, comment="", resolution_level=None, **figures
):
    """Close ``case`` with its outcome and the closing figures of its route (``ROUTE_FIELDS``);
    raises ``Refused`` (a Chinese message) and keeps nothing when the data is missing or wrong
    or the case cannot be closed now."""
    unknown = set(figures) - set(CLOSING_FIGURES)
    if unknown:
        raise TypeError(f"close_case() got unexpected figures {sorted(unknown)}")
    if not outcome:
        raise Refused(_("refused_close_needs_outcome", default="办结须选择办理结果。"))
    if outcome not in dict(closing_outcomes()):
        raise Refused(_("refused_close_bad_outcome", default="办理结果无效，请从列表中选择。"))
    if amount_recovered is not None and not (Decimal(0) <= amount_recovered <= MAX_CLAIM_AMOUNT):
        raise Refused(_("error_amount", default="金额应在 0 至 1 亿元之间。"))
    if workers_benefited is not None and workers_benefited < 0:
        raise Refused(_("refused_close_bad_workers", default="惠及劳动者人数不能为负数。"))
    _check_figures(case, figures)
    if "close" not in [t["id"] for t in api.portal.get_tool("portal_workflow").getTransitionsFor(case)]:
        raise Refused(_("refused_close_not_now", default="该事项当前不能办结（须已分办且由您所在单位承办）。"))
    resolution_level = resolution_level or unit_level(case)
    if resolution_level not in RESOLUTION_LEVELS.by_value:
        raise Refused(_("refused_close_needs_level", default="请选择化解层级（服务点、服务站、维权中心或合作单位）。"))
    savepoint = transaction.savepoint()
    try:
        case.outcome = outcome
        case.amount_recovered = amount_recovered
        case.workers_benefited = workers_benefited
        case.resolution_level = resolution_level
        for name in ROUTE_FIELDS.get(case.route, ()):
            setattr(case, name, figures.get(name))
        api.content.transition(obj=case, transition="close", comment=(comment or "").strip())
    except (Refused, WorkflowException, InvalidParameterError):
        savepoint.rollback()
        raise
    return case


class IClosure(Interface):
    outcome = schema.Choice(
        title=_("label_outcome", default="办理结果"),
        vocabulary="suizhou.laborrights.intake.ClosingOutcomes",
    )
    amount_recovered = schema.Decimal(
        title=_("label_amount_recovered", default="挽回金额（元）"),
        description=_("help_amount_recovered", default="为劳动者追回的工资、补偿等金额合计；没有的填 0。"),
        required=False,
        min=Decimal(0),
        max=MAX_CLAIM_AMOUNT,
    )
    workers_benefited = schema.Int(
        title=_("label_workers_benefited", default="惠及劳动者人数"),
        required=False,
        min=0,
    )
    mediation_result = schema.Choice(
        title=_("label_mediation_result", default="调解结果"),
        description=_("help_mediation_result", default="调解结案均须选择；只有达成协议与和解计为调解成功。"),
        vocabulary=MEDIATION_RESULTS,
        required=False,
    )
    award_result = schema.Choice(
        title=_("label_award_result", default="裁决结果"),
        description=_("help_award_result", default="以裁决结案的填写，计入《劳动争议处理情况》按处理结果分组。"),
        vocabulary=AWARD_RESULTS,
        required=False,
    )
    wages_paid_workers = schema.Int(
        title=_("label_wages_paid_workers", default="追发工资等待遇人数"),
        required=False,
        min=0,
    )
    wages_paid_amount = schema.Decimal(
        title=_("label_wages_paid_amount", default="追发工资等待遇金额（元）"),
        required=False,
        min=Decimal(0),
        max=MAX_CLAIM_AMOUNT,
    )
    social_insurance_workers = schema.Int(
        title=_("label_social_insurance_workers", default="督促补缴社会保险人数"),
        required=False,
        min=0,
    )
    social_insurance_amount = schema.Decimal(
        title=_("label_social_insurance_amount", default="督促补缴社会保险金额（元）"),
        required=False,
        min=Decimal(0),
        max=MAX_CLAIM_AMOUNT,
    )
    contracts_signed_workers = schema.Int(
        title=_("label_contracts_signed_workers", default="补签劳动合同人数"),
        required=False,
        min=0,
    )
    referred_to_police = schema.Bool(
        title=_("label_referred_to_police", default="移送公安机关（涉嫌拒不支付劳动报酬罪）"),
        required=False,
        default=False,
    )
    resolution_level = schema.Choice(
        title=_("label_resolution_level", default="化解层级"),
        description=_(
            "help_resolution_level",
            default="事项在哪一级化解；不选则按承办单位的层级记录，移交合作单位化解的选“合作单位”。",
        ),
        vocabulary=RESOLUTION_LEVELS,
        required=False,
    )
    comment = schema.Text(
        title=_("label_closure_comment", default="办结说明"),
        description=_("help_closure_comment", default="记入办理记录，不向申请人公开。"),
        required=False,
    )


class CloseCaseForm(form.Form):
    """``case/@@close-case``: the handler closes the case."""

    fields = field.Fields(IClosure)
    ignoreContext = True

    def update(self):
        # Only the closing figures of the case's route are asked for.
        others = [name for name in CLOSING_FIGURES if name not in ROUTE_FIELDS.get(self.context.route, ())]
        self.fields = field.Fields(IClosure).omit(*others)
        if "mediation_result" in self.fields:
            # required here (an error at the field), optional in the schema other routes share
            required = copy.copy(IClosure["mediation_result"])
            required.required = True
            self.fields["mediation_result"].field = required
        super().update()

    enableCSRFProtection = True
    label = _("close_title", default="办结事项")
    description = _(
        "close_description",
        default="选择办理结果并填写挽回金额和惠及人数。办结后系统通知申请人并邀请其评价服务。",
    )

    def updateActions(self):
        super().updateActions()
        self.actions["close"].addClass("btn-primary")

    def updateWidgets(self, prefix=None):
        super().updateWidgets(prefix)
        outcome = self.widgets["outcome"]
        outcome.prompt = True  # nothing chosen until the handler chooses
        outcome.promptMessage = _("close_choose_outcome", default="请选择办理结果")
        outcome.update()
        if not self.request.form.get("form.buttons.close"):
            self.widgets["workers_benefited"].value = str(self.context.workers_involved or 1)
            if self.context.outcome and self.context.outcome not in NOT_CLOSING:
                self.widgets["outcome"].value = [self.context.outcome]

    @button.buttonAndHandler(_("close_button", default="办结"), name="close")
    def handle_close(self, action):
        data, errors = self.extractData()
        if errors:
            self.status = self.formErrorsMessage
            return
        try:
            close_case(self.context, **data)
        except Refused as error:
            self.status = error.message
            return
        api.portal.show_message(
            _("close_done", default="已办结。办理结果将告知申请人，并邀请其评价服务。"),
            request=self.request,
        )
        self.request.response.redirect(f"{self.context.absolute_url()}/@@case-document/closure")

    @button.buttonAndHandler(_("button_cancel", default="取消"), name="cancel")
    def handle_cancel(self, action):
        self.request.response.redirect(self.context.absolute_url())
