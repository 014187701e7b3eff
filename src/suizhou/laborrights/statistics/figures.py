"""One function per figure, over ``records.Record`` tuples (callable from Python: the district
assessment builds on them). A rate is a ``Fraction`` (exact, shown as a percentage) or None when
there is nothing to divide by; amounts are in yuan (``Decimal``); days are calendar days.

The definitions (also on the page and in docs/supervision-guide.md, 统计):
- a case is *received* in a period by its 受理时间, *closed* by its 办结时间 (结案, 撤回 and 不予受理
  end a case; a reopened case counts by its latest closure, once);
- closed is not successful: 调解成功率 = (达成协议 + 和解) ÷ 调解结案数 (all four kinds);
- 仲裁结案率 = 仲裁审结数 ÷ (当期立案数 + 上期未结数); 案外调解 is a bucket of its own.
"""

from datetime import date
from decimal import Decimal
from fractions import Fraction
from statistics import median
from suizhou.laborrights.cases.closure import MEDIATION_SUCCESS
from suizhou.laborrights.cases.closure import RESOLUTION_LEVELS
from suizhou.laborrights.statistics.ratings import SATISFIED


ENDED = ("closed", "withdrawn", "rejected")
# The official table's 按争议原因 rows; a case counts under its first dispute type.
CAUSES = (
    ("pay", ("wage_arrears", "overtime")),
    ("insurance", ("social_insurance", "work_injury", "unemployment_insurance")),
    ("contract", ("labor_contract", "dismissal")),
)


def rate(part, whole):
    return Fraction(part, whole) if whole else None


def yuan(fen):
    return (Decimal(fen) / 100).quantize(Decimal("0.01"))


def day(iso):
    return date.fromisoformat(iso)


# --- which cases -----------------------------------------------------------------------------


def on_route(records, route):
    return [r for r in records if r.route == route]


def accepted(records):
    """Received and not refused (不予受理 is no 受理)."""
    return [r for r in records if r.state != "rejected"]


def collective(records):
    return [r for r in records if r.collective]


def pending_at(records, start):
    """Of cases received before ``start``: those not ended before it (上期未结)."""
    first = start.isoformat()
    return [
        r
        for r in records
        if r.received and r.received < first and r.state != "rejected" and (r.closed is None or r.closed >= first)
    ]


def cause_of(record):
    first = record.dispute_types[0] if record.dispute_types else None
    for cause, types in CAUSES:
        if first in types:
            return cause
    return "other"


# --- counts and sums -------------------------------------------------------------------------


def count(records):
    return len(records)


def workers(records):
    return sum(r.workers for r in records)


def amount_claimed(records):
    return yuan(sum(r.claimed_fen for r in records))


def amount_recovered(records):
    return yuan(sum(r.recovered_fen for r in records))


def workers_benefited(records):
    return sum(r.benefited for r in records)


def by_cause(records):
    counts = {cause: 0 for cause, _types in CAUSES} | {"other": 0}
    for record in records:
        counts[cause_of(record)] += 1
    return counts


def by_channel(records):
    counts = {}
    for record in records:
        counts[record.channel] = counts.get(record.channel, 0) + 1
    return counts


def by_dispute_type(records):
    """Each type a case names counts once (a case may name several)."""
    counts = {}
    for record in records:
        for kind in record.dispute_types:
            counts[kind] = counts.get(kind, 0) + 1
    return counts


def by_month(records, field):
    """{"2026-01": n, …} by the month of ``field`` ("received" or "closed")."""
    counts = {}
    for record in records:
        month = getattr(record, field)[:7]
        counts[month] = counts.get(month, 0) + 1
    return counts


def by_resolution_level(closed):
    """Closed matters (结案; not 撤回, 不予受理, nor a reopened case) by the level they were
    settled at; None counts those closed without a level (before levels were recorded)."""
    counts = dict.fromkeys(RESOLUTION_LEVELS.by_value, 0) | {None: 0}
    for record in closed:
        if record.state == "closed":
            level = record.resolution_level
            counts[level if level in counts else None] += 1
    return counts


# --- arbitration (the official table) --------------------------------------------------------


def award_results(closed):
    counts = {"employer_won": 0, "worker_won": 0, "partly": 0}
    for record in closed:
        if record.outcome == "award" and record.award_result in counts:
            counts[record.award_result] += 1
    return counts


def closed_by_way(closed):
    """结案 按处理方式: 仲裁调解 (调解成功), 仲裁裁决, 其他方式 (撤回, 移送 …)."""
    ended = [r for r in closed if r.state != "rejected"]
    mediated = sum(1 for r in ended if r.outcome == "mediated")
    awarded = sum(1 for r in ended if r.outcome == "award")
    return {"mediated": mediated, "award": awarded, "other": len(ended) - mediated - awarded}


