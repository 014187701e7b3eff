"""The demo cases: generated from a fixed seed, so every demo site holds the same cases.

``case_specs()`` gives each case's ``received`` time, its ``fields`` as filed and its ``flow``
(how far it has gone); ``create`` files them and takes them along their workflow.
"""

from datetime import date
from datetime import datetime
from datetime import timedelta
from decimal import Decimal
from suizhou.laborrights.demo.case_texts import case_text
from suizhou.laborrights.demo.codes import CHANNELS
from suizhou.laborrights.demo.codes import DISTRICTS
from suizhou.laborrights.demo.dates import at
from suizhou.laborrights.demo.dates import TIMEZONE
from suizhou.laborrights.demo.dates import workday
from suizhou.laborrights.demo.dates import YEAR
from suizhou.laborrights.demo.employers import COLLECTIVE_EMPLOYER
from suizhou.laborrights.demo.employers import employer_for
from suizhou.laborrights.demo.employers import employers_by_key
from suizhou.laborrights.demo.flows import case_flow
from suizhou.laborrights.demo.flows import case_state
from suizhou.laborrights.demo.flows import stations_of
from suizhou.laborrights.demo.people import applicant

import random


SEED = 2026

# Dispute types in the order cases cycle through them: wage arrears is the commonest matter.
TYPE_CYCLE = [
    "wage_arrears",
    "labor_contract",
    "dismissal",
    "wage_arrears",
    "social_insurance",
    "work_injury",
    "overtime",
    "wage_arrears",
    "unemployment_insurance",
    "platform_work",
    "employer_consultation",
    "other",
    "labor_contract",
]
# A second dispute type that often comes with the first.
COMPANION_TYPES = {
    "wage_arrears": "overtime",
    "dismissal": "labor_contract",
    "labor_contract": "wage_arrears",
    "work_injury": "social_insurance",
    "overtime": "wage_arrears",
}
# The claim a clerk records for a matter of each dispute type (the first type carries the
# amount claimed; a social insurance claim has none).
CLAIM_KINDS = {
    "wage_arrears": "wages",
    "overtime": "overtime_pay",
    "dismissal": "economic_compensation",
    "labor_contract": "damages",
    "work_injury": "work_injury_medical",
    "social_insurance": "social_insurance",
}
# Channels where staff register the matter, and so record the claims one by one.
DESK_CHANNELS = ("window", "phone", "hotline_12345", "transferred")
TRANSFER_SOURCES = ["市信访局", "区总工会", "市中级人民法院诉前调解平台", "城区派出所", "市长信箱"]


INDIVIDUAL_CASES = 52
COLLECTIVE_CASES = 12
# The collective dispute's week (journey 4): Monday 16 to Friday 20 November.
COLLECTIVE_WEEK_START = date(YEAR, 11, 16)


