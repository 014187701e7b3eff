"""Mediator (调解员): a public profile; the phone number is for staff only."""

from plone.autoform import directives
from plone.dexterity.content import Item
from plone.namedfile.field import NamedBlobImage
from plone.supermodel import model
from suizhou.laborrights import _
from suizhou.laborrights import validators
from z3c.form.browser.checkbox import CheckBoxFieldWidget
from zope import schema
from zope.interface import implementer


class IMediator(model.Schema):
    photo = NamedBlobImage(title=_("label_photo", default="照片"), required=False)
    organisation = schema.TextLine(
        title=_("label_organisation", default="所在单位"),
        required=False,
    )
    district = schema.Choice(
        title=_("label_district", default="区县"),
        vocabulary="suizhou.laborrights.vocabularies.Districts",
    )
    mediation_kind = schema.Choice(
        title=_("label_mediation_kind", default="调解类型"),
        vocabulary="suizhou.laborrights.vocabularies.MediationKinds",
    )
    mediator_title = schema.Choice(
        title=_("label_mediator_title", default="称号"),
        vocabulary="suizhou.laborrights.vocabularies.MediatorTitles",
        default="mediator",
    )
    specialties = schema.List(
        title=_("label_specialties", default="擅长领域"),
        value_type=schema.Choice(vocabulary="suizhou.laborrights.vocabularies.DisputeTypes"),
        required=False,
    )
    directives.widget("specialties", CheckBoxFieldWidget)
    stations = schema.List(
        title=_("label_mediator_stations", default="服务场所"),
        value_type=schema.Choice(vocabulary="suizhou.laborrights.vocabularies.Stations"),
        required=False,
    )
    studio = schema.Choice(
        title=_("label_studio", default="调解工作室"),
        vocabulary="suizhou.laborrights.vocabularies.Studios",
        required=False,
    )
    biography = schema.Text(title=_("label_biography", default="个人简介"), required=False)

    directives.read_permission(phone="suizhou.laborrights.ViewStaffOnlyData")
    directives.write_permission(phone="cmf.ModifyPortalContent")
    phone = schema.TextLine(
        title=_("label_mediator_phone", default="联系电话（仅工作人员可见）"),
        required=False,
        constraint=validators.check_phone,
    )

    directives.read_permission(username="suizhou.laborrights.ViewStaffOnlyData")
    directives.write_permission(username="cmf.ModifyPortalContent")
    username = schema.TextLine(
        title=_("label_mediator_username", default="本站账号（用户名，仅工作人员可见）"),
        description=_(
            "help_mediator_username",
            default="调解员承办事项时使用的用户名。公开页面上的办结数和调解成功率"
            "按此账号承办的已办结事项自动统计。",
        ),
        required=False,
    )


@implementer(IMediator)
class Mediator(Item):
    pass
