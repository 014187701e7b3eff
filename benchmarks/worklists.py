"""Worklist queries on a register of many cases: how long the staff's worklists take.

Run through worklists.sh. It builds a fresh site with N cases (default 100,000) spread over
the six districts, 30 handling units and 60 handlers, in every state, about a third of the
open ones with a running clock overdue, and then times, for a district clerk, a handler, a
unit's staff member, a district supervisor and the city administrator, what the worklist
page computes (``handling/worklists.py``): the five tab counts plus one page of 50 rows read
from catalog metadata (applicant, employer, amount, days waiting, due date, handler …) — as
that user, so with the catalog's security filter — in the default order (oldest received
first) and, for the two widest users, sorted by applicant (pinyin) and by amount. The page's
HTML rendering (main_template) is not included.

The cases are written straight into the register's folders (no reference-number
transactions, no events): the benchmark is about reading, and the catalog holds exactly
what a case would put there (indexes, metadata, local roles for the security index).
"""

from AccessControl.Permission import pname
from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.users import UnrestrictedUser
from DateTime import DateTime
from decimal import Decimal
from persistent.list import PersistentList
from plone import api
from plone.dexterity.utils import createContent
from Products.CMFPlone.factory import addPloneSite
from suizhou.laborrights.cases.register import _bin
from suizhou.laborrights.cases.register import get_register
from suizhou.laborrights.handling import clocks
from suizhou.laborrights.handling import periods
from suizhou.laborrights.handling.assignment import ensure_unit_group
from suizhou.laborrights.handling.worklists import TABS
from suizhou.laborrights.handling.worklists import WorklistView
from suizhou.laborrights.vocabularies import registry_terms
from Testing.makerequest import makerequest
from zope.annotation.interfaces import IAnnotations
from zope.component.hooks import setSite
from zope.globalrequest import setRequest

import datetime
import pytz
import random
import statistics
import sys
import time
import transaction


ADMIN = UnrestrictedUser("admin", "", ["Manager"], [])
CASES = int(sys.argv[-1])
WORKFLOW = "laborrights_case_workflow"
SHANGHAI = pytz.timezone("Asia/Shanghai")
REPEAT = 30


PERMISSIONS = {}
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
GIVEN_NAMES = ("小明", "红梅", "建国", "秀英", "志强", "海燕", "伟", "芳", "军", "丽", "磊", "静", "勇", "敏", "强")
EMPLOYER_WORDS = ("恒驰", "大洪山", "编钟", "神农", "曾都", "广水", "随县", "炎帝", "汉东", "白云", "银杏", "香菇")
EMPLOYER_KINDS = ("机械有限公司", "建筑工程有限公司", "茶业有限公司", "食品有限公司", "物流有限公司", "劳务分包部")


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


def build(portal, rng):
    districts = [code for code, _title in registry_terms("districts")]
    stations = {}
    for district in districts:
        for n in range(5):
            station = api.content.create(
                container=portal.stations[district],
                type="ServiceStation",
                id=f"{district}-{n}",
                title=f"{district} station {n}",
                level="center" if n == 0 else "station",
                district=district,
                address="随州市",
            )
            stations.setdefault(district, []).append(station.UID())
            ensure_unit_group(station)
    handlers = {d: [f"{d}_h{n}" for n in range(10)] for d in districts}
    for district in districts:
        api.user.create(email=f"clerk_{district}@example.org", username=f"clerk_{district}",
                        password="benchmark-password-1")
        api.group.add_user(groupname=f"intake_clerks_{district}", username=f"clerk_{district}")
        api.user.create(email=f"admin_{district}@example.org", username=f"admin_{district}",
                        password="benchmark-password-1")
        api.group.add_user(groupname=f"district_admins_{district}", username=f"admin_{district}")
        for userid in handlers[district]:
            api.user.create(email=f"{userid}@example.org", username=userid, password="benchmark-password-1")
        api.group.add_user(groupname=f"unit_staff_{stations[district][0]}", username=handlers[district][0])
    api.user.create(email="city@example.org", username="city_admin", password="benchmark-password-1")
    api.group.add_user(groupname="city_admins", username="city_admin")
    transaction.commit()

    register = get_register()
    workflow_tool = api.portal.get_tool("portal_workflow")
    workflow = workflow_tool[WORKFLOW]
    types = [code for code, _t in registry_terms("dispute_types")]
    channels = [code for code, _t in registry_terms("channels")]
    routes = ["mediation", "arbitration", "inspection", "social_insurance"]
    today = periods.today()
    started = time.perf_counter()
    for n in range(CASES):
        district = rng.choice(districts)
        received = SHANGHAI.localize(datetime.datetime(2026, 1, 1, 9)) + datetime.timedelta(
            minutes=rng.randrange(0, 330 * 24 * 60)
        )
        month = f"{received.year}-{received.month:02d}"
        container = _bin(_bin(register, district, district), month, month)
        case = createContent(
            "Case",
            channel=rng.choice(channels),
            district=district,
            received=received,
            applicant_name=rng.choice(SURNAMES) + rng.choice(GIVEN_NAMES),
            applicant_phone=f"139{rng.randrange(10**8):08d}",
            employer_name=f"随州市{rng.choice(EMPLOYER_WORDS)}{rng.choice(EMPLOYER_WORDS)}{rng.choice(EMPLOYER_KINDS)}",
            claim_amount=Decimal(rng.randrange(500, 200000)) if rng.random() < 0.8 else None,
            dispute_types=[rng.choice(types)],
            workers_involved=1,
            facts="……",
        )
        case.id = f"SZ-BENCH-{n:07d}"
        container._setObject(case.id, case, suppress_events=True)
        case = container[case.id]
        state = rng.choices(["registered", "routed", "in_progress", "closed"], [10, 15, 35, 40])[0]
        workflow_tool.setStatusOf(
            WORKFLOW,
            case,
            {"review_state": state, "action": None, "actor": "admin", "time": DateTime(), "comments": ""},
        )
        set_permissions(workflow, case, state)
        if state != "registered":
            unit = rng.choice(stations[district])
            handler = rng.choice(handlers[district])
            case.route = rng.choice(routes)
            case.assigned_unit, case.handler = unit, handler
            case.manage_setLocalRoles(f"unit_staff_{unit}", ["CaseHandler"])
            case.manage_setLocalRoles(handler, ["CaseHandler"])
            stage = periods.ROUTE_STAGES.get(case.route)
            if stage and state != "closed":
                start = today - datetime.timedelta(days=rng.randrange(0, 60))
                days = 15 if stage == "mediation" else 5
                clock = clocks.StageClock(stage, start, days, stage.startswith("inspection"))
                clock.refresh()
                IAnnotations(case)[clocks.ANNOTATION_KEY] = PersistentList([clock])
        case.indexObject()
        if n % 2000 == 1999:
            transaction.commit()
            rate = (n + 1) / (time.perf_counter() - started)
            print(f"  {n + 1} cases ({rate:.0f}/s)", file=sys.stderr)
    transaction.commit()


