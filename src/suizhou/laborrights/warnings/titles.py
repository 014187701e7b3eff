"""The Chinese names of the rules, levels and states of a warning, as pages and e-mails show them."""

from suizhou.laborrights import _


RULES = {
    "collective": _("warning_rule_collective", default="一案涉及人数较多（集体劳动争议）"),
    "employer": _("warning_rule_employer", default="同一单位多件投诉"),
    "amount": _("warning_rule_amount", default="欠薪金额较大"),
    "risk_list": _("warning_rule_risk_list", default="风险名单内单位"),
    "overdue": _("warning_rule_overdue", default="单位超期事项积压"),
    "surge": _("warning_rule_surge", default="区县某类争议激增"),
}
LEVELS = {
    "red": _("warning_level_red", default="红色"),
    "orange": _("warning_level_orange", default="橙色"),
    "yellow": _("warning_level_yellow", default="黄色"),
}
STATES = {
    "open": _("warning_state_open", default="待处置"),
    "handling": _("warning_state_handling", default="处置中"),
    "closed": _("warning_state_closed", default="已关闭"),
}


def rule_title(rule):
    return RULES.get(rule, rule)
