"""Control panel 维权平台：基础数据 (``@@laborrights-vocabularies``): the lists every form and
report chooses from, registry records ``suizhou.laborrights.vocabularies.*``.

Everything another city would change without touching code lives in the control panels.
Entries are lines ``code|标题``: the code is the stable ASCII token, the title what people
read. The prefix is a stored name: never change it.
"""

from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.supermodel import model
from suizhou.laborrights import _
from zope import schema


PREFIX = "suizhou.laborrights.vocabularies"


def _lines(title, *entries):
    return schema.Tuple(
        title=title,
        description=_(
            "help_vocabulary_lines",
            default="每行一项，格式为“代码|名称”；代码为英文字母，保存后不要修改。",
        ),
        value_type=schema.TextLine(),
        default=entries,
        missing_value=(),
        required=True,
    )


class IVocabularySettings(model.Schema):
    """The lists every form and report chooses from."""

    districts = _lines(
        _("label_districts", default="区县"),
        "city|随州市本级",
        "zengdu|曾都区",
        "suixian|随县",
        "guangshui|广水市",
        "hitech|随州高新区",
        "dahongshan|大洪山风景名胜区",
    )
    dispute_types = _lines(
        _("label_dispute_types", default="争议类型"),
        "wage_arrears|拖欠工资",
        "labor_contract|劳动合同",
        "dismissal|解除劳动关系及经济补偿",
        "social_insurance|社会保险",
        "work_injury|工伤",
        "overtime|加班费",
        "unemployment_insurance|失业保险",
        "platform_work|新就业形态劳动者权益",
        "employer_consultation|用人单位咨询服务",
        "other|其他",
    )
    channels = _lines(
        _("label_channels", default="受理渠道"),
        "window|窗口",
        "phone|电话",
        "hotline_12345|12345热线",
        "web|网站",
        "mini_program|小程序",
        "transferred|转办",
    )
    mediation_kinds = _lines(
        _("label_mediation_kinds", default="调解类型"),
        "union|工会调解",
        "people|人民调解",
        "administrative|行政调解",
        "arbitration|仲裁调解",
        "judicial|司法调解",
    )
    partner_agencies = _lines(
        _("label_partner_agencies", default="协同单位（1+X）"),
        "hrss|人社部门",
        "union|工会",
        "court|法院",
        "justice|司法行政",
        "police|公安（劳动保障监察警务室）",
        "petition|信访",
        "commerce_federation|工商联",
        "enterprise_confederation|企业联合会",
    )
    routes = _lines(
        _("label_routes", default="分办去向"),
        "mediation|调解",
        "arbitration|仲裁",
        "inspection|劳动监察",
        "social_insurance|社会保险经办",
        "employment_service|就业服务",
        "transfer|移送协同单位",
        "not_accepted|不予受理",
        "withdrawn|撤回",
    )
    outcomes = _lines(
        _("label_outcomes", default="办理结果"),
        "mediated|调解成功",
        "award|仲裁裁决",
        "inspection_closed|监察结案",
        "withdrawn|撤回",
        "not_accepted|不予受理",
        "transferred|移送",
        "answered|已答复",
    )
    station_levels = _lines(
        _("label_station_levels", default="场所层级"),
        "center|劳动保障维权中心",
        "station|劳动保障维权服务站",
        "point|劳动维权服务点",
    )
    host_types = _lines(
        _("label_host_types", default="依托单位类型"),
        "hrss_office|人社服务大厅",
        "party_service|党群服务中心",
        "governance|综治中心",
        "judicial_office|司法所",
        "gig_station|零工驿站",
        "union_station|工会服务站",
        "industrial_park|产业园区",
        "other|其他",
    )
    mediator_titles = _lines(
        _("label_mediator_titles", default="调解员称号"),
        "gold|金牌调解员",
        "senior|资深调解员",
        "mediator|调解员",
    )
    studios = _lines(
        _("label_studios", default="调解工作室"),
        "celebrity|名人名企调解工作室",
        "new_employment|新就业形态劳动维权调解工作室",
        "hrss_union|“人社+工会”裁调对接工作室",
        "hrss_union_court|“人社+工会+法院”诉裁调工作室",
    )
    claim_kinds = _lines(
        _("label_claim_kinds", default="请求类别（仲裁请求逐项登记）"),
        "wages|劳动报酬（拖欠工资等）",
        "overtime_pay|加班费",
        "work_injury_medical|工伤医疗费",
        "economic_compensation|经济补偿",
        "damages|赔偿金",
        "working_hours|工作时间",
        "rest_leave|休息休假",
        "social_insurance|社会保险",
        "labour_relation|确认劳动关系",
        "other|其他",
    )
    refusal_reasons = _lines(
        _("label_refusal_reasons", default="不予受理理由"),
        "not_labour_dispute|不属于劳动争议",
        "time_barred|超过仲裁时效",
        "not_our_jurisdiction|不属于本委管辖",
        "applicant_not_qualified|申请人主体不适格",
        "materials_incomplete|材料不全经补正仍不符合要求",
        "other|其他",
    )



class VocabularySettingsForm(RegistryEditForm):
    schema = IVocabularySettings
    schema_prefix = PREFIX
    label = _("label_vocabulary_controlpanel", default="维权平台：基础数据")


class VocabularySettingsView(ControlPanelFormWrapper):
    form = VocabularySettingsForm
