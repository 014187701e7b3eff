"""Big statistics exports, built in the background.

A workbook of more than ``BACKGROUND_CASES`` cases received in its period, or of a period longer
than ``BACKGROUND_DAYS``, is not built on the request thread (at 100,000 cases the whole city's
three years took 6 s cold, its year of 31,000 cases 2 s: docs/performance.md, 统计导出). The
request records a job (``request``); after its commit the instance's export worker (a
``background.Worker``, one thread) builds the workbook on a connection of its own and stores it
as a blob for the requester (``build``). A job the worker could not finish (the instance
stopped) is built by ``run_pending``, which scripts/statistics_exports.py runs from a timer and
which also removes the files past ``EXPIRE_DAYS``.

An instance builds one workbook at a time (its one worker thread: a build takes a CPU core for
seconds); the other jobs stay queued until it is their turn. The same requester asking for the same
selection again while it is queued or running gets that job, not a second one.

Jobs live in the site's annotations (``ANNOTATION_KEY``: job id -> a mapping), never in the
catalog; the store is made by the first job, so no upgrade step. The districts of a job are the
ones the requester could see when asking: the worker does not widen them.
"""

from Acquisition import aq_base
from BTrees.OOBTree import OOBTree
from datetime import date
from datetime import timedelta
from persistent.mapping import PersistentMapping
from plone import api
from plone.namedfile.file import NamedBlobFile
from suizhou.laborrights import _
from suizhou.laborrights import logger
from suizhou.laborrights.background import as_system
from suizhou.laborrights.background import in_site
from suizhou.laborrights.background import open_site
from suizhou.laborrights.background import place_of
from suizhou.laborrights.background import Worker
from suizhou.laborrights.cases.register import now
from suizhou.laborrights.i18n import zh
from suizhou.laborrights.statistics.excel import xlsx_bytes
from suizhou.laborrights.statistics.external import external_table
from suizhou.laborrights.statistics.selection import Period
from suizhou.laborrights.statistics.selection import select
from suizhou.laborrights.statistics.tables import all_tables
from suizhou.laborrights.statistics.tables import period_label
from urllib.parse import urlencode
from zope.annotation.interfaces import IAnnotations

import time
import transaction
import uuid


ANNOTATION_KEY = "suizhou.laborrights.statistics_exports"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BACKGROUND_CASES = 40_000  # cases received in the period
BACKGROUND_DAYS = 366  # a period longer than a (leap) year
EXPIRE_DAYS = 7  # a built file is kept this long, then removed
LEASE = 30 * 60  # seconds a running job is left to its worker before run_pending takes it over

STATES = {
    "queued": _("export_state_queued", default="排队中"),
    "running": _("export_state_running", default="生成中"),
    "done": _("export_state_done", default="已完成"),
    "failed": _("export_state_failed", default="失败"),
}
MSG_FAILED = _("export_error_failed", default="生成失败，请稍后重新导出；如仍失败，请联系系统管理员。")



def received_count(period, districts):
    """How many cases of ``districts`` were received in ``period`` (a catalog count: no record
    is read)."""
    if not districts:
        return 0
    catalog = api.portal.get_tool("portal_catalog")
    return len(catalog.unrestrictedSearchResults(portal_type="Case", district=list(districts), received=period.query()))


def is_big(period, districts):
    days = (period.end - period.start).days + 1
    return days > BACKGROUND_DAYS or received_count(period, districts) > BACKGROUND_CASES


def background_url(typed):
    """Where the statistics' download sends a selection too big to build at once."""
    query = {name: value for name, value in typed.items() if value}
    return f"{api.portal.get().absolute_url()}/@@statistics-exports" + (f"?{urlencode(query)}" if query else "")


def access_terms(period, districts, typed=None):
    """What the access log keeps of an export: its period, districts, station and unit."""
    terms = {"start": period.start.isoformat(), "end": period.end.isoformat(), "districts": ",".join(districts)}
    return terms | {name: (typed or {}).get(name, "") for name in ("station", "unit")}


def workbook(period, districts, station="", unit=""):
    """The statistics workbook (bytes), as ``@@statistics.xlsx`` makes it."""
    tables = all_tables(select(period, districts, station=station, unit=unit))
    return xlsx_bytes(tables + [external_table(period, districts)], period_label(period))


def _store(site, create=False):
    annotations = IAnnotations(aq_base(site))
    if ANNOTATION_KEY not in annotations and create:
        annotations[ANNOTATION_KEY] = OOBTree()
    return annotations.get(ANNOTATION_KEY)


def jobs(site=None, owner=None):
    """The jobs (newest first), of ``owner`` only when given."""
    store = _store(site or api.portal.get())
    found = [job for job in store.values() if owner is None or job["owner"] == owner] if store else []
    return sorted(found, key=lambda job: job["created"], reverse=True)


