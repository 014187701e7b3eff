"""Why a matter goes to a partner, and what the partner can answer."""

from suizhou.laborrights import _
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


PURPOSES = (
    ("judicial_confirmation", _("partner_purpose_judicial_confirmation", default="调解协议司法确认")),
    ("litigation_mediation", _("partner_purpose_litigation_mediation", default="诉调对接")),
    ("crime", _("partner_purpose_crime", default="涉嫌拒不支付劳动报酬罪移送")),
    ("petition", _("partner_purpose_petition", default="信访事项")),
    ("union_assistance", _("partner_purpose_union_assistance", default="工会协助维权")),
    ("other", _("partner_purpose_other", default="其他协同办理")),
)
COURT_SHARE_TITLE = _("partner_purpose_court_share", default="裁审衔接（只读共享）")

OUTCOMES = (
    ("confirmed", _("partner_outcome_confirmed", default="裁定调解协议有效")),
    ("not_confirmed", _("partner_outcome_not_confirmed", default="裁定驳回申请")),
    ("case_filed", _("partner_outcome_case_filed", default="已立案")),
    ("settled", _("partner_outcome_settled", default="已调解解决")),
    ("handled", _("partner_outcome_handled", default="已办结")),
    ("not_accepted", _("partner_outcome_not_accepted", default="不予受理，退回")),
)


def purpose_title(code):
    if code == "court_share":
        return COURT_SHARE_TITLE
    return dict(PURPOSES).get(code, code)


def outcome_title(code):
    return dict(OUTCOMES).get(code, code)


@provider(IVocabularyFactory)
def Purposes(context=None):
    return SimpleVocabulary([SimpleTerm(code, code, title) for code, title in PURPOSES])


@provider(IVocabularyFactory)
def Outcomes(context=None):
    return SimpleVocabulary([SimpleTerm(code, code, title) for code, title in OUTCOMES])
