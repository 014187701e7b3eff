"""Concurrent filings: how many creates are lost to write conflicts, and at what rate.

Run through register_concurrency.sh. The scenarios run in the same process on the same
fresh database, each with N writer threads on their own connections, each create retried as
Zope retries a request (3 times, Zope's default, unless --retries=… says otherwise):

- stock: a Document with the applicant's text as title and body, in an ordinary Plone folder
  (ordered, full-text indexed) — what a site built on stock types would do;
- register: ``suizhou.laborrights.cases.register.create_case`` — unordered large-bucket bins,
  sequence numbers in their own transaction, cases kept out of unqueried indexes, filings of
  the process taking turns (``cases.serial``);
- filing: ``cases.filing.file_case`` as the public web form calls it (channel rules, schema
  validation, then the register);
- cluster: the same filings, all against one employer (credit code and name), so that the
  early-warning rules (warnings/) raise one warning and every later filing extends it;
- cluster-off: the same as cluster with the rules' event subscribers unregistered (the
  control: filing against one employer without early warning).

``--no-turns``: the filings of the process do not take turns (as before ``cases.serial``).
With ``--objects``, each run is followed by the objects its conflicts were on, by structure:
class, oids, and the way to them from the database root (attributes, keys, ``(bucket)``).
"""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.users import UnrestrictedUser
from plone import api
from Products.CMFPlone.factory import addPloneSite
from suizhou.laborrights import background
from suizhou.laborrights.cases import register
from suizhou.laborrights.cases.channels import PUBLIC
from suizhou.laborrights.cases.filing import file_case
from suizhou.laborrights.cases.register import create_case
from suizhou.laborrights.warnings import after_commit
from Testing.makerequest import makerequest
from ZODB.POSException import ConflictError
from ZODB.utils import oid_repr
from zope.component import getGlobalSiteManager
from zope.component.hooks import setSite
from zope.globalrequest import setRequest

import collections
import conflict_paths  # benchmarks/bench (PYTHONPATH)
import logging
import os
import sys
import threading
import time
import transaction


ADMIN = UnrestrictedUser("admin", "", ["Manager"], [])
# positional: writers (one number, or several: 1,4,8) and creates per writer; with several
# writer counts, ``--total=N`` gives each run N creates (N / writers each) instead
POSITIONAL = [arg for arg in sys.argv[1:] if arg[:1].isdigit()]
WRITER_COUNTS = [int(n) for n in (POSITIONAL + ["4"])[0].split(",")]
ITEMS = int((POSITIONAL + ["4", "100"])[1])
sys.stdout.reconfigure(line_buffering=True)  # each row as soon as its run is done
OPTIONS = dict(arg[2:].partition("=")[::2] for arg in sys.argv[1:] if arg.startswith("--"))
RETRIES = [int(n) for n in OPTIONS.get("retries", "3").split(",")]
SCENARIOS = OPTIONS.get("scenarios", "stock,register,filing").split(",")
CLUSTER_EMPLOYER = {"employer_credit_code": "91421300MA4000001H", "employer_name": "随州市恒驰机械有限公司"}
if "no-turns" in OPTIONS:  # as before cases/serial.py: filings side by side, conflicting
    register.take_turn = lambda: None
TIMES = []  # seconds from a create's first attempt to its commit (retries included)
CONFLICTS = collections.Counter()  # (oid, class name) -> conflicts, for the running scenario
STEP_RETRIES = collections.Counter()  # class name -> warning steps run again (warnings.after_commit)


class _StepRetries(logging.Handler):
    """Counts the early-warning step's retries after a write conflict (its own transaction,
    after the filing's commit: not a conflict of the filing, listed apart)."""

    def emit(self, record):
        if record.msg == after_commit.RETRIED:
            STEP_RETRIES[record.args[0]] += 1


logging.getLogger("suizhou.laborrights").addHandler(_StepRetries(logging.INFO))
logging.getLogger("suizhou.laborrights").setLevel(logging.INFO)

FIELDS = {
    "channel": "web",
    "district": "zengdu",
    "applicant_name": "王小明",
    "applicant_phone": "13907221234",
    "dispute_types": ["wage_arrears"],
    "workers_involved": 1,
    "facts": "2026年8月至10月工资未发放，多次催要无果，请求支付拖欠工资。",
}


def stock_create(portal, n):
    api.content.create(
        container=portal.stock,
        type="Document",
        title=f"王小明 欠薪投诉 {n}",
        description=FIELDS["facts"],
    )


def register_create(portal, n):
    create_case(**FIELDS)


def filing_create(portal, n):
    file_case(dict(FIELDS, applicant_name=f"王小{n}"), filer=PUBLIC)


def cluster_create(portal, n):
    file_case(dict(FIELDS, applicant_name=f"王小{n}", **CLUSTER_EMPLOYER), filer=PUBLIC)


def warning_subscribers(on):
    """Unregister (on=False) the early-warning rules' event subscribers, or register again
    those unregistered."""
    registry = getGlobalSiteManager()
    if not on:
        _UNREGISTERED[:] = [
            (registration.handler, registration.required)
            for registration in registry.registeredHandlers()
            if getattr(registration.handler, "__module__", "").startswith("suizhou.laborrights.warnings.")
        ]
    for handler, required in _UNREGISTERED:
        (registry.registerHandler if on else registry.unregisterHandler)(handler, required)
    if on:
        _UNREGISTERED.clear()


_UNREGISTERED = []


def latency(times):
    if not times:
        return "—"
    times = sorted(times)
    p50, p99 = (times[min(len(times) - 1, int(q * len(times)))] for q in (0.5, 0.99))
    return f"{1000 * p50:.0f} / {1000 * p99:.0f} ms"


