"""Early-warning rules (warnings/rules.py) on the generated register.

Run through warnings.sh, on a copy of the register benchmarks/dataset.sh builds (N cases over
three years, six districts with five handling units each, 5,000 employers, 50 of them large, a
tenth named without a credit code in one of the variants the rules normalise; a third of the
open cases with a running clock overdue). In one process:

- the rules for one case: ``rules.case_findings`` (collective, employer, amount, risk list,
  surge) and ``rules.overdue`` on 300 stored cases (what a change of one runs) and on 100 new
  cases once they are committed (the rules run after the filing's commit), p50/p95/max in ms;
- filing throughput: ``cases.filing.file_case`` + commit, one filing after the other, in
  blocks of B with every rule switched on and off by turns in the registry, as the administrator
  does (4 blocks each), so both see the same database and machine load; the ratio on/off.
"""

from plone import api
from suizhou.laborrights import background
from suizhou.laborrights.cases.filing import file_case
from suizhou.laborrights.warnings import rules
from suizhou.laborrights.warnings.store import get_store

import benchlib
import random
import sys
import time
import transaction


CASES = int(sys.argv[-2])
BLOCK = int(sys.argv[-1])


def units_of(portal):
    """{district: [the UIDs of its stations]} of the generated register."""
    stations = portal.stations.objectItems()
    return {district: [station.UID() for station in folder.objectValues()] for district, folder in stations}


def rules_for(case):
    rules.case_findings(case)
    rules.overdue(case)


def new_fields(rng, units):
    district = rng.choice(list(units))
    code, name = benchlib.employer(rng)
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


def switch_rules(on):
    """Every rule on or off, as the administrator does in the warnings control panel (all off:
    a case change schedules no step after its commit)."""
    for rule in rules.ALL_RULES:
        api.portal.set_registry_record(f"suizhou.laborrights.warnings.{rule}_enabled", on)
    transaction.commit()


def throughput(rng, units):
    """Filings per second with the rules' subscribers on and off, in alternating blocks."""
    elapsed = {True: 0.0, False: 0.0}
    cpu = {True: 0.0, False: 0.0}
    for _n in range(10):  # warm-up, not counted
        file_case(new_fields(rng, units))
        transaction.commit()
    for block in range(8):
        on = block % 2 == 0
        switch_rules(on)
        began, began_cpu = time.perf_counter(), time.process_time()
        for _n in range(BLOCK):
            file_case(new_fields(rng, units))
            transaction.commit()
        background.drain()  # the warning steps of these filings are part of their cost
        elapsed[on] += time.perf_counter() - began
        cpu[on] += time.process_time() - began_cpu
    switch_rules(True)
    return {on: (4 * BLOCK / elapsed[on], 4 * BLOCK / cpu[on]) for on in (True, False)}


def main(app):
    portal = benchlib.dataset_site(benchlib.as_admin(app))
    rng = random.Random(20261202)
    units = units_of(portal)
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(portal_type="Case")
    print(f"{len(brains)} cases catalogued (the generated register of {CASES})")
    sample = [brain._unrestrictedGetObject() for brain in rng.sample(list(brains), 300)]
    for case in sample[:20]:  # warm the caches the first queries fill
        rules_for(case)
    stored = [benchlib.timed(rules_for, case)[:2] for case in sample]
    print(f"Rules for one stored case (300 cases): {benchlib.summary(stored)}")
    switch_rules(False)  # the rules of these filings are timed below, not run after their commit
    filed = [file_case(new_fields(rng, units)) for _n in range(100)]
    transaction.commit()  # catalogued, as the step after the commit finds them
    switch_rules(True)
    new = [benchlib.timed(rules_for, case)[:2] for case in filed]
    print(f"Rules for one new case (100 filings, committed): {benchlib.summary(new)}")
    rates = throughput(rng, units)
    (on, on_cpu), (off, off_cpu) = rates[True], rates[False]
    print(
        f"Filing throughput ({BLOCK} per block, 4 blocks each): rules on {on:.1f}/s, off {off:.1f}/s, "
        f"ratio {on / off:.2f}; per CPU second: on {on_cpu:.1f}, off {off_cpu:.1f}, ratio {on_cpu / off_cpu:.2f}"
    )
    store = get_store()
    print(f"Warnings raised by the benchmark's filings: {len(store.warnings) if store is not None else 0}")


main(app)  # noqa: F821 - `app` is given by `zconsole run`