def measure(portal, username, sort=None):
    request = portal.REQUEST
    timings = {}
    with api.env.adopt_user(username=username):
        for tab, _title in TABS:
            samples = []
            for _repeat in range(REPEAT + 1):
                request.form.clear()
                request.form.update(tab=tab, **({"sort": sort} if sort else {}))
                view = WorklistView(portal, request)
                began, began_cpu = time.perf_counter(), time.process_time()
                view.update()
                counts = view.tabs()
                rows = view.rows(view.results())
                samples.append(
                    ((time.perf_counter() - began) * 1000, (time.process_time() - began_cpu) * 1000)
                )
            timings[tab] = (samples[0], samples[1:], {t["id"]: t["count"] for t in counts}, len(rows))
    return timings


def p95(samples):
    return statistics.quantiles(samples, n=20)[-1]


def main(app):
    app = makerequest(app)
    setRequest(app.REQUEST)
    newSecurityManager(None, ADMIN.__of__(app.acl_users))
    addPloneSite(
        app,
        "Plone",
        setup_content=False,
        default_language="zh-cn",
        portal_timezone="Asia/Shanghai",
        extension_ids=["plone.app.contenttypes:default", "suizhou.laborrights:default"],
    )
    portal = app.Plone
    setSite(portal)
    transaction.commit()
    rng = random.Random(20261128)
    began = time.perf_counter()
    build(portal, rng)
    print(f"Built {CASES} cases in {time.perf_counter() - began:.0f} s", file=sys.stderr)
    catalog = api.portal.get_tool("portal_catalog")
    print(f"{len(catalog.unrestrictedSearchResults(portal_type='Case'))} cases catalogued")
    print()
    print("| user | tab | sorted by | cases in tab | first (ms) | p50 (ms) | p95 (ms) | p95 CPU (ms) |")
    print("|---|---|---|---|---|---|---|---|")
    wall, cpu = [], []
    runs = [(username, None) for username in ("clerk_zengdu", "zengdu_h3", "zengdu_h0", "admin_zengdu", "city_admin")]
    # sorted by a column: by the applicant's name (pinyin) and by amount, over the widest lists
    runs += [(username, sort) for username in ("admin_zengdu", "city_admin") for sort in ("applicant", "amount")]
    for username, sort in runs:
        for tab, (first, samples, counts, _rows) in measure(portal, username, sort).items():
            walls, cpus = [w for w, _c in samples], [c for _w, c in samples]
            wall.extend(walls)
            cpu.extend(cpus)
            print(
                f"| {username} | {tab} | {sort or 'received'} | {counts[tab]} | {first[0]:.1f} "
                f"| {statistics.median(walls):.1f} | {p95(walls):.1f} | {p95(cpus):.1f} |"
            )
    print()
    print(
        f"All worklist pages: p50 {statistics.median(wall):.1f} ms, p95 {p95(wall):.1f} ms "
        f"(CPU time p95 {p95(cpu):.1f} ms)"
    )


main(app)  # noqa: F821 - `app` is given by `bin/instance run`
