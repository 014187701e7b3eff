"""The statistics of a large register: how long the whole city's figures for one year take.

Run through statistics.sh. It builds a fresh site with N cases (default 100,000) received over
three years (2024-01-01 to 2026-11-30) in the six districts and 30 units, in every state; the
ended ones with their closure time, outcome, closing figures, a stopped statutory clock and for
a third of them a rating, so every figure has data. The cases are written straight into the
register's folders as worklists.py does (no events): the benchmark is about reading, and the
catalog holds what a case puts there (indexes and the ``statistics_record`` metadata).

Then it times what ``@@statistics`` and ``@@statistics.xlsx`` compute for the city
administrator, for the year 2026 (2026-01-01 to 2026-12-02): the three catalog queries, the
records read from metadata, every table (``tables.all_tables``), and the Excel file. "Cold":
the first run after emptying the ZODB object cache (the catalog's B-trees and metadata
buckets are loaded from the storage; the operating system's file cache stays warm). "Warm":
the median and the slowest of the next 10 runs. The page's HTML rendering is not included.
"""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.users import UnrestrictedUser
from DateTime import DateTime
from datetime import date
from decimal import Decimal
from persistent.list import PersistentList
from persistent.mapping import PersistentMapping
from plone import api
from plone.dexterity.utils import createContent
from Products.CMFPlone.factory import addPloneSite
from suizhou.laborrights.cases.register import _bin
from suizhou.laborrights.cases.register import get_register
from suizhou.laborrights.forms.rating import ANNOTATION_KEY as RATING_KEY
from suizhou.laborrights.forms.rating import LEVELS
from suizhou.laborrights.handling import clocks
from suizhou.laborrights.statistics.excel import xlsx_bytes
from suizhou.laborrights.statistics.selection import Period
from suizhou.laborrights.statistics.selection import select
from suizhou.laborrights.statistics.tables import all_tables
from suizhou.laborrights.statistics.tables import period_label
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
FIRST = SHANGHAI.localize(datetime.datetime(2024, 1, 1, 9))
SPAN_MINUTES = (datetime.datetime(2026, 11, 30) - datetime.datetime(2024, 1, 1)).days * 24 * 60
YEAR = Period(date(2026, 1, 1), date(2026, 12, 2))
REPEAT = 10
ROUTES = ["mediation", "arbitration", "inspection", "social_insurance"]
OUTCOMES = {"mediation": "mediated", "arbitration": "award", "inspection": "inspection_closed"}


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
    transaction.commit()
    register = get_register()
    workflow_tool = api.portal.get_tool("portal_workflow")
    types = [code for code, _t in registry_terms("dispute_types")]
    channels = [code for code, _t in registry_terms("channels")]
    started = time.perf_counter()
    for n in range(CASES):
        district = rng.choice(districts)
        received = FIRST + datetime.timedelta(minutes=rng.randrange(0, SPAN_MINUTES))
        month = f"{received.year}-{received.month:02d}"
        container = _bin(_bin(register, district, district), month, month)
        workers = rng.choices([1, 2, 3, 12], [80, 10, 6, 4])[0]
        case = createContent(
            "Case",
            channel=rng.choice(channels),
            district=district,
            station=rng.choice(stations[district]),
            received=received,
            applicant_name="王小明",
            applicant_phone="13907221234",
            dispute_types=[rng.choice(types)],
            workers_involved=workers,
            collective_dispute=workers >= 10,
            claim_amount=Decimal(rng.randrange(1000, 90000)),
            facts="……",
        )
        case.id = f"SZ-BENCH-{n:07d}"
        container._setObject(case.id, case, suppress_events=True)
        case = container[case.id]
        age = (datetime.datetime(2026, 12, 2, tzinfo=received.tzinfo) - received).days
        state = (
            "registered"
            if age < 3
            else rng.choices(["routed", "in_progress", "closed", "withdrawn"], [5, 15, 75, 5])[0]
        )
        workflow_tool.setStatusOf(
            WORKFLOW,
            case,
            {"review_state": state, "action": None, "actor": "admin", "time": DateTime(), "comments": ""},
        )
        if state != "registered":
            case.route = rng.choice(ROUTES)
            case.assigned_unit = rng.choice(stations[district])
            stage = {
                "mediation": "mediation",
                "arbitration": "arbitration_award",
                "inspection": "inspection_filing",
            }.get(case.route)
            if state in ("closed", "withdrawn"):
                days = min(rng.randrange(1, 70), max(age - 1, 1))
                case.closed = received + datetime.timedelta(days=days)
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
                if stage:
                    clock = clocks.StageClock(stage, received.date(), 15, False)
                    clock.stopped = case.closed.date()
                    IAnnotations(case)[clocks.ANNOTATION_KEY] = PersistentList([clock])
                if rng.random() < 0.33:
                    code, _title, score = rng.choice(LEVELS)
                    IAnnotations(case)[RATING_KEY] = PersistentMapping(level=code, score=score, comment="")
        case.indexObject()
        if n % 2000 == 1999:
            transaction.commit()
            rate = (n + 1) / (time.perf_counter() - started)
            print(f"  {n + 1} cases ({rate:.0f}/s)", file=sys.stderr)
    transaction.commit()


def figures(districts):
    tables = all_tables(select(YEAR, districts))
    return tables, xlsx_bytes(tables, period_label(YEAR))


def timed(districts):
    began, began_cpu = time.perf_counter(), time.process_time()
    tables, data = figures(districts)
    return (time.perf_counter() - began) * 1000, (time.process_time() - began_cpu) * 1000, tables, data


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
    began = time.perf_counter()
    build(portal, random.Random(20261202))
    print(f"Built {CASES} cases in {time.perf_counter() - began:.0f} s", file=sys.stderr)
    districts = [code for code, _title in registry_terms("districts")]
    catalog = api.portal.get_tool("portal_catalog")
    print(f"{len(catalog.unrestrictedSearchResults(portal_type='Case'))} cases catalogued")
    app._p_jar.db().cacheMinimize()
    app._p_jar.cacheMinimize()
    cold, cold_cpu, tables, data = timed(districts)
    selection = select(YEAR, districts)
    print(
        f"Year 2026, whole city: {len(selection.received)} received, {len(selection.closed)} closed, "
        f"{len(selection.earlier_arbitration)} earlier arbitration cases read; {len(tables)} tables, "
        f"Excel {len(data) // 1024} KiB"
    )
    warm = [timed(districts)[:2] for _n in range(REPEAT)]
    walls = [w for w, _c in warm]
    print()
    print("| run | wall (ms) | CPU (ms) |")
    print("|---|---|---|")
    print(f"| cold (first after emptying the object cache) | {cold:.0f} | {cold_cpu:.0f} |")
    cpus = [c for _w, c in warm]
    print(f"| warm, median of {REPEAT} | {statistics.median(walls):.0f} | {statistics.median(cpus):.0f} |")
    print(f"| warm, slowest of {REPEAT} | {max(walls):.0f} | {max(c for _w, c in warm):.0f} |")
    one = [timed(["zengdu"])[:2] for _n in range(REPEAT)]
    print(
        f"| one district (曾都区), warm median | {statistics.median([w for w, _c in one]):.0f} | "
        f"{statistics.median([c for _w, c in one]):.0f} |"
    )



main(app)  # noqa: F821 - `app` is given by `bin/instance run`
