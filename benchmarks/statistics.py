"""The statistics of a large register: how long the whole city's figures for one year take.

Run through statistics.sh, on a copy of the generated register of N cases (default 100,000;
benchmarks/dataset.py): received over three years (2024-01-01 to 2026-11-30) in the six
districts and 30 units, in every state; the ended ones with their closure time, outcome,
closing figures, a stopped statutory clock and for a third of them a rating, so every figure
has data; the catalog holds what a case puts there (indexes and the ``statistics_record``
metadata).

Then it times what ``@@statistics`` and ``@@statistics.xlsx`` compute for the city
administrator, for the year 2026 (2026-01-01 to 2026-12-02): the three catalog queries, the
records read from metadata, every table (``tables.all_tables``), and the Excel file. "Cold":
the first run after emptying the ZODB object cache (the catalog's B-trees and metadata
buckets are loaded from the storage; the operating system's file cache stays warm). "Warm":
the median and the slowest of the next 10 runs. The page's HTML rendering is not included.
"""

from datetime import date
from plone import api
from suizhou.laborrights.statistics.excel import xlsx_bytes
from suizhou.laborrights.statistics.selection import Period
from suizhou.laborrights.statistics.selection import select
from suizhou.laborrights.statistics.tables import all_tables
from suizhou.laborrights.statistics.tables import period_label
from suizhou.laborrights.vocabularies import registry_terms

import benchlib
import statistics


YEAR = Period(date(2026, 1, 1), date(2026, 12, 2))
REPEAT = 10


def figures(districts):
    tables = all_tables(select(YEAR, districts))
    return tables, xlsx_bytes(tables, period_label(YEAR))


def timed(districts):
    wall, cpu, (tables, data) = benchlib.timed(figures, districts)
    return wall, cpu, tables, data


def main(app):
    app = benchlib.as_admin(app)
    benchlib.dataset_site(app)
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
    benchlib.table(("run", "wall (ms)", "CPU (ms)"))
    print(f"| cold (first after emptying the object cache) | {cold:.0f} | {cold_cpu:.0f} |")
    cpus = [c for _w, c in warm]
    print(f"| warm, median of {REPEAT} | {statistics.median(walls):.0f} | {statistics.median(cpus):.0f} |")
    print(f"| warm, slowest of {REPEAT} | {max(walls):.0f} | {max(c for _w, c in warm):.0f} |")
    one = [timed(["zengdu"])[:2] for _n in range(REPEAT)]
    print(
        f"| one district (曾都区), warm median | {statistics.median([w for w, _c in one]):.0f} | "
        f"{statistics.median([c for _w, c in one]):.0f} |"
    )


main(app)  # noqa: F821 - `app` is given by `zconsole run`
