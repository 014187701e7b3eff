"""Worklist queries on a register of many cases: how long the staff's worklists take.

Run through worklists.sh, on a copy of the generated register of N cases (default 100,000;
benchmarks/dataset.py: six districts, 30 handling units, 60 handlers, every state, three
years, about a third of the open cases with a running clock overdue). It times, for a
district clerk, a handler, a unit's staff member, a district supervisor and the city
administrator, what the worklist page computes (``handling/worklists.py``): the five tab
counts plus one page of 50 rows read from catalog metadata (applicant, employer, amount,
days waiting, due date, handler …) — as that user, so with the catalog's security filter —
in the default order (oldest received first) and, for the two widest users, sorted by
applicant (pinyin) and by amount. The page's HTML rendering (main_template) is not included.
"""

from benchlib import p95
from benchlib import table
from benchlib import timed
from plone import api
from suizhou.laborrights.handling.worklists import TABS
from suizhou.laborrights.handling.worklists import WorklistView

import benchlib
import statistics


REPEAT = 30


def page(view):
    """What the worklist page computes: the tab counts and one page of rows."""
    view.update()
    return view.tabs(), view.rows(view.results())


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
                wall_ms, cpu_ms, (counts, rows) = timed(page, view)
                samples.append((wall_ms, cpu_ms))
            timings[tab] = (samples[0], samples[1:], {t["id"]: t["count"] for t in counts}, view.sort)
    return timings


def main(app):
    portal = benchlib.dataset_site(benchlib.as_admin(app))
    catalog = api.portal.get_tool("portal_catalog")
    print(f"{len(catalog.unrestrictedSearchResults(portal_type='Case'))} cases catalogued")
    print()
    table(("user", "tab", "sorted by", "cases in tab", "first (ms)", "p50 (ms)", "p95 (ms)", "p95 CPU (ms)"))
    wall, cpu = [], []
    runs = [(username, None) for username in ("clerk_zengdu", "zengdu_h3", "zengdu_h0", "admin_zengdu", "city_admin")]
    # sorted by a column: by the applicant's name (pinyin) and by amount, over the widest lists
    runs += [(username, sort) for username in ("admin_zengdu", "city_admin") for sort in ("applicant", "amount")]
    for username, sort in runs:
        for tab, (first, samples, counts, sorted_by) in measure(portal, username, sort).items():
            walls, cpus = [w for w, _c in samples], [c for _w, c in samples]
            wall.extend(walls)
            cpu.extend(cpus)
            print(
                f"| {username} | {tab} | {sorted_by} | {counts[tab]} | {first[0]:.1f} "
                f"| {statistics.median(walls):.1f} | {p95(walls):.1f} | {p95(cpus):.1f} |"
            )
    print()
    print(
        f"All worklist pages: p50 {statistics.median(wall):.1f} ms, p95 {p95(wall):.1f} ms "
        f"(CPU time p95 {p95(cpu):.1f} ms)"
    )


main(app)  # noqa: F821 - `app` is given by `zconsole run`
