"""ServiceStation (服务场所): a center, township/street station or village/community point."""

from plone.autoform import directives
from plone.dexterity.content import Item
from plone.supermodel import model
from suizhou.laborrights import _
from suizhou.laborrights import validators
from z3c.form.browser.checkbox import CheckBoxFieldWidget
from zope import schema
from zope.interface import implementer


class IServiceStation(model.Schema):
    level = schema.Choice(
        title=_("label_station_level", default="场所层级"),
        vocabulary="suizhou.laborrights.vocabularies.StationLevels",
    )
    district = schema.Choice(
        title=_("label_district", default="区县"),
        vocabulary="suizhou.laborrights.vocabularies.Districts",
    )
    township = schema.TextLine(
        title=_("label_township", default="乡镇（街道）"),
        required=False,
    )
    village = schema.TextLine(
        title=_("label_village", default="村（社区）"),
        required=False,
    )
    host_type = schema.Choice(
        title=_("label_host_type", default="依托单位类型"),
        vocabulary="suizhou.laborrights.vocabularies.HostTypes",
        required=False,
    )
    host_name = schema.TextLine(
        title=_("label_host_name", default="依托单位"),
        required=False,
    )
    address = schema.TextLine(title=_("label_address", default="地址"))
    latitude = schema.Float(
        title=_("label_latitude", default="纬度"),
        required=False,
        min=-90.0,
        max=90.0,
    )
    longitude = schema.Float(
        title=_("label_longitude", default="经度"),
        required=False,
        min=-180.0,
        max=180.0,
    )
    opening_hours = schema.TextLine(
        title=_("label_opening_hours", default="服务时间"),
        default="周一至周五 8:30-12:00，14:30-17:30（法定节假日除外）",
    )
    phones = schema.List(
        title=_("label_phones", default="联系电话"),
        value_type=schema.TextLine(),
        required=False,
        constraint=validators.check_phones,
    )
    directives.read_permission(email="suizhou.laborrights.ViewStaffOnlyData")
    directives.write_permission(email="cmf.ModifyPortalContent")
    email = schema.TextLine(
        title=_("label_station_email", default="工作邮箱（接收分办通知，仅工作人员可见）"),
        required=False,
        constraint=validators.check_email,
    )
    dispute_types = schema.List(
        title=_("label_handles_dispute_types", default="受理事项"),
        value_type=schema.Choice(vocabulary="suizhou.laborrights.vocabularies.DisputeTypes"),
        required=False,
    )
    directives.widget("dispute_types", CheckBoxFieldWidget)
    mediation_kinds = schema.List(
        title=_("label_station_mediation_kinds", default="调解类型"),
        value_type=schema.Choice(vocabulary="suizhou.laborrights.vocabularies.MediationKinds"),
        required=False,
    )
    directives.widget("mediation_kinds", CheckBoxFieldWidget)
    partner_agencies = schema.List(
        title=_("label_station_partners", default="入驻协同单位（1+X）"),
        value_type=schema.Choice(vocabulary="suizhou.laborrights.vocabularies.PartnerAgencies"),
        required=False,
    )
    directives.widget("partner_agencies", CheckBoxFieldWidget)


@implementer(IServiceStation)
class ServiceStation(Item):
    pass
