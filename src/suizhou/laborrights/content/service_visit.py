"""ServiceVisit (走访记录): one visit of an enterprise service order — when, who went, what was
found, the advice given and when to follow up. Lives inside its ServiceOrder (same workflow,
same people)."""

from plone.dexterity.content import Item
from plone.supermodel import model
from suizhou.laborrights import _
from zope import schema
from zope.interface import implementer


class IServiceVisit(model.Schema):
    visit_date = schema.Date(title=_("label_visit_date", default="走访日期"))
    visitors = schema.TextLine(title=_("label_visitors", default="走访人员"), max_length=200)
    findings = schema.Text(title=_("label_visit_findings", default="发现的问题和风险"), max_length=5000)
    advice = schema.Text(title=_("label_visit_advice", default="提出的建议"), max_length=5000)
    follow_up_date = schema.Date(title=_("label_follow_up_date", default="回访日期"), required=False)


@implementer(IServiceVisit)
class ServiceVisit(Item):
    pass
