"""The lists of the enterprise service: topics, satisfaction, risk levels, the arbitrators."""

from plone import api
from suizhou.laborrights import _
from suizhou.laborrights.i18n import zh
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


ARBITRATORS_GROUP = "arbitrators"

# The keys of the public form's 需要的服务 (forms/models/employer-service.fields.xml) and more.
TOPICS = (
    ("compliance", _("topic_compliance", default="劳动用工合规体检")),
    ("rules", _("topic_rules", default="规章制度和劳动合同审查")),
    ("training", _("topic_training", default="用工风险培训")),
    ("prevention", _("topic_prevention", default="劳动争议预防和化解指导")),
    ("policy", _("topic_policy", default="劳动保障政策解读")),
    ("platform", _("topic_platform", default="新就业形态用工指导")),
    ("other", _("topic_other", default="其他")),
)

SATISFACTION = (
    ("very_satisfied", _("satisfaction_very_satisfied", default="非常满意")),
    ("satisfied", _("satisfaction_satisfied", default="满意")),
    ("fair", _("satisfaction_fair", default="基本满意")),
    ("dissatisfied", _("satisfaction_dissatisfied", default="不满意")),
)

RISK_LEVELS = (
    ("none", _("risk_none", default="无风险")),
    ("low", _("risk_low", default="一般风险")),
    ("medium", _("risk_medium", default="较大风险")),
    ("high", _("risk_high", default="重大风险")),
)


def _vocabulary(items):
    return SimpleVocabulary([SimpleTerm(value=code, token=code, title=title) for code, title in items])


def label(items, code):
    """The Chinese title of ``code`` in one of the lists above (the code itself when unknown)."""
    return next((zh(title) for item_code, title in items if item_code == code), code or "")


@provider(IVocabularyFactory)
def Topics(context=None):
    return _vocabulary(TOPICS)


@provider(IVocabularyFactory)
def Satisfaction(context=None):
    return _vocabulary(SATISFACTION)


@provider(IVocabularyFactory)
def RiskLevels(context=None):
    return _vocabulary(RISK_LEVELS)


def arbitrators():
    """[(user id, name)] of the arbitrators' group."""
    group = api.group.get(groupname=ARBITRATORS_GROUP)
    if group is None:
        return []
    members = group.getGroupMembers()
    return sorted((m.getId(), m.getProperty("fullname") or m.getId()) for m in members)


def may_assign():
    """Only who may modify the orders' folder learns the arbitrators (their login ids):
    plone.restapi's @vocabularies asks no more than View of the site."""
    folder = api.portal.get().get("enterprise-services")  # folders.FOLDER_ID (folders imports us)
    return folder is not None and api.user.has_permission("Modify portal content", obj=folder)


@provider(IVocabularyFactory)
def Arbitrators(context=None):
    if not may_assign():
        return SimpleVocabulary([])
    return SimpleVocabulary([SimpleTerm(value=uid, token=uid, title=name) for uid, name in arbitrators()])
