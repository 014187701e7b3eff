"""Case (维权事项): the one registration form for every channel.

A case holds personal data. Its Title is its reference number and nothing about it is put in
Description or SearchableText (see ``indexers.py``); only staff who handle it may view it.
"""

from collective.z3cform.datagridfield.datagridfield import DataGridFieldWidgetFactory
from collective.z3cform.datagridfield.row import DictRow
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.supermodel import model
from suizhou.laborrights import _
from suizhou.laborrights import validators
from suizhou.laborrights.content.case_folder import may_not_view
from suizhou.laborrights.content.case_folder import not_found_here
from z3c.form.browser.checkbox import CheckBoxFieldWidget
from z3c.form.interfaces import IAddForm
from z3c.form.interfaces import IEditForm
from zope import schema
from zope.interface import implementer
from zope.interface import Interface


class IClaimRow(Interface):
    """One claim of the applicant (一项请求): its kind and amount, judged one by one for the
    final award (handling/triage.py)."""

    kind = schema.Choice(
        title=_("label_claim_kind", default="请求类别"),
        vocabulary="suizhou.laborrights.vocabularies.ClaimKinds",
    )
    amount = schema.Decimal(
        title=_("label_claim_row_amount", default="金额（元）"),
        required=False,
        constraint=validators.check_amount,
    )
    note = schema.TextLine(title=_("label_claim_note", default="说明"), required=False)


