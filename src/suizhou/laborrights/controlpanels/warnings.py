"""Control panel 维权平台：风险预警 (``@@laborrights-warnings``): the early-warning rules, each
with its switch, level (red/orange/yellow) and thresholds; the staff-maintained risk list of
employers. Registry records ``suizhou.laborrights.warnings.*``; the rules: ``warnings/rules.py``.

The prefix is a stored name: never change it.
"""

from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.supermodel import model
from suizhou.laborrights import _
from zope import schema
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


PREFIX = "suizhou.laborrights.warnings"

LEVELS = SimpleVocabulary(
    [
        SimpleTerm("red", title=_("warning_level_red", default="红色")),
        SimpleTerm("orange", title=_("warning_level_orange", default="橙色")),
        SimpleTerm("yellow", title=_("warning_level_yellow", default="黄色")),
    ]
)


def _enabled(rule_title):
    return schema.Bool(
        title=_("label_warning_rule_enabled", default="启用：${rule}", mapping={"rule": rule_title}),
        default=True,
        required=False,
    )


def _level(default):
    return schema.Choice(title=_("label_warning_rule_level", default="预警等级"), vocabulary=LEVELS, default=default)


class IWarningSettings(model.Schema):
    """The five rules of issue 14 and the risk list."""

    model.fieldset(
        "collective",
        label=_("fieldset_warning_collective", default="集体劳动争议"),
        fields=["collective_enabled", "collective_level", "collective_workers"],
    )
    collective_enabled = _enabled("一案涉及人数较多")
    collective_level = _level("red")
    collective_workers = schema.Int(
        title=_("label_warning_collective_workers", default="涉及劳动者人数达到（人）"),
        description=_(
            "help_warning_collective_workers",
            default="一件事项涉及的劳动者达到此数即预警；同一用人单位多件事项合计的人数达到此数时，"
            "“同一单位多件投诉”的预警也升为本规则的等级。",
        ),
        default=10,
        min=2,
    )

    model.fieldset(
        "employer",
        label=_("fieldset_warning_employer", default="同一单位多件投诉"),
        fields=["employer_enabled", "employer_level", "employer_cases", "employer_days"],
    )
    employer_enabled = _enabled("同一单位多件投诉")
    employer_level = _level("orange")
    employer_cases = schema.Int(
        title=_("label_warning_employer_cases", default="事项件数达到（件）"),
        description=_(
            "help_warning_employer_cases",
            default="按统一社会信用代码识别单位；未填代码的按单位名称识别"
            "（去掉“有限公司”“有限责任公司”“分公司”等字样和空格）。",
        ),
        default=5,
        min=2,
    )
    employer_days = schema.Int(title=_("label_warning_employer_days", default="统计期间（天）"), default=30, min=1)

    model.fieldset(
        "amount",
        label=_("fieldset_warning_amount", default="欠薪金额与风险名单"),
        fields=[
            "amount_enabled",
            "amount_level",
            "amount_threshold",
            "risk_list_enabled",
            "risk_list_level",
            "risk_employers",
        ],
    )
    amount_enabled = _enabled("欠薪金额较大")
    amount_level = _level("orange")
    amount_threshold = schema.Int(
        title=_("label_warning_amount_threshold", default="拖欠工资金额超过（元）"),
        description=_(
            "help_warning_amount_threshold",
            default="争议类型含“拖欠工资”且请求金额超过此数的事项预警。",
        ),
        default=200000,
        min=0,
    )
    risk_list_enabled = _enabled("风险名单内单位")
    risk_list_level = _level("orange")
    risk_employers = schema.Tuple(
        title=_("label_warning_risk_employers", default="风险名单（用人单位）"),
        description=_(
            "help_warning_risk_employers",
            default="每行一个统一社会信用代码或单位名称。名单内单位的新事项预警；有未关闭预警的单位也视为在名单内。",
        ),
        value_type=schema.TextLine(),
        default=(),
        missing_value=(),
        required=False,
    )

    model.fieldset(
        "overdue",
        label=_("fieldset_warning_overdue", default="超期积压"),
        fields=["overdue_enabled", "overdue_level", "overdue_cases"],
    )
    overdue_enabled = _enabled("单位超期事项积压")
    overdue_level = _level("yellow")
    overdue_cases = schema.Int(
        title=_("label_warning_overdue_cases", default="一个承办单位超期未办结事项达到（件）"),
        default=5,
        min=1,
    )

    model.fieldset(
        "surge",
        label=_("fieldset_warning_surge", default="某类争议激增"),
        fields=["surge_enabled", "surge_level", "surge_days", "surge_periods", "surge_percent", "surge_minimum"],
    )
    surge_enabled = _enabled("区县某类争议激增")
    surge_level = _level("yellow")
    surge_days = schema.Int(
        title=_("label_warning_surge_days", default="观察期（天）"),
        description=_(
            "help_warning_surge_days",
            default="最近这些天里某区县某类争议的件数，与此前若干个同样长的期间的平均件数相比。",
        ),
        default=7,
        min=1,
    )
    surge_periods = schema.Int(title=_("label_warning_surge_periods", default="对比此前的期间数"), default=4, min=1)
    surge_percent = schema.Int(
        title=_("label_warning_surge_percent", default="达到平均件数的百分比（%）"),
        default=200,
        min=101,
    )
    surge_minimum = schema.Int(
        title=_("label_warning_surge_minimum", default="观察期内至少（件）"),
        description=_(
            "help_warning_surge_minimum",
            default="件数很少时不比较，以免一两件事项就引起预警。",
        ),
        default=5,
        min=1,
    )


class WarningSettingsForm(RegistryEditForm):
    schema = IWarningSettings
    schema_prefix = PREFIX
    label = _("label_warnings_controlpanel", default="维权平台：风险预警")


class WarningSettingsView(ControlPanelFormWrapper):
    form = WarningSettingsForm
