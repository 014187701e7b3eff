"""What the benchmark scripts share: a new site or the generated register (``dataset.sh``),
its stations and employers, timing, percentiles and Markdown tables.

The scripts run under ``zconsole run`` with ``PYTHONPATH=benchmarks/shared`` (not benchmarks/:
its statistics.py and warnings.py would hide the standard library's) and ``import benchlib``.
"""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.users import UnrestrictedUser
from plone import api
from Products.CMFPlone.factory import addPloneSite
from stdnum.cn import ric
from stdnum.cn import uscc
from Testing.makerequest import makerequest
from zope.component.hooks import setSite
from zope.globalrequest import setRequest

import os
import statistics
import sys
import time
import transaction


ADMIN = UnrestrictedUser("admin", "", ["Manager"], [])
PROFILE = "suizhou.laborrights:default"
EMPLOYER_WORDS = ("恒驰", "大洪山", "编钟", "神农", "曾都", "广水", "随县", "炎帝", "汉东", "白云", "银杏", "香菇")
EMPLOYERS, BIG_EMPLOYERS = 5000, 50
# The same employer is written in the variants the warning rules normalise (warnings/employers.py).
EMPLOYER_SUFFIXES = ("有限公司", "有限责任公司", " 有限公司", "有限公司曾都分公司")


def as_admin(app):
    """The application wrapped in a request, with a Manager as the current user."""
    app = makerequest(app)
    setRequest(app.REQUEST)
    newSecurityManager(None, ADMIN.__of__(app.acl_users))
    return app


def new_site(app, site_id="Plone"):
    """A new Plone site with the add-on (no demo content), committed and set as the site."""
    addPloneSite(
        app,
        site_id,
        setup_content=False,
        default_language="zh-cn",
        portal_timezone="Asia/Shanghai",
        extension_ids=["plone.app.contenttypes:default", PROFILE],
    )
    portal = app[site_id]
    setSite(portal)
    transaction.commit()
    return portal


def stations(portal, districts, per_district=5):
    """``per_district`` stations in each district (the first its center): {district: [station, …]}."""
    made = {}
    for district in districts:
        for n in range(per_district):
            made.setdefault(district, []).append(
                api.content.create(
                    container=portal.stations[district],
                    type="ServiceStation",
                    id=f"{district}-{n}",
                    title=f"{district} station {n}",
                    level="center" if n == 0 else "station",
                    district=district,
                    address="随州市",
                )
            )
    return made


def id_number(n):
    """A valid resident ID number (GB 11643) of someone born on 1 January 1990 in 随州市, n < 1000."""
    first17 = f"42130019900101{n:03d}"
    return first17 + ric.calc_check_digit(first17 + "0")  # stdnum drops the last character


def credit_code(n):
    first17 = f"91421300MA4{n:06d}"
    return first17 + uscc.calc_check_digit(first17)


def employer(rng):
    """(credit code or None, name): a tenth of the cases against 50 large employers (about 6
    cases a month each at 100,000 cases), the rest spread over 5,000; a tenth of the employers
    have no credit code on their cases (the rules then go by the normalised name)."""
    n = rng.randrange(BIG_EMPLOYERS) if rng.random() < 0.1 else rng.randrange(EMPLOYERS)
    words = f"{EMPLOYER_WORDS[n % 12]}{EMPLOYER_WORDS[n // 12 % 12]}"
    return (credit_code(n) if n % 10 else None), f"随州市{words}第{n}号企业{rng.choice(EMPLOYER_SUFFIXES)}"


def dataset_site(app, site_id="Plone"):
    """The generated register's site (a copy made by ``dataset.sh``), brought to the current
    code: the add-on's upgrade steps newer than the dataset are run and committed (on the copy)."""
    portal = app[site_id]
    setSite(portal)
    setup = api.portal.get_tool("portal_setup")
    before = setup.getLastVersionForProfile(PROFILE)
    pending = setup.listUpgrades(PROFILE)
    if pending and os.environ.get("BENCH_SKIP_UPGRADES"):
        # Only for a measurement the pending steps do not concern: the output says so.
        steps = "; ".join(f"{step['sdest']} {step['title']}" for step in _flat(pending))
        print(f"NOT UPGRADED (BENCH_SKIP_UPGRADES): dataset at profile version {'.'.join(before)}, "
              f"pending: {steps}")
    elif pending:
        began = time.perf_counter()
        setup.upgradeProfile(PROFILE)
        transaction.commit()
        after = setup.getLastVersionForProfile(PROFILE)
        print(
            f"Dataset upgraded from profile version {'.'.join(before)} to {'.'.join(after)} "
            f"in {time.perf_counter() - began:.0f} s",
            file=sys.stderr,
        )
    return portal


def _flat(steps):
    """listUpgrades' answer as one list (nested lists are steps that run together)."""
    for step in steps:
        yield from (_flat(step) if isinstance(step, list) else (step,))


def timed(function, *args, **kwargs):
    """(wall milliseconds, CPU milliseconds, result) of one call."""
    began, began_cpu = time.perf_counter(), time.process_time()
    result = function(*args, **kwargs)
    return (time.perf_counter() - began) * 1000, (time.process_time() - began_cpu) * 1000, result


def p95(samples):
    """The 95th percentile, interpolated (``statistics.quantiles``; needs two samples)."""
    return statistics.quantiles(samples, n=20)[-1]


def ranked(samples, *fractions):
    """The samples at these fractions of the sorted list (nearest rank, no interpolation)."""
    ordered = sorted(samples)
    return tuple(ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] for fraction in fractions)


def summary(samples):
    """'p50 …, p95 …, max … (CPU p50 …, p95 …)' of (wall, CPU) millisecond pairs."""
    walls = [wall for wall, _cpu in samples]
    cpus = [cpu for _wall, cpu in samples]
    return (
        f"p50 {statistics.median(walls):.1f} ms, p95 {p95(walls):.1f} ms, "
        f"max {max(walls):.1f} ms (CPU p50 {statistics.median(cpus):.1f} ms, "
        f"p95 {p95(cpus):.1f} ms)"
    )


def table(header, rows=()):
    """Print a Markdown table: the header's cells, then each row's."""
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        print("| " + " | ".join(str(cell) for cell in row) + " |")