def arbitration_closure_rate(arbitration_closed, arbitration_received, arbitration_pending):
    """仲裁结案率 = 仲裁审结数 ÷ (当期立案数 + 上期未结数)."""
    settled = sum(closed_by_way(arbitration_closed).values())
    return rate(settled, len(accepted(arbitration_received)) + len(arbitration_pending))


# --- mediation -------------------------------------------------------------------------------


def mediation_result(record):
    """The kind of a mediation closure; a withdrawal counts as 撤回 whatever was recorded."""
    if record.state == "withdrawn":
        return "withdrawn"
    return record.mediation_result


def mediation_closed(closed):
    """调解结案数: every mediation that ended (not 不予受理), successful or not."""
    return [r for r in on_route(closed, "mediation") if r.state != "rejected"]


def mediation_results(closed):
    counts = {"agreement": 0, "settlement": 0, "failed": 0, "withdrawn": 0}
    for record in mediation_closed(closed):
        kind = mediation_result(record)
        counts[kind if kind in counts else "failed"] += 1
    return counts


def mediation_success_rate(closed):
    """调解成功率 = (达成协议 + 和解) ÷ 调解结案数."""
    ended = mediation_closed(closed)
    return rate(sum(1 for r in ended if mediation_result(r) in MEDIATION_SUCCESS), len(ended))


def outside_mediation(closed):
    """案外调解: mediations (before any arbitration) that reached an agreement or settlement."""
    return [r for r in mediation_closed(closed) if mediation_result(r) in MEDIATION_SUCCESS]


# --- time ------------------------------------------------------------------------------------


def clock_results(closed, stage=None):
    return [on_time for record in closed for s, on_time in record.clocks if stage in (None, s)]


def on_time_rate(closed, stage=None):
    """Of the statutory clocks of the closed cases (one stage, or all): the share that stopped
    on or before the due date. Days a clock was paused do not count."""
    results = clock_results(closed, stage)
    return rate(sum(1 for on_time in results if on_time), len(results))


def days_to_close(closed):
    return [(day(r.closed) - day(r.received)).days for r in closed if r.received and r.closed]


def average_days(days):
    return (Decimal(sum(days)) / len(days)).quantize(Decimal("0.1")) if days else None


def median_days(days):
    return Decimal(str(median(days))) if days else None


def average_days_to_close(closed):
    return average_days(days_to_close(closed))


def median_days_to_close(closed):
    return median_days(days_to_close(closed))


# --- satisfaction and 12345 ------------------------------------------------------------------


def rated(records):
    return [r for r in records if r.satisfaction]


def satisfaction_levels(records):
    counts = dict.fromkeys((5, 4, 3, 2, 1), 0)
    for record in rated(records):
        counts[record.satisfaction] += 1
    return counts


def satisfaction_average(records):
    """The average level, 非常满意 = 5 … 非常不满意 = 1."""
    levels = [r.satisfaction for r in rated(records)]
    return (Decimal(sum(levels)) / len(levels)).quantize(Decimal("0.01")) if levels else None


def satisfied_share(records):
    """满意率 = (非常满意 + 满意 + 基本满意) ÷ rated."""
    levels = [r.satisfaction for r in rated(records)]
    return rate(sum(1 for level in levels if level in SATISFIED), len(levels))


def hotline(records):
    return [r for r in records if r.channel == "hotline_12345" or r.hotline_ticket]


def legal_route(records):
    """12345 demands that belong to arbitration (the citizen was told the legal route)."""
    return [r for r in records if r.route == "arbitration"]


def hotline_completion_rate(received):
    """12345 办结率: of the 12345 matters received in the period, the share ended (办结)."""
    tickets = hotline(received)
    return rate(sum(1 for r in tickets if r.closed), len(tickets))


def hotline_satisfaction_rate(closed):
    """12345 满意率, without the demands sent on the legal route (reported on their own line)."""
    tickets = [r for r in hotline(closed) if r.route != "arbitration"]
    return satisfied_share(tickets)


# --- labour inspection -----------------------------------------------------------------------


def inspection_sum(closed, field):
    values = [getattr(r, field) or 0 for r in on_route(closed, "inspection")]
    return yuan(sum(values)) if field.endswith("_amount") else sum(values)


def referred_to_police(closed):
    return sum(1 for r in on_route(closed, "inspection") if r.referred_to_police)


def inspection_completion_rate(received):
    """投诉办结率: of the inspection complaints received in the period, the share ended."""
    complaints = accepted(on_route(received, "inspection"))
    return rate(sum(1 for r in complaints if r.closed), len(complaints))
