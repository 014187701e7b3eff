"""ServiceOrder (企业服务预约): an employer's order for the “仲裁员进企业” service (企业出题、我们答题).

Not a dispute: it never enters the case register. Staff-only (``enterprise_service_workflow``):
the arbitrators' group works in the orders' folder; the arbitrator the order is assigned to gets
``Editor`` on it. The visits are ServiceVisit items inside the order. The title is the reference."""

from plone.autoform import directives
from plone.dexterity.content import Container
from plone.supermodel import model
from suizhou.laborrights import _
from suizhou.laborrights import validators
from z3c.form.browser.checkbox import CheckBoxFieldWidget
from zope import schema
from zope.interface import implementer


class IServiceOrder(model.Schema):
    employer_name = schema.TextLine(title=_("label_enterprise_name", default="单位名称"), max_length=200)
    employer_credit_code = schema.TextLine(
        title=_("label_employer_credit_code", default="统一社会信用代码"),
        constraint=validators.check_credit_code,
    )
    employer_address = schema.TextLine(
        title=_("label_employer_address", default="单位地址"), required=False, max_length=200
    )
    district = schema.Choice(
        title=_("label_order_district", default="所在区县"),
        vocabulary="suizhou.laborrights.vocabularies.Districts",
    )
    contact_name = schema.TextLine(title=_("label_contact_name", default="联系人"), max_length=50)
    contact_phone = schema.TextLine(
        title=_("label_contact_phone", default="联系电话"), constraint=validators.check_phone
    )
    topics = schema.List(
        title=_("label_service_topics", default="需要的服务"),
        value_type=schema.Choice(vocabulary="suizhou.laborrights.enterprise.Topics"),
    )
    directives.widget("topics", CheckBoxFieldWidget)
    questions = schema.Text(title=_("label_service_questions", default="企业出题：希望咨询的问题"), max_length=5000)
    preferred_time = schema.TextLine(
        title=_("label_preferred_time", default="希望的服务时间"), required=False, max_length=100
    )
    arbitrator = schema.Choice(
        title=_("label_assigned_arbitrator", default="承办仲裁员"),
        vocabulary="suizhou.laborrights.enterprise.Arbitrators",
        required=False,
    )
    appointment = schema.Datetime(title=_("label_appointment", default="预约服务时间"), required=False)
    satisfaction = schema.Choice(
        title=_("label_enterprise_satisfaction", default="企业满意度"),
        vocabulary="suizhou.laborrights.enterprise.Satisfaction",
        required=False,
    )
    satisfaction_note = schema.Text(
        title=_("label_enterprise_satisfaction_note", default="企业意见"), required=False, max_length=1000
    )


@implementer(IServiceOrder)
class ServiceOrder(Container):
    pass
