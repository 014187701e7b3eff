"""Early-warning rules (warnings/rules.py) on a register of many cases.

Run through warnings.sh. It builds a fresh site with N cases (default 100,000) over three years,
the six districts and 30 handling units, against 5,000 employers (50 of them large; a tenth of them without a
credit code, named in one of the variants the rules normalise), about a third of the open
ones with a running clock overdue; written straight into the register (no events), as
worklists.py does, with what the catalog would hold.

Then, in the same process:

- the rules for one case: ``rules.case_findings`` (collective, employer, amount, risk list,
  surge) and ``rules.overdue`` on 300 stored cases and on new cases, p50/p95/max in ms;
- filing throughput: ``cases.filing.file_case`` + commit, one filing after the other, in
  blocks of B with the rules' subscribers registered and unregistered by turns (4 blocks
  each), so both see the same database and machine load; the ratio on/off.
"""

from persistent.list import PersistentList
from plone import api
from plone.dexterity.utils import createContent
from stdnum.cn import uscc
from suizhou.laborrights.cases.filing import file_case
from suizhou.laborrights.cases.register import _bin
from suizhou.laborrights.cases.register import get_register
from suizhou.laborrights.cases.register import now
from suizhou.laborrights.content.case import ICase
from suizhou.laborrights.handling import clocks
from suizhou.laborrights.handling import events
from suizhou.laborrights.handling import periods
from suizhou.laborrights.vocabularies import registry_terms
from suizhou.laborrights.warnings import rules
from suizhou.laborrights.warnings import subscribers
from suizhou.laborrights.warnings.store import get_store
from zope.annotation.interfaces import IAnnotations
from zope.component import getGlobalSiteManager
from zope.lifecycleevent.interfaces import IObjectAddedEvent
from zope.lifecycleevent.interfaces import IObjectModifiedEvent

import benchlib
import datetime
import random
import statistics
import sys
import time
import transaction


CASES = int(sys.argv[-2])
BLOCK = int(sys.argv[-1])
EMPLOYERS = 5000
BIG_EMPLOYERS = 50
SUFFIXES = ("有限公司", "有限责任公司", " 有限公司", "有限公司曾都分公司")
SUBSCRIBERS = (
    (subscribers.case_changed, (ICase, IObjectAddedEvent)),
    (subscribers.case_changed, (ICase, IObjectModifiedEvent)),
    (subscribers.case_changed, (ICase, events.ICaseHandlingEvent)),
    (subscribers.unit_changed, (ICase, events.ICaseRouted)),
    (subscribers.unit_changed, (ICase, events.ICaseOverdue)),
)


def credit_code(n):
    first17 = f"91421300MA4{n:06d}"
    return first17 + uscc.calc_check_digit(first17)


def employer(rng):
    """(credit code or None, name): a tenth of the cases against 50 large employers (about 6
    cases a month each at 100,000 cases), the rest spread over all of them."""
    n = rng.randrange(BIG_EMPLOYERS) if rng.random() < 0.1 else rng.randrange(EMPLOYERS)
    coded = n % 10 != 0
    return (credit_code(n) if coded else None), f"随州市第{n}号企业{rng.choice(SUFFIXES)}"


def build(portal, rng):
    districts = [code for code, _title in registry_terms("districts")]
    made = benchlib.stations(portal, districts)
    units = {district: [station.UID() for station in found] for district, found in made.items()}
    transaction.commit()
    register = get_register()
    types = [code for code, _t in registry_terms("dispute_types")]
    today = periods.today()
    start = now() - datetime.timedelta(days=3 * 365)
    began = time.perf_counter()
    for n in range(CASES):
        district = rng.choice(districts)
        received = start + datetime.timedelta(minutes=rng.randrange(0, 3 * 365 * 24 * 60))
        month = f"{received.year}-{received.month:02d}"
        container = _bin(_bin(register, district, district), month, month)
        code, name = employer(rng)
        case = createContent(
            "Case",
            channel="window",
            district=district,
            received=received,
            applicant_name="王小明",
            applicant_phone="13907221234",
            employer_name=name,
            employer_credit_code=code,
            dispute_types=[rng.choice(types)],
            workers_involved=rng.choice((1, 1, 1, 1, 2, 3)),
            facts="……",
        )
        case.id = f"SZ-BENCH-{n:07d}"
        container._setObject(case.id, case, suppress_events=True)
        case = container[case.id]
        if rng.random() < 0.5:
            case.assigned_unit = rng.choice(units[district])
            case.route = "mediation"
            if rng.random() < 0.3:
                clock = clocks.StageClock("mediation", today - datetime.timedelta(days=rng.randrange(0, 60)), 15, False)
                clock.refresh()
                IAnnotations(case)[clocks.ANNOTATION_KEY] = PersistentList([clock])
        case.indexObject()
        if n % 2000 == 1999:
            transaction.commit()
            print(f"  {n + 1} cases ({(n + 1) / (time.perf_counter() - began):.0f}/s)", file=sys.stderr)
    transaction.commit()
    return units


