"""Triage (繁简分流): suggestions the clerk sees and confirms when routing a case.

- collective dispute: ``workers_involved`` ≥ ``collective_dispute_workers`` (10);
- fast track (速裁): the amount claimed ≤ ``fast_track_amount`` (the province's previous-year
  average annual wage); facts clear or both parties agreeing are the clerk's call;
- final award (终局裁决, art. 47 of the Labour Dispute Mediation and Arbitration Law, judged per
  claim as 法释〔2020〕26号 art. 19 says): every row of the case's ``claims`` is either of a
  labour-standards kind (``final_award_standard_kinds``: working hours, rest and leave, social
  insurance; any amount) or of an amount-limited kind (``final_award_amount_kinds``: wages,
  work-injury medical expenses, economic compensation, damages) with an amount ≤
  ``final_award_wage_multiple`` × the monthly minimum wage of the case's district in force on
  the day the application was received (``minimum_wage.py``); any other kind (e.g. 确认劳动关系)
  means no final award (a mixed award is not final, art. 20). A case without claim rows is
  judged on its total ``claim_amount``, as an indication only;
- the route suggested for the case's dispute types (``route_suggestions``);
- a hint on the one-year limitation (art. 27) when the employment ended (``employment_ended``)
  more than a year before the application was received — a hint only, never a refusal.

All numbers and kind lists are registry records (``suizhou.laborrights.statutory.*``; the
claim kinds themselves are the vocabulary ``suizhou.laborrights.vocabularies.claim_kinds``).
"""

from collections import namedtuple
from plone import api
from suizhou.laborrights import _
from suizhou.laborrights.handling.clocks import setting
from suizhou.laborrights.handling.clocks import to_date
from suizhou.laborrights.handling.clocks import today
from suizhou.laborrights.handling.minimum_wage import minimum_wage
from suizhou.laborrights.vocabularies import parse_line
from suizhou.laborrights.vocabularies import title_of
from zope.i18n import translate

import decimal


Suggestion = namedtuple("Suggestion", ("code", "applies", "title", "reason"))


def _money(amount):
    return f"{decimal.Decimal(amount):,.2f}"


def _text(message):
    """A message translated for the current request (to join several into one)."""
    return translate(message, context=api.env.getRequest())


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


def _final_award_limit(case):
    """The limit of art. 47 (1) and the mapping that explains it: the minimum wage of the
    case's district in force on the day the application was received."""
    multiple = int(setting("final_award_wage_multiple", 12))
    received = getattr(case, "received", None)
    on = to_date(received) if received else today()
    wage = minimum_wage(getattr(case, "district", None), on).amount
    limit = wage * multiple
    return limit, {"limit": _money(limit), "multiple": multiple, "wage": _money(wage)}


def _codes(name):
    return {code.strip() for code in setting(name, ()) or () if code.strip()}


def claim_rows(case):
    """The claims of a case that name a kind (rows of the ``claims`` datagrid)."""
    return [row for row in getattr(case, "claims", None) or () if row and row.get("kind")]


def claim_label(row):
    """“加班费 30,000.00 元”, or just the kind's title when there is no amount."""
    title = title_of("claim_kinds", row["kind"])
    amount = row.get("amount")
    return title if amount is None else f"{title} {_money(amount)} 元"


def final_award(case):
    """Art. 47: every claim a labour-standards one, or an amount-limited one within the limit."""
    rows = claim_rows(case)
    if not rows:
        return _final_award_by_total(case)
    limit, mapping = _final_award_limit(case)
    standard = _codes("final_award_standard_kinds")
    limited = _codes("final_award_amount_kinds")
    over, other, no_amount = [], [], []
    for row in rows:
        if row["kind"] in standard:
            continue
        if row["kind"] not in limited:
            other.append(row)
        elif row.get("amount") is None:
            no_amount.append(row)
        elif decimal.Decimal(row["amount"]) > limit:
            over.append(row)
    title = _("triage_final_award", default="适用终局裁决")
    if not (over or other or no_amount):
        reason = _(
            "triage_final_award_claims_fit",
            default="${count} 项请求均适用终局裁决：劳动报酬、工伤医疗费、经济补偿、赔偿金每项不超过 "
            "${limit} 元（${multiple} 个月 × ${wage} 元），工作时间、休息休假、社会保险等劳动标准争议不论金额",
            mapping=dict(mapping, count=len(rows)),
        )
        return Suggestion("final_award", True, title, reason)
    return Suggestion("final_award", False, title, _claims_reason(over, other, no_amount, mapping))


