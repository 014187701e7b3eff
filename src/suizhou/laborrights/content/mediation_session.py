"""MediationSession (调解记录): one mediation meeting of a case, kept inside the case.

Like an attachment it has no workflow of its own: it acquires the case's permissions. A
session whose result is "agreed" carries the mediation agreement (调解协议) with its amount;
recording it closes the case as mediated (see ``handling/mediation.py``).
"""

from plone.dexterity.content import Item
from plone.supermodel import model
from suizhou.laborrights import _
from suizhou.laborrights import validators
from suizhou.laborrights.timezone import format_datetime
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant
from zope.interface import provider
from zope.schema.interfaces import IContextAwareDefaultFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

import datetime


# The results the handling follows: "agreed" closes the case, "failed" lets it go on to
# arbitration at once. Process codes, not city data.
RESULTS = (
    ("continued", _("result_continued", default="继续调解")),
    ("agreed", _("result_agreed", default="达成调解协议")),
    ("failed", _("result_failed", default="调解不成")),
)


RESULTS_VOCABULARY = SimpleVocabulary(
    [SimpleTerm(value=code, token=code, title=title) for code, title in RESULTS]
)


@provider(IContextAwareDefaultFactory)
def _now(context):
    from suizhou.laborrights.cases.register import now

    return now().replace(second=0, microsecond=0, tzinfo=None)


class IMediationSession(model.Schema):
    session_date = schema.Datetime(
        title=_("label_session_date", default="调解时间"),
        defaultFactory=_now,
    )
    mediator = schema.TextLine(title=_("label_session_mediator", default="调解员"))
    mediation_kind = schema.Choice(
        title=_("label_session_mediation_kind", default="调解类型"),
        vocabulary="suizhou.laborrights.vocabularies.MediationKinds",
    )
    parties = schema.Text(
        title=_("label_session_parties", default="参加人员"),
        description=_("help_session_parties", default="双方当事人、代理人及其他参加人员。"),
    )
    result = schema.Choice(
        title=_("label_session_result", default="调解结果"),
        vocabulary=RESULTS_VOCABULARY,
        default="continued",
    )
    notes = schema.Text(title=_("label_session_notes", default="调解情况"), required=False)

    agreement_amount = schema.Decimal(
        title=_("label_agreement_amount", default="协议金额（元）"),
        required=False,
        constraint=validators.check_amount,
    )
    agreement_terms = schema.Text(
        title=_("label_agreement_terms", default="协议内容"),
        description=_("help_agreement_terms", default="达成调解协议时填写：给付项目、方式和期限等。"),
        required=False,
    )
    performance_deadline = schema.Date(
        title=_("label_performance_deadline", default="履行期限"),
        required=False,
    )

    @invariant
    def agreement_is_complete(data):
        if data.result == "agreed":
            if data.agreement_amount is None or not (data.agreement_terms or "").strip():
                raise Invalid(
                    _(
                        "error_agreement_incomplete",
                        default="达成调解协议的，须填写协议金额和协议内容。",
                    )
                )


@implementer(IMediationSession)
class MediationSession(Item):
    """A mediation meeting; its title says when, never who."""

    def Title(self):
        when = self.session_date
        if isinstance(when, datetime.datetime):
            return f"调解记录 {format_datetime(when)}"
        return "调解记录"

    def Description(self):
        return ""