class ICase(model.Schema):
    model.fieldset(
        "applicant",
        label=_("fieldset_applicant", default="申请人"),
        fields=[
            "applicant_name",
            "applicant_id_number",
            "applicant_phone",
            "applicant_email",
            "applicant_address",
            "applicant_gig_worker",
        ],
    )
    model.fieldset(
        "employer",
        label=_("fieldset_employer", default="被申请人（用人单位）"),
        fields=[
            "employer_name",
            "employer_credit_code",
            "employer_address",
            "employer_contact",
            "employer_phone",
        ],
    )
    model.fieldset(
        "handling",
        label=_("fieldset_handling", default="办理"),
        fields=[
            "route",
            "assigned_unit",
            "handler",
            "copy_units",
            "outcome",
            "amount_recovered",
            "workers_benefited",
            "routed",
            "closed",
        ],
    )

    model.fieldset(
        "triage",
        label=_("fieldset_triage", default="繁简分流"),
        fields=["collective_dispute", "fast_track", "final_award"],
    )
    # Set by routing (handling/assignment.py), which keeps the local roles in step.
    directives.omitted(IAddForm, "assigned_unit", "handler", "copy_units", "routed", "closed")
    directives.omitted(IEditForm, "assigned_unit", "handler", "copy_units", "routed", "closed")

    reference = schema.TextLine(
        title=_("label_reference", default="受理编号"),
        required=False,
        readonly=True,
    )
    channel = schema.Choice(
        title=_("label_channel", default="受理渠道"),
        vocabulary="suizhou.laborrights.vocabularies.Channels",
        default="window",
    )
    district = schema.Choice(
        title=_("label_case_district", default="用工所在区县"),
        description=_("help_case_district", default="按劳动者工作所在地分办。"),
        vocabulary="suizhou.laborrights.vocabularies.Districts",
    )
    station = schema.Choice(
        title=_("label_received_at", default="受理场所"),
        vocabulary="suizhou.laborrights.vocabularies.Stations",
        required=False,
    )
    received = schema.Datetime(
        title=_("label_received", default="受理时间"),
        required=False,
    )
    hotline_ticket = schema.TextLine(
        title=_("label_hotline_ticket", default="12345工单号"),
        required=False,
    )

    applicant_name = schema.TextLine(title=_("label_applicant_name", default="申请人姓名"))
    applicant_id_number = schema.TextLine(
        title=_("label_applicant_id_number", default="公民身份号码"),
        required=False,
        constraint=validators.check_id_number,
    )
    applicant_phone = schema.TextLine(
        title=_("label_applicant_phone", default="联系电话"),
        constraint=validators.check_phone,
    )
    applicant_email = schema.TextLine(
        title=_("label_applicant_email", default="电子邮箱"),
        description=_("help_applicant_email", default="选填；填写后办理进展会同时发送到此邮箱。"),
        required=False,
        constraint=validators.check_email,
    )
    applicant_address = schema.TextLine(
        title=_("label_applicant_address", default="联系地址"),
        required=False,
    )
    applicant_gig_worker = schema.Bool(
        title=_("label_applicant_gig_worker", default="灵活就业/平台从业人员"),
        required=False,
        default=False,
    )

    employer_name = schema.TextLine(
        title=_("label_employer_name", default="用人单位名称"),
        required=False,
    )
    employer_credit_code = schema.TextLine(
        title=_("label_employer_credit_code", default="统一社会信用代码"),
        required=False,
        constraint=validators.check_credit_code,
    )
    employer_address = schema.TextLine(
        title=_("label_employer_address", default="单位地址"),
        required=False,
    )
    employer_contact = schema.TextLine(
        title=_("label_employer_contact", default="单位联系人"),
        required=False,
    )
    employer_phone = schema.TextLine(
        title=_("label_employer_phone", default="单位联系电话"),
        required=False,
        constraint=validators.check_phone,
    )

    dispute_types = schema.List(
        title=_("label_dispute_types_of_case", default="争议类型"),
        value_type=schema.Choice(vocabulary="suizhou.laborrights.vocabularies.DisputeTypes"),
        min_length=1,
    )
    directives.widget("dispute_types", CheckBoxFieldWidget)
    employment_ended = schema.Date(
        title=_("label_employment_ended", default="劳动关系终止日期（离职日期）"),
        description=_(
            "help_employment_ended",
            default="已离职的填写；仍在职的不填。用于提示一年仲裁时效"
            "（《劳动争议调解仲裁法》第二十七条），不影响登记。",
        ),
        required=False,
    )
    claim_amount = schema.Decimal(
        title=_("label_claim_amount", default="请求金额（元）"),
        required=False,
        constraint=validators.check_amount,
    )
    claims = schema.List(
        title=_("label_claims", default="请求明细"),
        description=_(
            "help_claims",
            default="每项请求一行：类别、金额（元）、说明。是否适用终局裁决按每项请求分别判断；"
            "确认劳动关系等没有金额的请求，金额可不填。",
        ),
        value_type=DictRow(title=_("label_claim", default="请求"), schema=IClaimRow),
        required=False,
        default=[],
        missing_value=[],
    )
    directives.widget("claims", DataGridFieldWidgetFactory)
    workers_involved = schema.Int(
        title=_("label_workers_involved", default="涉及劳动者人数"),
        default=1,
        constraint=validators.check_workers,
    )
    facts = schema.Text(title=_("label_facts", default="事实与理由"))
    request = schema.Text(title=_("label_request", default="请求事项"), required=False)

    # Triage (繁简分流): suggested by handling/triage.py, confirmed by the clerk when routing.
    collective_dispute = schema.Bool(
        title=_("label_collective_dispute", default="集体劳动争议"),
        required=False,
        default=False,
    )
    fast_track = schema.Bool(
        title=_("label_fast_track", default="适用速裁（简案快办）"),
        required=False,
        default=False,
    )
    final_award = schema.Bool(
        title=_("label_final_award", default="适用终局裁决"),
        required=False,
        default=False,
    )

    route = schema.Choice(
        title=_("label_route", default="分办去向"),
        vocabulary="suizhou.laborrights.vocabularies.Routes",
        required=False,
    )
    assigned_unit = schema.Choice(
        title=_("label_assigned_unit", default="承办单位"),
        vocabulary="suizhou.laborrights.vocabularies.Stations",
        required=False,
    )
    handler = schema.TextLine(
        title=_("label_handler", default="承办人（用户名）"),
        required=False,
    )
    copy_units = schema.List(
        title=_("label_copy_units", default="抄送单位"),
        value_type=schema.Choice(vocabulary="suizhou.laborrights.vocabularies.Stations"),
        required=False,
        default=[],
        missing_value=[],
    )
    outcome = schema.Choice(
        title=_("label_outcome", default="办理结果"),
        vocabulary="suizhou.laborrights.vocabularies.Outcomes",
        required=False,
    )
    amount_recovered = schema.Decimal(
        title=_("label_amount_recovered", default="挽回金额（元）"),
        required=False,
        constraint=validators.check_amount,
    )
    workers_benefited = schema.Int(
        title=_("label_workers_benefited", default="惠及劳动者人数"),
        required=False,
        min=0,
    )
    routed = schema.Datetime(title=_("label_routed", default="分办时间"), required=False)
    closed = schema.Datetime(title=_("label_closed", default="办结时间"), required=False)


@implementer(ICase)
class Case(Container):
    """A registered labour-rights matter; its attachments are CaseAttachment items inside it."""

    @property
    def reference(self):
        return self.getId()

    def __before_publishing_traverse__(self, arg1, arg2=None):
        """Not found, exactly like a reference that was never given, for a logged-in user who
        may not view the case: its pages, documents, attachments and REST endpoints alike."""
        request = arg2 or arg1
        if may_not_view(self, request):
            not_found_here(request)
        super().__before_publishing_traverse__(arg1, arg2)

    def Title(self):
        return self.getId()

    def Description(self):
        return ""