def find(job_id, site=None):
    store = _store(site or api.portal.get())
    return store.get(job_id) if store is not None and job_id else None


def expired(job, on=None):
    return job["expires"] is not None and (on or now()) >= job["expires"]


def _same(job, period, districts, station, unit):
    wanted = (period.start.isoformat(), period.end.isoformat(), tuple(districts), station, unit)
    return (job["start"], job["end"], tuple(job["districts"]), job["station"], job["unit"]) == wanted


def request(period, districts, station="", unit="", start_worker=True):
    """Record a job for the current user; its worker starts after the commit. Returns the job
    (the user's own of the same selection when it is still queued or running)."""
    site = api.portal.get()
    store = _store(site, create=True)
    owner = api.user.get_current().getId()
    for job in jobs(site, owner):
        if expired(job):
            del store[job["id"]]
        elif job["state"] in ("queued", "running") and _same(job, period, districts, station, unit):
            return job
    job_id = uuid.uuid4().hex
    store[job_id] = job = PersistentMapping(
        id=job_id,
        owner=owner,
        created=now(),
        state="queued",
        start=period.start.isoformat(),
        end=period.end.isoformat(),
        districts=tuple(districts),
        station=station,
        unit=unit,
        period_label=period_label(period),
        file=None,
        finished=None,
        expires=None,
        error="",
        claimed_until=0,
    )
    if start_worker and site._p_jar is not None:
        transaction.get().addAfterCommitHook(_start_worker, args=(place_of(site._p_jar, site), job_id))
    return job


def _start_worker(committed, place, job_id):
    if committed:
        _building.put(place, job_id)


def _build_step(place, job_ids):
    """The worker: the site on a connection of its own, as the system user, and each build."""
    for job_id in job_ids:
        try:
            with in_site(place) as site:
                build(site, job_id)
        except Exception:
            logger.exception("Statistics export %s: the worker failed", job_id)


_building = Worker("statistics-exports", _build_step)


def _claim(site, job_id, manager, at):
    """Mark the job running for this run; its parameters, or None (gone, done, or another
    run's within its lease)."""
    for attempt in manager.attempts(5):
        with attempt:
            job = find(job_id, site)
            if job is None or job["state"] in ("done", "failed"):
                return None
            if job["state"] == "running" and job["claimed_until"] > at:
                return None
            job["state"], job["claimed_until"] = "running", at + LEASE
            params = (job["start"], job["end"], list(job["districts"]), job["station"], job["unit"])
    return params


def _settle(site, job_id, manager, data, error):
    for attempt in manager.attempts(5):
        with attempt:
            job = find(job_id, site)
            if job is None:
                return
            job["finished"] = now()
            job["expires"] = job["finished"] + timedelta(days=EXPIRE_DAYS)  # a failed one too
            if error is None:
                job["state"] = "done"
                job["file"] = NamedBlobFile(data=data, contentType=XLSX_TYPE, filename=filename(job))
            else:
                job["state"] = "failed"
                job["error"] = zh(MSG_FAILED)


def build(site, job_id, manager=None):
    """Build job ``job_id`` of ``site`` and store its file, in transactions of ``manager``
    (the site's connection's). Returns the job's final state, or None if it was not ours."""
    manager = manager or transaction.manager
    params = _claim(site, job_id, manager, time.time())
    if params is None:
        return None
    start, end, districts, station, unit = params
    data, error = None, None
    try:
        data = workbook(Period(date.fromisoformat(start), date.fromisoformat(end)), districts, station, unit)
    except Exception as exception:
        logger.exception("Statistics export %s failed", job_id)
        error = exception
    finally:
        manager.abort()  # nothing of the build itself is written
    _settle(site, job_id, manager, data, error)
    return "done" if error is None else "failed"


def filename(job):
    return f"statistics-{job['start']}-{job['end']}.xlsx"


def run_pending(site, manager=None):
    """The timer's run: build the jobs left queued or whose worker died, remove expired files.
    Returns {"built": n, "removed": n}."""
    manager = manager or transaction.manager
    counts = {"built": 0, "removed": 0}
    manager.begin()
    at = time.time()
    waiting = [
        job["id"]
        for job in jobs(site)
        if job["state"] == "queued" or (job["state"] == "running" and job["claimed_until"] <= at)
    ]
    for job_id in waiting:
        counts["built"] += build(site, job_id, manager) is not None
    for attempt in manager.attempts(5):
        with attempt:
            store = _store(site)
            old = [job["id"] for job in jobs(site) if expired(job)]
            for job_id in old:
                del store[job_id]
            counts["removed"] = len(old)
    return counts


def main(app, site_id="Plone"):
    """For ``bin/instance run`` (scripts/statistics_exports.py)."""

    site = open_site(as_system(app), site_id)
    return run_pending(site)
