"""The generated register the benchmarks read: N cases, built once (run through dataset.sh).

A site with the add-on, 6 districts × 5 handling units (each with its staff group), per
district a clerk (``clerk_<district>``), an administrator (``admin_<district>``) and 10
handlers (``<district>_h0`` … ``_h9``; ``_h0`` is also in the district's first unit), and the
city administrator ``city_admin`` (all with the password ``benchmark-password-1``).

Cases, received between 2024-01-01 and 2026-11-30 (three years, uniformly) in the six
districts, with real reference numbers (``SZ-<year>-<number>``, in the register's reference
map, so a lookup finds them) and each its own phone number ``139`` + the case's number n (8
digits). Applicant names, amounts and dispute types vary; employers as ``benchlib.employer()``
says. States: received in the last 3 days of the span: registered; otherwise registered 5 %,
routed 10 %, in progress 25 %, closed 55 %, withdrawn 5 %. Routed cases have a route, a unit, a
handler (local roles as routing gives them); the open ones on mediation, arbitration or
inspection a running clock that started in the 60 days before 2026-12-02 (about a third of them
overdue on that day); the ended ones their closure date, outcome, closing figures, a stopped
clock and for a third a rating.

The cases are written straight into the register's folders (no events, no reference-number
transactions): the benchmarks read them, and the catalog holds what a filed case puts there
(indexes, metadata, the workflow's permissions and local roles for the security filter).
"""

from AccessControl.Permission import pname
from DateTime import DateTime
from decimal import Decimal
from persistent.list import PersistentList
from persistent.mapping import PersistentMapping
from plone import api
from plone.dexterity.utils import createContent
from suizhou.laborrights.cases.register import _bin
from suizhou.laborrights.cases.register import _claimed
from suizhou.laborrights.cases.register import _sequences
from suizhou.laborrights.cases.register import _tickets
from suizhou.laborrights.cases.register import get_register
from suizhou.laborrights.forms.rating import ANNOTATION_KEY as RATING_KEY
from suizhou.laborrights.forms.rating import LEVELS
from suizhou.laborrights.handling import clocks
from suizhou.laborrights.handling import periods
from suizhou.laborrights.handling.assignment import ensure_unit_group
from suizhou.laborrights.settings import setting
from suizhou.laborrights.vocabularies import registry_terms
from zope.annotation.interfaces import IAnnotations

import benchlib
import datetime
import pytz
import random
import sys
import time
import transaction


# Bump when the generated data changes: dataset.sh rebuilds a dataset of another version.
# 2: employers with credit codes (a tenth without), 50 large ones
VERSION = 2
WORKFLOW = "laborrights_case_workflow"
SHANGHAI = pytz.timezone("Asia/Shanghai")
FIRST = SHANGHAI.localize(datetime.datetime(2024, 1, 1, 9))
SPAN_MINUTES = (datetime.datetime(2026, 11, 30) - datetime.datetime(2024, 1, 1)).days * 24 * 60
DAY = datetime.date(2026, 12, 2)  # the day the clocks and ages are set against
PASSWORD = "benchmark-password-1"
ROUTES = ["mediation", "arbitration", "inspection", "social_insurance"]
OUTCOMES = {"mediation": "mediated", "arbitration": "award", "inspection": "inspection_closed"}
ENDED_STAGES = {"mediation": "mediation", "arbitration": "arbitration_award", "inspection": "inspection_filing"}
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
GIVEN_NAMES = ("小明", "红梅", "建国", "秀英", "志强", "海燕", "伟", "芳", "军", "丽", "磊", "静", "勇", "敏", "强")
PERMISSIONS = {}


def phone(n):
    """The applicant's phone number of the n-th generated case."""
    return f"139{n:08d}"


def set_permissions(workflow, case, state):
    """The state's permission settings, as ``updateRoleMappingsFor`` would set them (copied
    from the first case in that state: computing them is the slowest part of building)."""
    if state not in PERMISSIONS:
        workflow.updateRoleMappingsFor(case)
        PERMISSIONS[state] = {
            name: getattr(case, name)
            for name in (pname(permission) for permission in workflow.permissions)
            if name in case.__dict__
        }
    for name, value in PERMISSIONS[state].items():
        setattr(case, name, value)


def staff(portal, districts):
    """The units and users; returns {district: [unit UID, …]}, {district: [handler, …]}."""
    units, handlers = {}, {}
    for district, made in benchlib.stations(portal, districts).items():
        units[district] = [station.UID() for station in made]
        for station in made:
            ensure_unit_group(station)
        handlers[district] = [f"{district}_h{n}" for n in range(10)]
        for userid, group in [(f"clerk_{district}", f"intake_clerks_{district}"),
                              (f"admin_{district}", f"district_admins_{district}")]:
            api.user.create(email=f"{userid}@example.org", username=userid, password=PASSWORD)
            api.group.add_user(groupname=group, username=userid)
        for userid in handlers[district]:
            api.user.create(email=f"{userid}@example.org", username=userid, password=PASSWORD)
        api.group.add_user(groupname=f"unit_staff_{units[district][0]}", username=handlers[district][0])
    api.user.create(email="city@example.org", username="city_admin", password=PASSWORD)
    api.group.add_user(groupname="city_admins", username="city_admin")
    transaction.commit()
    return units, handlers


def state_of(rng, age):
    if age < 3:
        return "registered"
    return rng.choices(["registered", "routed", "in_progress", "closed", "withdrawn"], [5, 10, 25, 55, 5])[0]


