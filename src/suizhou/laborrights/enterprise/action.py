"""The EasyForm action "登记为企业服务预约": the employer-service form's submission becomes a
ServiceOrder, not a case (an order for 仲裁员进企业 is no dispute). Written like easyform's own
actions and like ``forms.action.CreateCase``; refused input goes back to the form's fields in
Chinese with what was typed."""

from collective.easyform.actions import Action
from collective.easyform.actions import ActionFactory
from collective.easyform.api import get_context
from collective.easyform.config import FORM_ERROR_MARKER
from collective.easyform.interfaces import IAction
from plone import api
from plone.supermodel.exportimport import BaseHandler
from suizhou.laborrights import _
from suizhou.laborrights.enterprise import orders
from suizhou.laborrights.forms import receipt
from suizhou.laborrights.forms import view as form_view
from suizhou.laborrights.forms.action import _text as text_of
from suizhou.laborrights.i18n import zh
from zope import schema
from zope.interface import implementer


# order field <- form field (the form of forms/models/employer-service.fields.xml)
FORM_FIELDS = {
    "employer_name": "employer_name",
    "employer_credit_code": "employer_credit_code",
    "employer_address": "employer_address",
    "district": "district",
    "contact_name": "applicant_name",
    "contact_phone": "applicant_phone",
    "topics": "service_topics",
    "questions": "facts",
    "preferred_time": "preferred_time",
}
EXTRA_FORM_FIELDS = ("applicant_position", "staff_count", "service_mode", "applicant_email")
RECEIPT_VIEW = "@@service-order-receipt"


class ICreateServiceOrder(IAction):
    """登记为企业服务预约（仲裁员进企业），不进入维权事项登记簿。"""

    honeypot_field = schema.TextLine(
        title=_("label_order_action_honeypot_field", default="防自动提交：隐藏栏的字段名"),
        required=False,
        default="website",
        missing_value="",
    )
    matters = schema.List(
        title=_("label_action_matters", default="本表适用事项"),
        value_type=schema.TextLine(),
        required=False,
        default=[],
        missing_value=[],
    )


def _station_district(uid):
    brains = api.content.find(UID=uid, portal_type="ServiceStation", unrestricted=True) if uid else []
    return brains[0].district if brains else None


def order_data(fields, form_schema, context):
    """The order's fields from the submission; the extras the order has no field for (position,
    staff count, service mode, e-mail) are added below the questions by their form labels."""
    data = {name: fields.get(form_field) for name, form_field in FORM_FIELDS.items()}
    for name, value in data.items():
        if isinstance(value, str):
            data[name] = value.strip()
    data["topics"] = sorted(data["topics"] or ())
    data["district"] = data["district"] or _station_district(fields.get("township"))
    notes = "\n".join(
        f"【{zh(form_schema[name].title)}】{text_of(fields[name], form_schema[name], context)}"
        for name in EXTRA_FORM_FIELDS
        if name in form_schema and fields.get(name)
    )
    if notes and data["questions"]:
        data["questions"] = f"{data['questions']}\n\n{notes}"
    return data


@implementer(ICreateServiceOrder)
class CreateServiceOrder(Action):
    __doc__ = ICreateServiceOrder.__doc__

    def __init__(self, **kw):
        for name, field in ICreateServiceOrder.namesAndDescriptions():
            setattr(self, name, kw.pop(name, field.default))
        super().__init__(**kw)

    def onSuccess(self, fields, request):
        form = get_context(self)
        if self.honeypot_field and fields.get(self.honeypot_field):
            return {
                FORM_ERROR_MARKER: zh(
                    _("error_honeypot_order", default="提交未被受理：请清空“请勿填写此栏”一项后重新提交。")
                )
            }
        data = order_data(fields, form_view.form_schema(form, request), form)
        errors = orders.order_errors(data)
        if errors:
            return {FORM_FIELDS.get(name, FORM_ERROR_MARKER): message for name, message in errors.items()}
        order = orders.create_order(data)
        request.set(
            receipt.RECEIPT_URL_KEY, f"{form.absolute_url()}/{RECEIPT_VIEW}?reference={orders.reference(order)}"
        )
        return None


CreateServiceOrderAction = ActionFactory(
    CreateServiceOrder,
    _("label_create_service_order_action", default="登记为企业服务预约"),
    "suizhou.laborrights.ManageSettings",
)
CreateServiceOrderHandler = BaseHandler(CreateServiceOrder)
