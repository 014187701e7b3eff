"""The statistics of a large register: how long the whole city's figures for one year take, the
old way (records read from the ``statistics_record`` catalog metadata column) and the new way
(the statistics' own store, statistics/store.py), side by side in one run.

Run through statistics.sh, on a copy of the generated register of N cases (default 100,000;
benchmarks/dataset.py): received over three years (2024-01-01 to 2026-11-30) in the six
districts and 30 units, in every state; the ended ones with their closure time, outcome,
closing figures, a stopped statutory clock and for a third of them a rating, so every figure
has data.

1. The old way, on the copy as the dataset was built (before the upgrade step 1030): the three
   catalog queries and the records read from metadata through the brains (the code that
   selection.py had until 1030, kept here), then every table and the Excel file. Only when the
   dataset still has the column (a dataset built before 1030 does).
2. The pending upgrade steps (1030 fills the store from every case and drops the column), timed.
3. The new way: ``selection.select`` on the store, every table, the Excel file.

For each: "cold", the first run after emptying the ZODB object cache (B-trees and records
loaded from the storage; the operating system's file cache stays warm); "warm", the median and
the slowest of the next 10 runs; and where the time goes in a warm run (median of 10): the
selection (reading the records), the tables (every figure), the Excel file. The page's HTML
rendering is not included. ``STATISTICS_PROFILE=1``: a cProfile of one warm run of each way.
"""

from dataclasses import dataclass
from datetime import date
from plone import api
from suizhou.laborrights.statistics import selection as selection_module
from suizhou.laborrights.statistics.excel import xlsx_bytes
from suizhou.laborrights.statistics.records import Record
from suizhou.laborrights.statistics.selection import Period
from suizhou.laborrights.statistics.selection import Selection
from suizhou.laborrights.statistics.tables import all_tables
from suizhou.laborrights.statistics.tables import period_label
from suizhou.laborrights.timezone import beijing
from suizhou.laborrights.vocabularies import registry_terms
from zope.component.hooks import setSite

import benchlib
import cProfile
import os
import pstats
import statistics
import sys
import time
import transaction


YEAR = Period(date(2026, 1, 1), date(2026, 12, 2))
REPEAT = 10


def old_select(period, districts, station="", unit=""):
    """selection.select as it was until profile version 1030: catalog queries, records from the
    ``statistics_record`` metadata column through the brains (a record of then lacks the level
    of resolution: None)."""
    catalog = api.portal.get_tool("portal_catalog")
    base = {"portal_type": "Case", "district": list(districts)}
    chosen = Selection(period=period, districts=list(districts), station=station, unit=unit)

    def record(values):
        return Record._make(tuple(values) + (None,) * (len(Record._fields) - len(values)))

    def records(brains):
        return [record(brain.statistics_record) for brain in brains if brain.statistics_record]

    received = records(catalog.unrestrictedSearchResults(received=period.query(), **base))
    closed = records(catalog.unrestrictedSearchResults(closed=period.query(), **base))
    before = {"query": beijing(period.start), "range": "max"}
    earlier = records(catalog.unrestrictedSearchResults(received=before, route="arbitration", **base))
    chosen.received = received
    chosen.closed = [r for r in closed if period.contains(r.closed)]
    chosen.earlier_arbitration = earlier
    return chosen


@dataclass
class Way:
    name: str
    select: object


def run(way, districts):
    """(wall, CPU) of the whole run, and (wall, CPU) of its parts: selection, tables, Excel."""
    parts = []
    wall, cpu, chosen = benchlib.timed(way.select, YEAR, districts)
    parts.append((wall, cpu))
    wall, cpu, tables = benchlib.timed(all_tables, chosen)
    parts.append((wall, cpu))
    wall, cpu, data = benchlib.timed(xlsx_bytes, tables, period_label(YEAR))
    parts.append((wall, cpu))
    total = (sum(w for w, _c in parts), sum(c for _w, c in parts))
    return total, parts, chosen, tables, data


def cold(app):
    app._p_jar.db().cacheMinimize()
    app._p_jar.cacheMinimize()


