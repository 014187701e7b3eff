"""Triage (繁简分流): suggestions the clerk sees and confirms when routing a case.

- collective dispute: ``workers_involved`` ≥ ``collective_dispute_workers`` (10);
- fast track (速裁): the amount claimed ≤ ``fast_track_amount`` (the province's previous-year
  average annual wage); facts clear or both parties agreeing are the clerk's call;
- final award (终局裁决, art. 47): each claim ≤ ``final_award_wage_multiple`` ×
  ``monthly_minimum_wage``; the case form has the total, so a total above the limit is shown
  as "check the single claims";
- the route suggested for the case's dispute types (``route_suggestions``).

All numbers are registry records (``suizhou.laborrights.statutory.*``).
"""

from collections import namedtuple
from suizhou.laborrights import _
from suizhou.laborrights.handling.clocks import setting
from suizhou.laborrights.vocabularies import parse_line
from suizhou.laborrights.vocabularies import title_of

import decimal


Suggestion = namedtuple("Suggestion", ("code", "applies", "title", "reason"))


def _money(amount):
    return f"{decimal.Decimal(amount):,.2f}"


def collective(case):
    threshold = int(setting("collective_dispute_workers", 10))
    workers = getattr(case, "workers_involved", None) or 0
    applies = workers >= threshold
    return Suggestion(
        "collective_dispute",
        applies,
        _("triage_collective", default="集体劳动争议"),
        _(
            "triage_collective_reason",
            default="涉及劳动者 ${workers} 人（${threshold} 人及以上为集体争议）",
            mapping={"workers": workers, "threshold": threshold},
        ),
    )


def fast_track(case):
    limit = decimal.Decimal(setting("fast_track_amount", 0))
    amount = getattr(case, "claim_amount", None)
    if amount is None:
        return Suggestion(
            "fast_track",
            False,
            _("triage_fast_track", default="适用速裁"),
            _(
                "triage_fast_track_no_amount",
                default="未填请求金额；事实清楚或双方同意速裁的，也可适用速裁",
            ),
        )
    applies = decimal.Decimal(amount) <= limit
    return Suggestion(
        "fast_track",
        applies,
        _("triage_fast_track", default="适用速裁"),
        _(
            "triage_fast_track_reason",
            default="请求金额 ${amount} 元，速裁标准为不超过 ${limit} 元（全省上年度职工年平均工资）；"
            "事实清楚或双方同意速裁的，也可适用速裁",
            mapping={"amount": _money(amount), "limit": _money(limit)},
        ),
    )


def final_award(case):
    multiple = int(setting("final_award_wage_multiple", 12))
    wage = decimal.Decimal(setting("monthly_minimum_wage", 0))
    limit = wage * multiple
    amount = getattr(case, "claim_amount", None)
    mapping = {"limit": _money(limit), "multiple": multiple, "wage": _money(wage)}
    if amount is None:
        return Suggestion(
            "final_award",
            False,
            _("triage_final_award", default="适用终局裁决"),
            _(
                "triage_final_award_no_amount",
                default="未填请求金额；单项请求不超过 ${limit} 元（${multiple} 个月 × ${wage} 元）的适用终局裁决",
                mapping=mapping,
            ),
        )
    amount = decimal.Decimal(amount)
    mapping["amount"] = _money(amount)
    if amount <= limit:
        reason = _(
            "triage_final_award_reason",
            default="请求金额 ${amount} 元，不超过当地月最低工资标准 ${multiple} 个月"
            "（${wage} 元 × ${multiple} = ${limit} 元）",
            mapping=mapping,
        )
    else:
        reason = _(
            "triage_final_award_check_items",
            default="请求总额 ${amount} 元超过 ${limit} 元（${multiple} 个月 × ${wage} 元）；"
            "如各单项请求均不超过该标准，仍适用终局裁决，请逐项核对",
            mapping=mapping,
        )
    title = _("triage_final_award", default="适用终局裁决")
    return Suggestion("final_award", amount <= limit, title, reason)


def route_table():
    """{dispute type: route} from the registry's ``route_suggestions`` lines."""
    return dict(parse_line(line) for line in setting("route_suggestions", ()) or () if line.strip())


def suggested_route(case):
    """The route suggested for the case's first dispute type that has a suggestion."""
    table = route_table()
    for dispute_type in getattr(case, "dispute_types", None) or ():
        route = table.get(dispute_type)
        if route:
            return Suggestion(
                "route",
                route,
                title_of("routes", route),
                _(
                    "triage_route_reason",
                    default="争议类型“${dispute_type}”建议分办至${route}",
                    mapping={
                        "dispute_type": title_of("dispute_types", dispute_type),
                        "route": title_of("routes", route),
                    },
                ),
            )
    return None


def suggestions(case):
    """The triage of a case: {code: Suggestion} for collective_dispute, fast_track,
    final_award and (when there is one) route."""
    found = {s.code: s for s in (collective(case), fast_track(case), final_award(case))}
    route = suggested_route(case)
    if route is not None:
        found["route"] = route
    return found
