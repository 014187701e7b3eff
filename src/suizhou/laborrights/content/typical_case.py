"""TypicalCase (典型案例): an anonymised, published showcase of a handled matter."""

from plone.app.textfield import RichText
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.supermodel import model
from suizhou.laborrights import _
from z3c.form.browser.checkbox import CheckBoxFieldWidget
from zope import schema
from zope.interface import implementer


class ITypicalCase(model.Schema):
    dispute_types = schema.List(
        title=_("label_dispute_types_of_case", default="争议类型"),
        value_type=schema.Choice(vocabulary="suizhou.laborrights.vocabularies.DisputeTypes"),
        min_length=1,
    )
    directives.widget("dispute_types", CheckBoxFieldWidget)
    district = schema.Choice(
        title=_("label_district", default="区县"),
        vocabulary="suizhou.laborrights.vocabularies.Districts",
    )
    case_date = schema.Date(title=_("label_case_date", default="办结日期"), required=False)
    summary = schema.Text(title=_("label_summary", default="案情摘要"))
    facts = RichText(
        title=_("label_anonymised_facts", default="基本案情（已脱敏）"),
        description=_(
            "help_anonymised_facts",
            default="发布前请删除或替换当事人姓名、身份证号、电话、住址等个人信息，用“张某”“某公司”代替。",
        ),
    )
    handling = RichText(title=_("label_handling", default="办理过程"), required=False)
    outcome_text = schema.Text(title=_("label_outcome_text", default="处理结果"), required=False)
    legal_basis = schema.Text(title=_("label_legal_basis", default="法律依据"), required=False)
    lesson = schema.Text(title=_("label_lesson", default="典型意义"), required=False)


@implementer(ITypicalCase)
class TypicalCase(Item):
    pass
