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
from zope.schema import ValidationError
from zope.schema.interfaces import IContextAwareDefaultFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

import datetime
import re


# The results the handling follows: "scheduled" is a session still to be held, "agreed" closes
# the case, "failed" lets it go on to arbitration at once. Process codes, not city data.
RESULTS = (
    ("scheduled", _("result_scheduled", default="已排期，待调解")),
    ("continued", _("result_continued", default="继续调解")),
    ("agreed", _("result_agreed", default="达成调解协议")),
    ("failed", _("result_failed", default="调解不成")),
)


RESULTS_VOCABULARY = SimpleVocabulary(
    [SimpleTerm(value=code, token=code, title=title) for code, title in RESULTS]
)


class InvalidVideoLink(ValidationError):
    __doc__ = _("error_video_link", default="视频调解链接应为以 https:// 开头的网址，如 https://meeting.example.cn/j/123。")


def check_video_link(value):
    if not re.match(r"^https://[^\s/]+\.[^\s]+$", (value or "").strip()):
        raise InvalidVideoLink(value)
    return True


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
    place = schema.TextLine(
        title=_("label_session_place", default="调解地点"),
        description=_("help_session_place", default="现场调解的地址；视频调解可不填，填写视频会议链接。"),
        required=False,
    )
    video_link = schema.TextLine(
        title=_("label_session_video_link", default="视频调解链接"),
        description=_("help_session_video_link", default="以 https:// 开头的视频会议地址。"),
        required=False,
        constraint=check_video_link,
    )
    parties = schema.Text(
        title=_("label_session_parties", default="参加人员"),
        description=_(
            "help_session_parties_optional",
            default="双方当事人、代理人及其他参加人员；排期时可不填，调解后补记。",
        ),
        required=False,
    )
    applicant_attended = schema.Bool(
        title=_("label_applicant_attended", default="申请人到场"),
        required=False,
    )
    employer_attended = schema.Bool(
        title=_("label_employer_attended", default="用人单位到场"),
        required=False,
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

    @invariant
    def scheduled_has_place(data):
        if data.result == "scheduled" and not (data.place or "").strip() and not data.video_link:
            raise Invalid(
                _("error_session_no_place", default="安排调解的，须填写调解地点或视频调解链接。")
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