def route(rng, case, state, age, received, units, handlers):
    """Route, unit, handler and clock of a case past registration; closure when it ended."""
    case.route = rng.choice(ROUTES)
    unit = rng.choice(units)
    handler = rng.choice(handlers)
    case.assigned_unit, case.handler = unit, handler
    case.manage_setLocalRoles(f"unit_staff_{unit}", ["CaseHandler"])
    case.manage_setLocalRoles(handler, ["CaseHandler"])
    annotations = IAnnotations(case)
    if state not in ("closed", "withdrawn"):
        stage = periods.ROUTE_STAGES.get(case.route)
        if stage:
            start = max(received.date(), DAY - datetime.timedelta(days=rng.randrange(0, 60)))
            clock = clocks.StageClock(stage, start, 15 if stage == "mediation" else 5, stage.startswith("inspection"))
            clock.refresh()
            annotations[clocks.ANNOTATION_KEY] = PersistentList([clock])
        return
    workers = case.workers_involved
    case.closed = received + datetime.timedelta(days=min(rng.randrange(1, 70), max(age - 1, 1)))
    case.outcome = OUTCOMES.get(case.route, "answered") if state == "closed" else "withdrawn"
    case.amount_recovered = Decimal(rng.randrange(0, 50000))
    case.workers_benefited = workers
    if case.route == "mediation":
        case.mediation_result = rng.choice(["agreement", "settlement", "failed", "withdrawn"])
    elif case.route == "arbitration":
        case.award_result = rng.choice(["employer_won", "worker_won", "partly"])
    elif case.route == "inspection":
        case.wages_paid_workers = workers
        case.wages_paid_amount = Decimal(rng.randrange(0, 30000))
    stage = ENDED_STAGES.get(case.route)
    if stage:
        clock = clocks.StageClock(stage, received.date(), 15, False)
        clock.stopped = case.closed.date()
        annotations[clocks.ANNOTATION_KEY] = PersistentList([clock])
    if rng.random() < 0.33:
        code, _title, score = rng.choice(LEVELS)
        annotations[RATING_KEY] = PersistentMapping(level=code, score=score, comment="")


def build(portal, cases, rng):
    districts = [code for code, _title in registry_terms("districts")]
    units, handlers = staff(portal, districts)
    register = get_register()
    claimed, sequences, tickets = _claimed(register), _sequences(register), _tickets(register)
    pattern = setting("statutory", "reference_pattern")
    workflow_tool = api.portal.get_tool("portal_workflow")
    workflow = workflow_tool[WORKFLOW]
    types = [code for code, _t in registry_terms("dispute_types")]
    channels = [code for code, _t in registry_terms("channels")]
    started = time.perf_counter()
    for n in range(cases):
        district = rng.choice(districts)
        code, employer_name = benchlib.employer(rng)
        received = FIRST + datetime.timedelta(minutes=rng.randrange(0, SPAN_MINUTES))
        month = f"{received.year}-{received.month:02d}"
        container = _bin(_bin(register, district, district), month, month)
        workers = rng.choices([1, 2, 3, 12], [80, 10, 6, 4])[0]
        channel = rng.choice(channels)
        case = createContent(
            "Case",
            channel=channel,
            district=district,
            station=rng.choice(units[district]),
            received=received,
            applicant_name=rng.choice(SURNAMES) + rng.choice(GIVEN_NAMES),
            applicant_phone=phone(n),
            employer_credit_code=code,
            employer_name=employer_name,
            claim_amount=Decimal(rng.randrange(500, 200000)) if rng.random() < 0.8 else None,
            dispute_types=[rng.choice(types)],
            workers_involved=workers,
            collective_dispute=workers >= 10,
            facts="……",
        )
        number = sequences.get(received.year, 0) + 1
        sequences[received.year] = number
        case.id = pattern.format(year=received.year, number=number)
        if channel == "hotline_12345":
            case.hotline_ticket = f"12345-{n:08d}"
            tickets[case.hotline_ticket] = case.id
        container._setObject(case.id, case, suppress_events=True)
        case = container[case.id]
        claimed[case.id] = f"{district}/{month}/{case.id}"
        age = (DAY - received.date()).days
        state = state_of(rng, age)
        workflow_tool.setStatusOf(
            WORKFLOW,
            case,
            {"review_state": state, "action": None, "actor": "admin", "time": DateTime(), "comments": ""},
        )
        set_permissions(workflow, case, state)
        if state != "registered":
            route(rng, case, state, age, received, units[district], handlers[district])
        case.indexObject()
        if n % 2000 == 1999:
            transaction.commit()
            portal._p_jar.cacheGC()
            rate = (n + 1) / (time.perf_counter() - started)
            print(f"  {n + 1} cases ({rate:.0f}/s)", file=sys.stderr, flush=True)
    transaction.commit()


def main(app, cases):
    app = benchlib.as_admin(app)
    began = time.perf_counter()
    portal = benchlib.new_site(app)
    build(portal, cases, random.Random(20261202))
    seconds = time.perf_counter() - began
    catalogued = len(api.portal.get_tool("portal_catalog").unrestrictedSearchResults(portal_type="Case"))
    print(f"Built {cases} cases in {seconds:.0f} s ({catalogued} catalogued)", file=sys.stderr)
    print(f"version {VERSION}\ncases {cases}\nbuilt {datetime.datetime.now(SHANGHAI):%Y-%m-%d %H:%M} "
          f"Beijing time in {seconds:.0f} s")
    app._p_jar.db().close()  # writes the FileStorage's index: a copy opens without re-reading it


main(app, int(sys.argv[-1]))  # noqa: F821 - `app` is given by `zconsole run`
