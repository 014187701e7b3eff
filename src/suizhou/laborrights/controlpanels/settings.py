"""The site's configurable data: vocabularies and statutory numbers (registry records).

Everything another city would change without touching code lives here. Vocabulary entries
are lines ``code|标题``: the code is the stable ASCII token, the title what people read.
"""

from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.supermodel import model
from suizhou.laborrights import _
from zope import schema

import decimal


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


class IStatutorySettings(model.Schema):
    """Time limits and thresholds from PRC law and local figures."""

    reference_pattern = schema.TextLine(
        title=_("label_reference_pattern", default="受理编号格式"),
        description=_(
            "help_reference_pattern",
            default="可用 {year}（年份）和 {number}（当年流水号），如 SZ-{year}-{number:06d}",
        ),
        default="SZ-{year}-{number:06d}",
    )
    mediation_days = schema.Int(
        title=_("label_mediation_days", default="调解期限（日）"),
        description=_("help_mediation_days", default="《劳动争议调解仲裁法》第十四条"),
        default=15,
        min=1,
    )
    arbitration_acceptance_days = schema.Int(
        title=_("label_arbitration_acceptance_days", default="仲裁立案审查期限（日）"),
        description=_("help_arbitration_acceptance_days", default="第二十九条"),
        default=5,
        min=1,
    )
    arbitration_award_days = schema.Int(
        title=_("label_arbitration_award_days", default="仲裁裁决期限（日）"),
        description=_("help_arbitration_award_days", default="第四十三条"),
        default=45,
        min=1,
    )
    arbitration_extension_days = schema.Int(
        title=_("label_arbitration_extension_days", default="仲裁延期（日，限一次）"),
        default=15,
        min=0,
    )
    final_award_wage_multiple = schema.Int(
        title=_("label_final_award_wage_multiple", default="终局裁决标准（月最低工资的倍数）"),
        description=_("help_final_award_wage_multiple", default="第四十七条"),
        default=12,
        min=1,
    )
    monthly_minimum_wage = schema.Decimal(
        title=_("label_monthly_minimum_wage", default="本地月最低工资标准（元）"),
        default=decimal.Decimal("1950"),
        min=decimal.Decimal("0"),
    )
    final_award_amount_kinds = schema.Tuple(
        title=_("label_final_award_amount_kinds", default="终局裁决：限额请求类别"),
        description=_(
            "help_final_award_amount_kinds",
            default="第四十七条第（一）项：追索劳动报酬、工伤医疗费、经济补偿或者赔偿金，"
            "每项金额不超过上述标准的适用终局裁决。每行一个请求类别代码（见“基础数据”的请求类别）。",
        ),
        value_type=schema.TextLine(),
        default=("wages", "overtime_pay", "work_injury_medical", "economic_compensation", "damages"),
        missing_value=(),
        required=False,
    )
    final_award_standard_kinds = schema.Tuple(
        title=_("label_final_award_standard_kinds", default="终局裁决：劳动标准请求类别"),
        description=_(
            "help_final_award_standard_kinds",
            default="第四十七条第（二）项：因执行国家的劳动标准在工作时间、休息休假、社会保险等方面"
            "发生的争议，不论金额适用终局裁决。每行一个请求类别代码；不在这两个列表中的类别"
            "（如确认劳动关系）不适用终局裁决。",
        ),
        value_type=schema.TextLine(),
        default=("working_hours", "rest_leave", "social_insurance"),
        missing_value=(),
        required=False,
    )
    fast_track_amount = schema.Decimal(
        title=_("label_fast_track_amount", default="速裁金额上限：全省上年度职工年平均工资（元）"),
        default=decimal.Decimal("98000"),
        min=decimal.Decimal("0"),
    )
    collective_dispute_workers = schema.Int(
        title=_("label_collective_dispute_workers", default="集体争议人数（人及以上）"),
        default=10,
        min=2,
    )
    inspection_filing_working_days = schema.Int(
        title=_("label_inspection_filing_working_days", default="劳动监察立案审查期限（工作日）"),
        default=5,
        min=1,
    )
    inspection_investigation_working_days = schema.Int(
        title=_(
            "label_inspection_investigation_working_days",
            default="劳动监察调查期限（工作日）",
        ),
        default=60,
        min=1,
    )
    inspection_extension_working_days = schema.Int(
        title=_("label_inspection_extension_working_days", default="劳动监察延期（工作日）"),
        default=30,
        min=0,
    )
    arbitration_limitation_years = schema.Int(
        title=_("label_arbitration_limitation_years", default="仲裁时效（年）"),
        default=1,
        min=1,
    )
    award_retention_years = schema.Int(
        title=_("label_award_retention_years", default="裁决类案卷保存期限（年）"),
        default=10,
        min=1,
    )
    mediation_retention_years = schema.Int(
        title=_("label_mediation_retention_years", default="调解类案卷保存期限（年）"),
        default=5,
        min=1,
    )
    due_soon_days = schema.Int(
        title=_("label_due_soon_days", default="即将到期提醒（到期前天数）"),
        description=_(
            "help_due_soon_days",
            default="办理期限届满前多少个自然日起列入“即将到期”并提醒承办单位。",
        ),
        default=3,
        min=0,
    )
    deadline_rolls_over_holidays = schema.Bool(
        title=_("label_deadline_rolls_over_holidays", default="期间届满日遇节假日顺延"),
        description=_(
            "help_deadline_rolls_over_holidays",
            default="按日计算的期间，届满的最后一日为法定节假日或休息日的，"
            "以其后的第一个工作日为届满日。",
        ),
        default=True,
        required=False,
    )
    calendar_overrides = schema.Tuple(
        title=_("label_calendar_overrides", default="节假日安排补充"),
        description=_(
            "help_calendar_overrides",
            default="内置法定节假日日历尚未收录的年份（或需更正的日期），每行一天："
            "“日期|holiday|说明”为放假，“日期|workday|说明”为调休上班，"
            "如 2027-10-01|holiday|国庆节、2027-10-09|workday|国庆节调休。",
        ),
        value_type=schema.TextLine(),
        default=(),
        missing_value=(),
        required=False,
    )
    route_suggestions = schema.Tuple(
        title=_("label_route_suggestions", default="按争议类型建议的分办去向"),
        description=_(
            "help_route_suggestions",
            default="每行“争议类型代码|分办去向代码”，如 wage_arrears|inspection。",
        ),
        value_type=schema.TextLine(),
        default=(
            "wage_arrears|inspection",
            "labor_contract|mediation",
            "dismissal|mediation",
            "social_insurance|social_insurance",
            "work_injury|social_insurance",
            "overtime|mediation",
            "unemployment_insurance|employment_service",
            "platform_work|mediation",
            "employer_consultation|arbitration",
            "other|transfer",
        ),
        missing_value=(),
        required=False,
    )


class VocabularySettingsForm(RegistryEditForm):
    schema = IVocabularySettings
    schema_prefix = "suizhou.laborrights.vocabularies"
    label = _("label_vocabulary_controlpanel", default="维权平台：基础数据")


class StatutorySettingsForm(RegistryEditForm):
    schema = IStatutorySettings
    schema_prefix = "suizhou.laborrights.statutory"
    label = _("label_statutory_controlpanel", default="维权平台：法定时限与标准")


class VocabularySettingsView(ControlPanelFormWrapper):
    form = VocabularySettingsForm


class StatutorySettingsView(ControlPanelFormWrapper):
    form = StatutorySettingsForm