def timed(function, *args):
    """(wall, CPU) milliseconds of one call."""
    began, began_cpu = time.perf_counter(), time.process_time()
    function(*args)
    return (time.perf_counter() - began) * 1000, (time.process_time() - began_cpu) * 1000


def rules_for(case):
    rules.case_findings(case)
    rules.overdue(case)


def summary(samples):
    walls = sorted(wall for wall, _cpu in samples)
    cpus = sorted(cpu for _wall, cpu in samples)
    return (
        f"p50 {statistics.median(walls):.1f} ms, p95 {statistics.quantiles(walls, n=20)[-1]:.1f} ms, "
        f"max {walls[-1]:.1f} ms (CPU p50 {statistics.median(cpus):.1f} ms, "
        f"p95 {statistics.quantiles(cpus, n=20)[-1]:.1f} ms)"
    )


def new_fields(rng, units):
    district = rng.choice(list(units))
    code, name = employer(rng)
    return {
        "channel": "window",
        "district": district,
        "applicant_name": "王小明",
        "applicant_phone": "13907221234",
        "employer_name": name,
        "employer_credit_code": code,
        "dispute_types": ["wage_arrears"],
        "workers_involved": 1,
        "facts": "2026年8月至10月工资未发放。",
    }


def subscribe(on):
    """Register (on) or unregister the rules' subscribers."""
    registry = getGlobalSiteManager()
    for handler, required in SUBSCRIBERS:
        if on:
            registry.registerHandler(handler, required)
        else:
            registry.unregisterHandler(handler, required)


def throughput(rng, units):
    """Filings per second with the rules' subscribers on and off, in alternating blocks."""
    elapsed = {True: 0.0, False: 0.0}
    cpu = {True: 0.0, False: 0.0}
    for _n in range(10):  # warm-up, not counted
        file_case(new_fields(rng, units))
        transaction.commit()
    for block in range(8):
        on = block % 2 == 0  # the subscribers are registered at start-up: on first
        if block:
            subscribe(on)
        began, began_cpu = time.perf_counter(), time.process_time()
        for _n in range(BLOCK):
            file_case(new_fields(rng, units))
            transaction.commit()
        elapsed[on] += time.perf_counter() - began
        cpu[on] += time.process_time() - began_cpu
    subscribe(True)
    return {on: (4 * BLOCK / elapsed[on], 4 * BLOCK / cpu[on]) for on in (True, False)}


def main(app):
    app = benchlib.as_admin(app)
    portal = benchlib.new_site(app)
    rng = random.Random(20261202)
    began = time.perf_counter()
    units = build(portal, rng)
    print(f"Built {CASES} cases in {time.perf_counter() - began:.0f} s", file=sys.stderr)
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(portal_type="Case")
    print(f"{len(brains)} cases catalogued")
    sample = [brain._unrestrictedGetObject() for brain in rng.sample(list(brains), 300)]
    for case in sample[:20]:  # warm the caches the first queries fill
        rules_for(case)
    stored = [timed(rules_for, case) for case in sample]
    print(f"Rules for one stored case (300 cases): {summary(stored)}")
    new = []
    for _n in range(100):
        case = file_case(new_fields(rng, units))
        new.append(timed(rules_for, case))
        transaction.abort()
    print(f"Rules for one new case (100 filings, not committed): {summary(new)}")
    rates = throughput(rng, units)
    (on, on_cpu), (off, off_cpu) = rates[True], rates[False]
    print(
        f"Filing throughput ({BLOCK} per block, 4 blocks each): rules on {on:.1f}/s, off {off:.1f}/s, "
        f"ratio {on / off:.2f}; per CPU second: on {on_cpu:.1f}, off {off_cpu:.1f}, ratio {on_cpu / off_cpu:.2f}"
    )
    store = get_store()
    print(f"Warnings raised by the benchmark's filings: {len(store.warnings) if store is not None else 0}")


main(app)  # noqa: F821 - `app` is given by `bin/instance run`