def measure(app, way, districts):
    cold(app)
    first, first_parts, chosen, tables, data = run(way, districts)
    print(
        f"{way.name}: year 2026, whole city: {len(chosen.received)} received, {len(chosen.closed)} closed, "
        f"{len(chosen.arbitration_pending)} pending arbitration cases at the start; {len(tables)} tables, "
        f"Excel {len(data) // 1024} KiB",
        file=sys.stderr,
    )
    warm = [run(way, districts)[:2] for _n in range(REPEAT)]
    one = [run(way, ["zengdu"])[0] for _n in range(REPEAT)]
    if os.environ.get("STATISTICS_PROFILE"):
        profile = cProfile.Profile()
        profile.runcall(run, way, districts)
        print(f"\ncProfile, {way.name}, one warm run (top 15 by cumulative time):", file=sys.stderr)
        pstats.Stats(profile, stream=sys.stderr).sort_stats("cumulative").print_stats(15)
    return {"cold": first, "cold_parts": first_parts, "warm": warm, "one": one, "tables": tables}


def median(samples, index):
    return statistics.median(sample[index] for sample in samples)


def fmt(pair):
    return f"{pair[0]:,.0f} / {pair[1]:,.0f}"


def report(results):
    names = list(results)
    benchlib.table(["run: wall / CPU (ms)"] + names)
    rows = [("cold (first after emptying the object cache)", lambda r: r["cold"])]
    rows.append(
        (
            f"warm, median of {REPEAT}",
            lambda r: (median([w[0] for w in r["warm"]], 0), median([w[0] for w in r["warm"]], 1)),
        )
    )
    rows.append((f"warm, slowest of {REPEAT}", lambda r: max((w[0] for w in r["warm"]), key=lambda p: p[0])))
    for index, part in enumerate(("selection (reading the records)", "tables (every figure)", "Excel file")):
        rows.append((f"— cold: {part}", lambda r, i=index: r["cold_parts"][i]))
        rows.append(
            (
                f"— warm median: {part}",
                lambda r, i=index: (median([w[1][i] for w in r["warm"]], 0), median([w[1][i] for w in r["warm"]], 1)),
            )
        )
    rows.append(("one district (曾都区), warm median", lambda r: (median(r["one"], 0), median(r["one"], 1))))
    for label, value in rows:
        print("| " + " | ".join([label] + [fmt(value(results[name])) for name in names]) + " |")


def differing_tables(old_tables, new_tables):
    """The ids of the tables whose rows differ between the two ways (rows compared as a set: a
    count table orders equal counts as the records came). The level table is new: the old
    records have no level."""
    old = {t.id: sorted(map(str, t.rows)) for t in old_tables if t.id != "resolution_levels"}
    new = {t.id: sorted(map(str, t.rows)) for t in new_tables if t.id in old}
    return [table_id for table_id in old if old[table_id] != new.get(table_id)]


def main(app):
    app = benchlib.as_admin(app)
    portal = app["Plone"]
    setSite(portal)
    districts = [code for code, _title in registry_terms("districts")]
    catalog = api.portal.get_tool("portal_catalog")
    print(f"{len(catalog.unrestrictedSearchResults(portal_type='Case'))} cases catalogued", file=sys.stderr)
    results = {}
    if "statistics_record" in catalog.schema():
        results["metadata column (until 1030)"] = measure(app, Way("old", old_select), districts)
        transaction.abort()
    began = time.perf_counter()
    benchlib.dataset_site(app)
    print(f"Upgrade steps (1030 fills the store) done in {time.perf_counter() - began:.0f} s", file=sys.stderr)
    results["own store (1030)"] = measure(app, Way("new", selection_module.select), districts)
    print()
    report(results)
    if len(results) == 2:
        old, new = (r["tables"] for r in results.values())
        differing = differing_tables(old, new)
        print(f"\nSame figures both ways: {'yes' if not differing else 'NO: ' + ', '.join(differing)}")


main(app)  # noqa: F821 - `app` is given by `zconsole run`
