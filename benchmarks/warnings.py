"""Early-warning rules (warnings/rules.py) on a register of many cases.

Run through warnings.sh, on a copy of the generated register (benchmarks/dataset.py: three
years, six districts, 30 handling units, employers as its ``employer()`` says: 50 large ones
with a tenth of the cases, a tenth without a credit code, named in the variants the rules
normalise; about a third of the open cases with a running clock overdue). In one process:

- the rules for one case as the step after a commit runs them (``subscribers.check_case``:
  collective, employer, amount, risk list, surge; ``check_unit``: the overdue rule), findings
  recorded, on 300 stored cases of any date, 300 received in the register's last 60 days (a
  changed case is mostly a recent one) and on 100 new ones (``file_case``, committed first),
  each then committed (not timed), wall and CPU milliseconds. The dataset was written without
  events, so no warning is stored: each unit's overdue warning (hundreds of cases) is raised
  once first, not timed, as a running site has it;
- filing throughput: ``cases.filing.file_case`` + commit, one filing after the other (the
  rules then run after the commit, ``warnings.after_commit``), in blocks of B with the rules'
  subscribers registered and unregistered by turns (on, off, off, on, … 5 blocks each), so
  both see the same database and machine load; the ratio on/off.

New filings are against the employers of 2,000 stored cases picked at random (the register's
own mix of employers), of any dispute type, 8 in 10 with an amount (as the dataset's), received
now (after the register's last day, so the last 30 days of the large employers are a cluster).
"""

from benchlib import summary
from benchlib import table
from benchlib import timed
from datetime import timedelta
from decimal import Decimal
from plone import api
from suizhou.laborrights.cases.filing import file_case
from suizhou.laborrights.cases.register import now
from suizhou.laborrights.content.case import ICase
from suizhou.laborrights.handling import events
from suizhou.laborrights.vocabularies import registry_terms
from suizhou.laborrights.warnings import subscribers
from suizhou.laborrights.warnings.store import get_store
from zope.component import getGlobalSiteManager
from zope.lifecycleevent.interfaces import IObjectAddedEvent
from zope.lifecycleevent.interfaces import IObjectModifiedEvent

import benchlib
import random
import sys
import time
import transaction


BLOCK = int(sys.argv[-1])
BLOCKS = 5  # of each kind
WARM_UP = 100  # filings with the rules on before the blocks
DISPUTE_TYPES = []  # the registry's, as the dataset's cases have them
SUBSCRIBERS = (
    (subscribers.case_changed, (ICase, IObjectAddedEvent)),
    (subscribers.case_changed, (ICase, IObjectModifiedEvent)),
    (subscribers.case_changed, (ICase, events.ICaseHandlingEvent)),
    (subscribers.unit_changed, (ICase, events.ICaseRouted)),
    (subscribers.unit_changed, (ICase, events.ICaseOverdue)),
)


def rules_for(case):
    subscribers.check_case(case)
    subscribers.check_unit(case)


def stored_cases(brains):
    """The rules' (wall, CPU) times on these cases, each committed after (not timed); the first
    20 only warm the caches."""
    samples = []
    for brain in brains:
        sample = timed(rules_for, brain._unrestrictedGetObject())[:2]
        transaction.commit()
        samples.append(sample)
    return samples[20:]


def settle(catalog):
    """Each unit's overdue warning, raised once (a unit's first warning wakes its overdue cases)."""
    for unit in catalog.uniqueValuesFor("assigned_unit"):
        for brain in catalog.unrestrictedSearchResults(portal_type="Case", assigned_unit=unit, sort_limit=1)[:1]:
            subscribers.check_unit(brain._unrestrictedGetObject())
    transaction.commit()


def new_fields(rng, districts, employers):
    code, name = rng.choice(employers)
    dispute_type = rng.choice(DISPUTE_TYPES)
    return {
        "channel": "window",
        "district": rng.choice(districts),
        "applicant_name": "王小明",
        "applicant_phone": "13907221234",
        "employer_name": name,
        "employer_credit_code": code,
        "dispute_types": [dispute_type],
        "workers_involved": 1,
        "facts": "2026年8月至10月工资未发放。",
        **({"claim_amount": Decimal(rng.randrange(500, 200000))} if rng.random() < 0.8 else {}),
    }