def writer(db, create, retries, results, items):
    try:
        _writer(db, create, retries, results, items)
    except Exception as error:
        print("writer failed:", repr(error), file=sys.stderr)
        raise


def _writer(db, create, retries, results, items):
    connection = db.open()
    app = makerequest(connection.root()["Application"])
    setRequest(app.REQUEST)
    newSecurityManager(None, ADMIN.__of__(app.acl_users))
    portal = app.Plone
    setSite(portal)
    created = lost = conflicts = 0
    for n in range(items):
        started = time.perf_counter()
        for _attempt in range(retries + 1):
            try:
                create(portal, n)
                transaction.commit()
                created += 1
                TIMES.append(time.perf_counter() - started)
                break
            except ConflictError as error:  # as the publisher sees them; logged by object
                transaction.abort()
                conflicts += 1
                CONFLICTS[(error.oid, error.class_name)] += 1
            except Exception as error:
                transaction.abort()
                conflicts += 1
                CONFLICTS[(None, type(error).__name__)] += 1
        else:
            lost += 1
    results.append((created, lost, conflicts))
    setSite(None)
    connection.close()


def conflict_table(db):
    """Conflicts by structure: the buckets of one tree are counted together."""
    parents = conflict_paths.parents(db.storage)
    rows = collections.Counter()
    oids = collections.defaultdict(set)
    for (oid, class_name), count in CONFLICTS.items():
        if oid is None:
            key = (class_name, "(not a ConflictError)")
        else:
            key = conflict_paths.describe(db, oid, parents)
        rows[key] += count
        oids[key].add(oid_repr(oid) if oid else "—")
    for (class_name, path), count in rows.most_common():
        shown = ", ".join(sorted(oids[(class_name, path)])[:3])
        more = len(oids[(class_name, path)]) - 3
        shown += f" (+{more})" if more > 0 else ""
        print(f"|   | {count} | {shown} | {class_name} | `{path}` |")


def cluster_warning(db):
    """What the open warning on the cluster's employer holds, against the cases filed."""
    from suizhou.laborrights.warnings.store import get_store

    connection = db.open()
    try:
        portal = connection.root()["Application"].Plone
        setSite(portal)
        key = f"code:{CLUSTER_EMPLOYER['employer_credit_code']}"
        filed = len(portal.portal_catalog.unrestrictedSearchResults(portal_type="Case", employer_keys=[key]))
        store = get_store()
        warning = store.open_warning("employer", key) if store is not None else None
        held = len(warning.cases) if warning is not None else 0
        return f"cases against the employer: {filed}; in its open warning: {held}"
    finally:
        setSite(None)
        connection.close()


def run(db, name, create, retries, writers, items):
    results = []
    threads = [threading.Thread(target=writer, args=(db, create, retries, results, items)) for _ in range(writers)]
    start, start_cpu = time.perf_counter(), time.process_time()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    background.drain()  # the warning steps of these filings are part of their cost
    seconds, cpu = time.perf_counter() - start, time.process_time() - start_cpu
    created = sum(r[0] for r in results)
    lost = sum(r[1] for r in results)
    conflicts = sum(r[2] for r in results)
    attempted = writers * items
    print(
        f"| {name} | {writers} | {retries} | {attempted} | {created} | {lost} ({100 * lost / attempted:.1f} %) "
        f"| {conflicts} ({conflicts / attempted:.3f}) | {sum(STEP_RETRIES.values())} | {created / seconds:.1f} "
        f"| {latency(TIMES)} | {cpu:.0f} s | {os.getloadavg()[0]:.1f} |"
    )
    if "--objects" in sys.argv:
        print("|   | conflicts | oid | class | path |")  # under the run's row
        conflict_table(db)
    if STEP_RETRIES:
        print(f"|   | warning step retries: {dict(STEP_RETRIES)} |")
    if create is cluster_create and not _UNREGISTERED:  # the rules were on
        print(f"|   | {cluster_warning(db)} |")
    CONFLICTS.clear()
    STEP_RETRIES.clear()
    TIMES.clear()


def main(app):
    app = makerequest(app)
    newSecurityManager(None, ADMIN.__of__(app.acl_users))
    addPloneSite(
        app,
        "Plone",
        setup_content=False,
        default_language="zh-cn",
        portal_timezone="Asia/Shanghai",
        extension_ids=["plone.app.contenttypes:default", "suizhou.laborrights:default"],
    )
    setSite(app.Plone)
    api.content.create(container=app.Plone, type="Folder", id="stock", title="stock")
    transaction.commit()
    setSite(None)
    db = app._p_jar.db()
    print(
        "| scenario | writers | retries | attempted | created | lost | conflicts (per filing) | warning step retries "
        "| creates/s | p50 / p99 | CPU | load |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    scenarios = {
        "stock": ("stock folder + Document", stock_create),
        "register": ("case register (create_case)", register_create),
        "filing": ("public filing (file_case)", filing_create),
        "cluster": ("one employer, warning rules on", cluster_create),
        "cluster-off": ("one employer, warning rules off", cluster_create),
    }
    for retries in RETRIES:
        for writers in WRITER_COUNTS:
            items = int(OPTIONS["total"]) // writers if "total" in OPTIONS else ITEMS
            for scenario in SCENARIOS:
                warning_subscribers(scenario != "cluster-off")
                run(db, *scenarios[scenario], retries, writers, items)
                warning_subscribers(True)


main(app)  # noqa: F821 - `app` is given by `bin/instance run`