def case_specs():
    """The demo cases, oldest first: dicts of ``received``, ``fields`` and ``flow``."""
    rng = random.Random(SEED)
    employers = employers_by_key()
    specs = []
    for i in range(INDIVIDUAL_CASES):
        district = DISTRICTS[i % len(DISTRICTS)]
        channel = CHANNELS[(i // len(DISTRICTS) + i) % len(CHANNELS)]
        dispute_type = TYPE_CYCLE[i % len(TYPE_CYCLE)]
        # Spread from early January to late November.
        received = at(
            4 + round(i * 318 / (INDIVIDUAL_CASES - 1)), rng.randint(8, 16), rng.randint(0, 59)
        )
        if channel in ("window", "phone", "transferred"):
            received = workday(received)
        employer = employer_for(rng, dispute_type, district, employers)
        types = [dispute_type]
        if dispute_type in COMPANION_TYPES and rng.random() < 0.35:
            types.append(COMPANION_TYPES[dispute_type])
        workers = 1
        if i == 15:  # a collective filing by a representative of 18 workers
            employer, types, workers = employers["zhonghe"], ["wage_arrears"], 18
        person = applicant(rng, district)
        contact = employer["contact"]
        if dispute_type == "employer_consultation":
            # The employer is the applicant; its HR manager calls.
            contact = f"{person['applicant_name']}（人事负责人）"
            del person["applicant_id_number"]
            person.update(applicant_name=employer["name"], applicant_address=employer["address"])
        facts, request, amount = case_text(rng, types[0], employer, received)
        if workers > 1:
            amount = Decimal(15900 * workers)
            facts = (
                f"申请人作为{workers}名农民工推选的代表，反映：{workers}人受{employer['name']}招用，"
                f"在某住宅项目从事{employer['job']}工作，2025年11月至2026年3月工资未发放，"
                f"合计被拖欠工资{amount}元，劳务公司负责人已失联。"
            )
            request = (
                f"请求责令{employer['name']}及施工总承包单位支付{workers}名农民工工资{amount}元。"
            )
        if channel == "transferred":
            facts = f"本件由{rng.choice(TRANSFER_SOURCES)}转办。" + facts
        claims = _claims(types[0], amount) if channel in DESK_CHANNELS and workers == 1 else []
        fields = dict(
            person,
            channel=channel,
            district=district,
            applicant_gig_worker=dispute_type == "platform_work" or rng.random() < 0.1,
            employer_name=employer["name"],
            employer_credit_code=employer["credit_code"],
            employer_address=employer["address"],
            employer_contact=contact,
            employer_phone=employer["phone"],
            dispute_types=types,
            claim_amount=amount,
            claims=claims,
            workers_involved=workers,
            facts=facts,
            request=request,
        )
        specs.append({"received": received, "fields": fields, "dispute_type": dispute_type})

    specs.sort(key=lambda spec: spec["received"])
    for i, spec in enumerate(specs):
        fields = spec["fields"]
        district = fields["district"]
        if fields["channel"] == "window":
            fields["station"] = rng.choice(stations_of(district, "center", "station", "point"))
        elif fields["channel"] in ("phone", "hotline_12345", "transferred"):
            fields["station"] = stations_of(district, "center")[0]
        if fields["channel"] == "hotline_12345":
            fields["hotline_ticket"] = f"12345-{spec['received']:%Y%m%d}-{rng.randint(1, 9999):04d}"
        spec["flow"] = case_flow(
            rng, case_state(i, len(specs)), district, spec.pop("dispute_type"), spec["received"]
        )

    specs.extend(_collective_specs(rng, employers[COLLECTIVE_EMPLOYER]))
    specs.sort(key=lambda spec: spec["received"])
    return specs


def _claims(dispute_type, amount):
    """The claims of a matter registered at a desk: one, of the matter's kind."""
    kind = CLAIM_KINDS.get(dispute_type)
    if kind is None:
        return []
    return [{"kind": kind, "amount": None if kind == "social_insurance" else amount, "note": None}]


def _collective_specs(rng, employer):
    """Twelve workers of one employer complain of unpaid wages within one week (journey 4)."""
    specs = []
    channels = ["window", "window", "hotline_12345", "web", "mini_program", "phone"]
    for n in range(COLLECTIVE_CASES):
        day = n * 5 // COLLECTIVE_CASES  # Monday to Friday
        received = TIMEZONE.localize(
            datetime.combine(COLLECTIVE_WEEK_START + timedelta(days=day), datetime.min.time())
            + timedelta(hours=8 + n % 9, minutes=rng.randint(0, 59))
        )
        channel = channels[n % len(channels)]
        facts, request, amount = case_text(rng, "wage_arrears", employer, received)
        fields = dict(
            applicant(rng, "hitech"),
            channel=channel,
            district="hitech",
            employer_name=employer["name"],
            employer_credit_code=employer["credit_code"],
            employer_address=employer["address"],
            employer_contact=employer["contact"],
            employer_phone=employer["phone"],
            dispute_types=["wage_arrears"] + (["overtime"] if n % 4 == 0 else []),
            claim_amount=amount,
            workers_involved=1,
            facts=facts + "同车间多名工友工资均未发放。",
            request=request,
        )
        if channel == "window":
            fields["station"] = rng.choice(["hitech-park", "hitech-park-point", "hitech-center"])
        elif channel in ("phone", "hotline_12345"):
            fields["station"] = "hitech-center"
        if channel == "hotline_12345":
            fields["hotline_ticket"] = f"12345-{received:%Y%m%d}-{rng.randint(1, 9999):04d}"
        # The first complaints were already routed to labour inspection; the rest wait.
        state = "in_progress" if n < 2 else "routed" if n < 4 else "registered"
        flow = {"state": state, "transitions": []}
        if state != "registered":
            routed = received + timedelta(hours=2)
            flow.update(
                route="inspection",
                assigned_unit="hitech-center",
                routed=routed,
                handler="gx_tangli",
            )
            flow["transitions"].append(("route", routed, ""))
            if state == "in_progress":
                flow["transitions"].append(("accept", routed + timedelta(days=1), ""))
        specs.append({"received": received, "fields": fields, "flow": flow})
    return specs