def _claims_reason(over, other, no_amount, mapping):
    def listed(rows):
        return "、".join(claim_label(row) for row in rows)

    parts = []
    if over:
        parts.append(
            _(
                "triage_final_award_claims_over",
                default="超过 ${limit} 元（${multiple} 个月 × ${wage} 元）的请求：${claims}",
                mapping=dict(mapping, claims=listed(over)),
            )
        )
    if other:
        parts.append(
            _(
                "triage_final_award_claims_other",
                default="不属于第四十七条终局裁决范围的请求：${claims}",
                mapping={"claims": listed(other)},
            )
        )
    if no_amount:
        parts.append(
            _(
                "triage_final_award_claims_no_amount",
                default="未填金额的请求：${claims}",
                mapping={"claims": listed(no_amount)},
            )
        )
    return _(
        "triage_final_award_claims_not",
        default="${parts}；同一裁决含非终局事项的，按非终局裁决处理",
        mapping={"parts": "；".join(_text(part) for part in parts)},
    )


def _final_award_by_total(case):
    """No claim rows (older cases, the web forms): judged on the total, as an indication."""
    limit, mapping = _final_award_limit(case)
    amount = getattr(case, "claim_amount", None)
    title = _("triage_final_award", default="适用终局裁决")
    if amount is None:
        return Suggestion(
            "final_award",
            False,
            title,
            _(
                "triage_final_award_no_claims",
                default="未逐项登记请求，也未填请求金额；劳动报酬、工伤医疗费、经济补偿、赔偿金每项不超过 "
                "${limit} 元（${multiple} 个月 × ${wage} 元）的，以及工作时间、休息休假、社会保险等"
                "劳动标准争议，适用终局裁决",
                mapping=mapping,
            ),
        )
    amount = decimal.Decimal(amount)
    mapping["amount"] = _money(amount)
    if amount <= limit:
        reason = _(
            "triage_final_award_total_fits",
            default="请求金额 ${amount} 元，不超过当地月最低工资标准 ${multiple} 个月"
            "（${wage} 元 × ${multiple} = ${limit} 元）；未逐项登记请求，仅供参考，请核对请求类别",
            mapping=mapping,
        )
    else:
        reason = _(
            "triage_final_award_total_over",
            default="请求总额 ${amount} 元超过 ${limit} 元（${multiple} 个月 × ${wage} 元）；"
            "未逐项登记请求，仅供参考：如各单项请求均不超过该标准，仍适用终局裁决，请逐项核对",
            mapping=mapping,
        )
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


def limitation(case):
    """A hint (never a refusal) when the employment ended more than a year before the
    application was received (art. 27: one year; claims for wages in arrears while still
    employed are not barred, so without an end date there is no hint); else None."""
    ended = getattr(case, "employment_ended", None)
    received = getattr(case, "received", None)
    if ended is None:
        return None
    on = to_date(received) if received else today()
    try:
        year_later = ended.replace(year=ended.year + 1)
    except ValueError:  # 29 February
        year_later = ended.replace(year=ended.year + 1, day=28)
    if on <= year_later:
        return None
    return Suggestion(
        "limitation",
        None,
        _("triage_limitation", default="仲裁时效提示"),
        _(
            "triage_limitation_reason",
            default="申请仲裁的时效期间为一年（劳动争议调解仲裁法第二十七条）。劳动关系已于${ended}终止，"
            "至收到申请（${received}）已超过一年：请核实有无时效中断、中止或不可抗力等正当理由，"
            "并告知申请人。本提示不影响登记和受理。",
            mapping={"ended": ended.isoformat(), "received": on.isoformat()},
        ),
    )


def suggestions(case):
    """The triage of a case: {code: Suggestion} for collective_dispute, fast_track,
    final_award, (when there is one) route and (when it applies) the limitation hint."""
    found = {s.code: s for s in (collective(case), fast_track(case), final_award(case))}
    route = suggested_route(case)
    if route is not None:
        found["route"] = route
    hint = limitation(case)
    if hint is not None:
        found["limitation"] = hint
    return found
