"""How far each demo case has gone: route, unit, handler and the dates of each step."""

from datetime import timedelta
from suizhou.laborrights.demo.codes import default_route_suggestions
from suizhou.laborrights.demo.dates import workday
from suizhou.laborrights.demo.stations import STATIONS


# Where each matter goes after registration: the registry's suggestion, except that the demo's
# dismissal cases went to arbitration.
ROUTES = dict(default_route_suggestions(), dismissal="arbitration")
OUTCOMES = {
    "mediation": "mediated",
    "arbitration": "award",
    "inspection": "inspection_closed",
    "social_insurance": "inspection_closed",
    "employment_service": "mediated",  # the employer complied after coordination
    "transfer": "transferred",
}
# Days from routing to closing, by route (within the statutory limits).
HANDLING_DAYS = {
    "mediation": (3, 14),
    "arbitration": (15, 44),
    "inspection": (10, 50),
    "social_insurance": (12, 40),
    "employment_service": (2, 8),
    "transfer": (1, 3),
}
# Handler user names (承办人) per district.
HANDLERS = {
    "city": ["sz_wangli", "sz_zhaomin"],
    "zengdu": ["zd_chenfang", "zd_liqiang"],
    "suixian": ["sx_xulan", "sx_huangtao"],
    "guangshui": ["gs_sunhui", "gs_majie"],
    "hitech": ["gx_tangli", "gx_zhouyang"],
    "dahongshan": ["dhs_yangxiu", "dhs_luoping"],
}
REJECT_REASONS = {
    "other": "申请事项不属于劳动人事争议处理范围，已告知向人民法院起诉。",
    "default": "超过仲裁时效且无中止、中断事由，已书面告知不予受理理由。",
    "employer_consultation": "所咨询事项已通过线上答疑解决，无需另行受理。",
}


def stations_of(district, *levels):
    return [s["id"] for s in STATIONS if s["district"] == district and s["level"] in levels]


def case_flow(rng, state, district, dispute_type, received):
    """How far a case has gone: route, unit, handler and the dates of each step."""
    flow = {"state": state, "transitions": []}
    if state == "registered":
        return flow
    if state == "rejected" or (state == "withdrawn" and rng.random() < 0.6):
        # Decided at intake, before routing.
        flow["route"] = "not_accepted" if state == "rejected" else "withdrawn"
        flow["outcome"] = flow["route"]
        flow["closed"] = workday(received + timedelta(days=rng.randint(1, 4)))
        reason = REJECT_REASONS.get(dispute_type, REJECT_REASONS["default"])
        flow["transitions"] = [
            (
                "reject" if state == "rejected" else "withdraw",
                flow["closed"],
                reason if state == "rejected" else "申请人与单位自行和解，申请撤回。",
            ),
        ]
        return flow
    route = ROUTES[dispute_type]
    if route == "mediation":
        unit = rng.choice(stations_of(district, "center", "station", "point"))
    else:
        unit = stations_of(district, "center")[0]
    routed = workday(received + timedelta(days=rng.randint(0, 2), hours=rng.randint(1, 5)))
    flow.update(
        route=route, assigned_unit=unit, routed=routed, handler=rng.choice(HANDLERS[district])
    )
    flow["transitions"].append(("route", routed, ""))
    if state == "routed":
        return flow
    if route == "transfer" and state == "closed":
        flow["closed"] = routed + timedelta(days=rng.randint(*HANDLING_DAYS["transfer"]))
        flow["outcome"] = "transferred"
        flow["transitions"].append(
            ("close", flow["closed"], f"已移送{rng.choice(['人民法院', '信访部门', '公安机关'])}")
        )
        return flow
    accepted = routed + timedelta(days=rng.randint(0, 2))
    flow["transitions"].append(("accept", accepted, ""))
    if state == "in_progress":
        return flow
    closed = workday(accepted + timedelta(days=rng.randint(*HANDLING_DAYS[route])))
    flow["closed"] = closed
    if state == "withdrawn":
        flow["outcome"] = "withdrawn"
        flow["transitions"].append(("withdraw", closed, "双方自行和解，申请人撤回申请。"))
    else:
        outcome = OUTCOMES[route]
        if route == "arbitration" and rng.random() < 0.5:
            outcome = "mediated"  # 仲裁庭先行调解结案
        if dispute_type == "employer_consultation":
            outcome = None  # left empty, as before the registry had an "answered" outcome
        flow["outcome"] = outcome
        flow["transitions"].append(("close", closed, ""))
    return flow


def case_state(i, count):
    """Older cases are finished, recent ones are still open; every state occurs."""
    if i >= count - 12:
        return "withdrawn" if i == count - 7 else ["registered", "routed", "in_progress"][i % 3]
    if i % 10 == 3:
        return "rejected"
    if i % 13 == 7:
        return "withdrawn"
    if i in (count - 22, count - 17):
        return "in_progress"  # long overdue: for the overdue flags
    return "closed"