def subscribe(on):
    """Register (on) or unregister the rules' subscribers."""
    registry = getGlobalSiteManager()
    for handler, required in SUBSCRIBERS:
        if on:
            registry.registerHandler(handler, required)
        else:
            registry.unregisterHandler(handler, required)


def throughput(new):
    """(filings per second, per CPU second, blocks' rates) with the rules' subscribers on and
    off, in blocks of BLOCK: on, off, off, on, on, off, … (each kind as often first)."""
    elapsed, cpu, rates = {True: 0.0, False: 0.0}, {True: 0.0, False: 0.0}, {True: [], False: []}
    for _n in range(WARM_UP):  # not counted; the rules' own connection fills its cache
        file_case(new())
        transaction.commit()
    on = True  # the subscribers are registered at start-up
    for block in range(2 * BLOCKS):
        want = block % 4 in (0, 3)
        if want != on:
            subscribe(want)
            on = want
        began, began_cpu = time.perf_counter(), time.process_time()
        for _n in range(BLOCK):
            file_case(new())
            transaction.commit()
        seconds = time.perf_counter() - began
        elapsed[on] += seconds
        cpu[on] += time.process_time() - began_cpu
        rates[on].append(BLOCK / seconds)
    if not on:
        subscribe(True)
    return {on: (BLOCKS * BLOCK / elapsed[on], BLOCKS * BLOCK / cpu[on], rates[on]) for on in (True, False)}


def main(app):
    benchlib.dataset_site(benchlib.as_admin(app))
    rng = random.Random(20261203)
    DISPUTE_TYPES.extend(code for code, _title in registry_terms("dispute_types"))
    catalog = api.portal.get_tool("portal_catalog")
    brains = list(catalog.unrestrictedSearchResults(portal_type="Case"))
    print(f"{len(brains)} cases catalogued")
    districts = sorted({brain.district for brain in brains[:1000]})
    employers = [
        (case.employer_credit_code, case.employer_name)
        for case in (brain._unrestrictedGetObject() for brain in rng.sample(brains, 2000))
    ]
    recent = catalog.unrestrictedSearchResults(
        portal_type="Case", received={"query": now() - timedelta(days=60), "range": "min"}
    )
    wall, _cpu, _result = timed(settle, catalog)
    print(f"The units' overdue warnings raised first (not timed below): {wall / 1000:.1f} s")
    stored = {kind: stored_cases(rng.sample(found, 320)) for kind, found in (("any", brains), ("recent", list(recent)))}
    new = []
    subscribe(False)  # the rules timed here, not after the commit too
    for _n in range(100):
        case = file_case(new_fields(rng, districts, employers))
        transaction.commit()
        new.append(timed(rules_for, case)[:2])
        transaction.commit()
    subscribe(True)
    print()
    table(
        ("rules for one case", "time"),
        (
            ("stored, any (300 cases of the three years)", summary(stored["any"])),
            ("stored, received in the last 60 days (300 cases)", summary(stored["recent"])),
            ("new (100 filings, after their commit)", summary(new)),
        ),
    )
    rates = throughput(lambda: new_fields(rng, districts, employers))
    (on, on_cpu, on_blocks), (off, off_cpu, off_blocks) = rates[True], rates[False]
    print()
    print(f"Filing throughput ({BLOCK} per block, {BLOCKS} blocks each, alternating):")
    table(
        ("rules", "filings/s", "per CPU second", "blocks (filings/s)"),
        (
            ("on", f"{on:.1f}", f"{on_cpu:.1f}", " ".join(f"{rate:.1f}" for rate in on_blocks)),
            ("off", f"{off:.1f}", f"{off_cpu:.1f}", " ".join(f"{rate:.1f}" for rate in off_blocks)),
        ),
    )
    print(f"Ratio on/off: {on / off:.2f} (per CPU second {on_cpu / off_cpu:.2f})")
    store = get_store()
    print(f"Warnings in the store after the run: {len(store.warnings) if store is not None else 0}")


main(app)  # noqa: F821 - `app` is given by `zconsole run`
