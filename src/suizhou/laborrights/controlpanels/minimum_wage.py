"""Control panel 维权平台：最低工资标准 (``@@laborrights-minimum-wage``): the province's monthly
minimum wage tiers with their effective dates, and the tier of each district. Registry
records ``suizhou.laborrights.minimum_wage.*``; how they are read: ``handling/minimum_wage.py``.

The prefix is a stored name: never change it.
"""

from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.supermodel import model
from suizhou.laborrights import _
from suizhou.laborrights.handling.minimum_wage import parse_district_tier
from suizhou.laborrights.handling.minimum_wage import parse_standard
from suizhou.laborrights.handling.minimum_wage import PREFIX
from zope import schema
from zope.interface import Invalid


def _standard_line(value):
    try:
        parse_standard(value)
    except ValueError:
        raise Invalid(
            _(
                "error_minimum_wage_line",
                default="无法识别“${line}”：请写“生效日期|一档|二档|三档”，如 2025-12-01|2400|2130|1970。",
                mapping={"line": value},
            )
        ) from None
    return True


def _district_line(value):
    try:
        parse_district_tier(value)
    except ValueError:
        raise Invalid(
            _(
                "error_district_tier_line",
                default="无法识别“${line}”：请写“区县代码|档次”，如 zengdu|2，或加起始日期 zengdu|2|2026-07-01。",
                mapping={"line": value},
            )
        ) from None
    return True


class IMinimumWageSettings(model.Schema):
    standards = schema.Tuple(
        title=_("label_minimum_wage_standards", default="月最低工资标准（按生效日期）"),
        description=_(
            "help_minimum_wage_standards",
            default="每次省政府调整一行：“生效日期|一档|二档|三档”（元/月），"
            "如 2025-12-01|2400|2130|1970。终局裁决标准按申请受理之日施行的标准计算；"
            "旧标准请保留，早于最早一行的日期按最早一行计算。",
        ),
        value_type=schema.TextLine(constraint=_standard_line),
        default=("2025-12-01|2400|2130|1970",),
        missing_value=(),
        required=True,
    )
    district_tiers = schema.Tuple(
        title=_("label_minimum_wage_district_tiers", default="各区县适用档次"),
        description=_(
            "help_minimum_wage_district_tiers",
            default="每行“区县代码|档次”（区县代码见“基础数据”），档次由省政府确定；"
            "某区县自某日起改变档次的，另加一行“区县代码|档次|起始日期”。"
            "未列出的区县按最低一档计算。",
        ),
        value_type=schema.TextLine(constraint=_district_line),
        default=(
            "city|2",
            "zengdu|2",
            "hitech|2",
            "suixian|3",
            "guangshui|3",
            "dahongshan|3",
        ),
        missing_value=(),
        required=False,
    )


class MinimumWageSettingsForm(RegistryEditForm):
    schema = IMinimumWageSettings
    schema_prefix = PREFIX
    label = _("label_minimum_wage_controlpanel", default="维权平台：最低工资标准")


class MinimumWageSettingsView(ControlPanelFormWrapper):
    form = MinimumWageSettingsForm
