"""Background statistics exports (statistics/export_jobs.py) on a large register.

Run through statistics_export.sh on a copy of the generated register (benchmarks/dataset.py:
received over 2024-01-01 .. 2026-11-30, six districts). Measured, wall / CPU milliseconds:

1. On the request thread of a big export: the size check (``is_big`` counts the cases received
   in the catalog, no record read: ``received_count`` timed) and recording the job with its commit (``request``);
   median of 10 warm runs.
2. The worker's build of the whole city's workbook over three years and over one year
   (``build``: the selection, every table, the Excel file, the blob stored and committed):
   cold (after emptying the ZODB object cache) and warm (the next run).
3. For comparison, what a small export still builds on the request thread: one district's year
   (``workbook``), median of 10 warm runs.
"""

from datetime import date
from suizhou.laborrights.statistics import export_jobs
from suizhou.laborrights.statistics.selection import Period
from suizhou.laborrights.vocabularies import registry_terms
from zope.component.hooks import setSite

import benchlib
import statistics
import sys
import transaction


THREE_YEARS = Period(date(2024, 1, 1), date(2026, 12, 2))
YEAR = Period(date(2026, 1, 1), date(2026, 12, 2))
REPEAT = 10


def median(samples):
    return statistics.median(s[0] for s in samples), statistics.median(s[1] for s in samples)


def cold(app):
    transaction.abort()
    app._p_jar.db().cacheMinimize()
    app._p_jar.cacheMinimize()


def recorded(period, districts):
    job = export_jobs.request(period, districts, start_worker=False)
    transaction.commit()
    return job["id"]


def built(portal, job_id):
    state = export_jobs.build(portal, job_id)
    assert state == "done", state
    return export_jobs.find(job_id, portal)["file"].getSize()


def main(app):
    app = benchlib.as_admin(app)
    portal = benchlib.dataset_site(app)
    setSite(portal)
    city = [code for code, _title in registry_terms("districts")]
    print(f"{export_jobs.received_count(THREE_YEARS, city)} cases received 2024-01-01..2026-12-02", file=sys.stderr)
    rows = []
    for label, period in (("three years", THREE_YEARS), ("2026", YEAR)):
        checks = [benchlib.timed(export_jobs.received_count, period, city)[:2] for _n in range(REPEAT)]
        rows.append((f"request thread: count received, whole city, {label} (median of {REPEAT})", median(checks)))
    jobs = [benchlib.timed(recorded, THREE_YEARS, city) for _n in range(REPEAT)]
    rows.append((f"request thread: record the job and commit (median of {REPEAT})", median([j[:2] for j in jobs])))
    for label, period in (("three years", THREE_YEARS), ("2026", YEAR)):
        first, second = recorded(period, city), recorded(period, city)
        cold(app)
        wall, cpu, size = benchlib.timed(built, portal, first)
        rows.append((f"worker: whole city, {label}, cold ({size // 1024} KiB)", (wall, cpu)))
        wall, cpu, _size = benchlib.timed(built, portal, second)
        rows.append((f"worker: whole city, {label}, warm", (wall, cpu)))
    small = [benchlib.timed(export_jobs.workbook, YEAR, ["zengdu"])[:2] for _n in range(REPEAT)]
    rows.append((f"direct export: one district (曾都区), 2026, warm (median of {REPEAT})", median(small)))
    transaction.abort()
    print()
    benchlib.table(["run", "wall / CPU (ms)"])
    for label, (wall, cpu) in rows:
        print(f"| {label} | {wall:,.1f} / {cpu:,.1f} |")


main(app)  # noqa: F821 - `app` is given by `zconsole run`
