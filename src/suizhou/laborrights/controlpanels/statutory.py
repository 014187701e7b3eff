"""Control panel 维权平台：法定时限与标准 (``@@laborrights-statutory``): time limits and
thresholds from PRC law and local figures, registry records ``suizhou.laborrights.statutory.*``.

The prefix is a stored name: never change it.
"""

from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.supermodel import model
from suizhou.laborrights import _
from zope import schema

import decimal


PREFIX = "suizhou.laborrights.statutory"


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



class StatutorySettingsForm(RegistryEditForm):
    schema = IStatutorySettings
    schema_prefix = PREFIX
    label = _("label_statutory_controlpanel", default="维权平台：法定时限与标准")


class StatutorySettingsView(ControlPanelFormWrapper):
    form = StatutorySettingsForm
