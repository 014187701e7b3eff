"""JobPosting (招聘岗位): a gig job posted by an employer or station staff, reviewed before it is
published, and out of the public listing and search after its expiry date (Plone's ``expires``).

The checks that need several fields (pay against the minimum wage, the expiry date) are in
``gig.postings.posting_errors``; the add and edit forms and the REST channel share them."""

from decimal import Decimal
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.supermodel import model
from suizhou.laborrights import _
from suizhou.laborrights import validators
from z3c.form.browser.checkbox import CheckBoxFieldWidget
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant


class IJobPosting(model.Schema):
    title = schema.TextLine(title=_("label_position", default="岗位名称"), max_length=60)
    trade = schema.Choice(
        title=_("label_trade", default="行业工种"),
        vocabulary="suizhou.laborrights.gig.Trades",
    )
    pay = schema.Decimal(title=_("label_pay", default="报酬（元）"), min=Decimal("0"))
    pay_period = schema.Choice(
        title=_("label_pay_period", default="计薪方式"),
        vocabulary="suizhou.laborrights.gig.PayPeriods",
    )
    district = schema.Choice(
        title=_("label_work_district", default="工作地点（区县）"),
        vocabulary="suizhou.laborrights.vocabularies.Districts",
    )
    place = schema.TextLine(title=_("label_work_place", default="具体地点"), max_length=100)
    hours = schema.TextLine(
        title=_("label_work_hours", default="工作时间"),
        description=_("help_work_hours", default="如：每天 8:00-17:00，日结"),
        max_length=100,
    )
    contact_phone = schema.TextLine(
        title=_("label_contact_phone", default="联系电话"),
        constraint=validators.check_phone,
    )
    number_wanted = schema.Int(title=_("label_number_wanted", default="招聘人数"), min=1, max=9999)
    requirements = schema.Text(
        title=_("label_requirements", default="岗位要求"),
        description=_(
            "help_requirements",
            default="不得含有性别、民族、户籍等歧视性要求（《就业促进法》第二十六条至第三十一条）。",
        ),
        required=False,
        max_length=1000,
    )
    employer_name = schema.TextLine(title=_("label_employer_name", default="用人单位名称"), max_length=100)
    employer_credit_code = schema.TextLine(
        title=_("label_employer_credit_code", default="统一社会信用代码"),
        constraint=validators.check_credit_code,
    )
    shifts = schema.List(
        title=_("label_shifts", default="班次"),
        value_type=schema.Choice(vocabulary="suizhou.laborrights.gig.Availability"),
        required=False,
    )
    directives.widget("shifts", CheckBoxFieldWidget)
    valid_through = schema.Date(title=_("label_valid_through", default="截止日期"))
    station = schema.Choice(
        title=_("label_gig_station", default="审核的零工驿站"),
        vocabulary="suizhou.laborrights.gig.GigStations",
    )

    @invariant
    def pay_and_expiry(data):
        """The edit form refuses what the posting form refuses: pay below the minimum wage in
        force, an expiry day in the past."""
        from suizhou.laborrights.gig.postings import pay_and_expiry_errors  # gig imports this module

        errors = pay_and_expiry_errors(
            {name: getattr(data, name, None) for name in ("pay", "pay_period", "district", "valid_through")}
        )
        if errors:
            raise Invalid(" ".join(errors.values()))


@implementer(IJobPosting)
class JobPosting(Item):
    pass
