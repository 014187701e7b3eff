"""Closing a case (结案): outcome, amount recovered, workers benefited.

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

import transaction


# Outcomes that belong to a transition of their own (不予受理, 撤回), not to closing.
NOT_CLOSING = ("not_accepted", "withdrawn")


def closing_outcomes():
    return [(code, title) for code, title in registry_terms("outcomes") if code not in NOT_CLOSING]


@provider(IVocabularyFactory)
def ClosingOutcomes(context=None):
    return SimpleVocabulary([SimpleTerm(code, code, title) for code, title in closing_outcomes()])


def close_case(case, outcome, amount_recovered=None, workers_benefited=None, comment=""):
    """Close ``case`` with its outcome; raises ``Refused`` (a Chinese message) and keeps
    nothing when the data is missing or wrong or the case cannot be closed now."""
    if not outcome:
        raise Refused(_("refused_close_needs_outcome", default="办结须选择办理结果。"))
    if outcome not in dict(closing_outcomes()):
        raise Refused(_("refused_close_bad_outcome", default="办理结果无效，请从列表中选择。"))
    if amount_recovered is not None and not (Decimal(0) <= amount_recovered <= MAX_CLAIM_AMOUNT):
        raise Refused(_("error_amount", default="金额应在 0 至 1 亿元之间。"))
    if workers_benefited is not None and workers_benefited < 0:
        raise Refused(_("refused_close_bad_workers", default="惠及劳动者人数不能为负数。"))
    if "close" not in [t["id"] for t in api.portal.get_tool("portal_workflow").getTransitionsFor(case)]:
        raise Refused(
            _("refused_close_not_now", default="该事项当前不能办结（须已分办且由您所在单位承办）。")
        )
    savepoint = transaction.savepoint()
    try:
        case.outcome = outcome
        case.amount_recovered = amount_recovered
        case.workers_benefited = workers_benefited
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
    comment = schema.Text(
        title=_("label_closure_comment", default="办结说明"),
        description=_("help_closure_comment", default="记入办理记录，不向申请人公开。"),
        required=False,
    )


class CloseCaseForm(form.Form):
    """``case/@@close-case``: the handler closes the case."""

    fields = field.Fields(IClosure)
    ignoreContext = True
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
