"""Work a request leaves behind when it commits, done in a thread of the process while the
request has already answered: the warning rules (``warnings.after_commit``) and the sending of
mail and SMS (``notifications.outbox``).

A ``Worker`` is one daemon thread with a queue of (place, item); it takes what was queued since
its last run together, grouped by place. A place is what the thread needs to find the site
again: the database, the site's path and the address of the request that queued the work (its
links). ``in_site`` opens the site in a connection of the thread's own, as the system user.

``drain`` waits until every worker has nothing queued: tests use it, and so does the process's
end (a script's exit through ``atexit``; a SIGTERM through ``stop_after_draining``), waiting at
most ``EXIT_WAIT`` seconds. What a process killed hard had queued is lost from memory: the
notifications wait in a spool on disk for the next process (``notifications.spool``), the warning
rules run again on the case's next change (the supervision guide).
"""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import noSecurityManager
from AccessControl.SpecialUsers import system
from Acquisition import aq_chain
from Acquisition import aq_inner
from contextlib import contextmanager
from suizhou.laborrights import logger
from Testing.makerequest import makerequest
from zope.component.hooks import setSite

import atexit
import os
import signal
import threading
import time
import transaction


EXIT_WAIT = 60  # seconds the process's exit waits for the queued work
_workers = []


class Worker:
    """A daemon thread that runs ``step(place, items)`` for what was queued, per place, in the
    order it was queued; ``gather`` seconds it waits for more before a run, unless someone
    drains."""

    def __init__(self, name, step, gather=0.0):
        self.name = name
        self.step = step
        self.gather = gather
        self._changed = threading.Condition()
        self._queued = []  # (place, item)
        self._busy = False
        self._draining = 0
        self._thread = None
        _workers.append(self)

    def put(self, place, item):
        with self._changed:
            self._queued.append((place, item))
            self._start()
            self._changed.notify_all()

    def start(self):
        with self._changed:
            self._start()

    def _start(self):
        if self._thread is None:  # it never ends: _run outlives any exception
            self._thread = threading.Thread(target=self._run, name=self.name, daemon=True)
            self._thread.start()

    def idle(self):
        with self._changed:
            return not self._queued and not self._busy

    def drain(self, timeout=None):
        with self._changed:
            self._draining += 1
            self._changed.notify_all()
            try:
                return self._changed.wait_for(lambda: not self._queued and not self._busy, timeout)
            finally:
                self._draining -= 1

    def _run(self):
        while True:
            with self._changed:
                self._changed.wait_for(lambda: self._queued)
                self._changed.wait_for(lambda: self._draining, self.gather)  # a burst together
                queued, self._queued = self._queued, []
                self._busy = True
            try:
                for place, items in _by_place(queued).items():
                    self.step(place, items)
            except BaseException:  # e.g. a test layer's TestIsolationBroken: the worker goes on
                logger.exception("Background work (%s) not done after commit", self.name)
            finally:
                with self._changed:
                    self._busy = False
                    self._changed.notify_all()


def _by_place(queued):
    grouped = {}
    for place, item in queued:
        grouped.setdefault(place, []).append(item)
    return grouped


def start_all():
    """Start every worker's thread now rather than at its first work (the test layers: the test
    runner names the threads a test leaves behind, and these live as long as the process)."""
    for worker in _workers:
        worker.start()


def drain(timeout=None):
    """Wait until no worker has anything queued or under way (the warning rules may queue mail:
    until all are idle together); False if ``timeout`` (seconds) ran out first."""
    deadline = None if timeout is None else time.monotonic() + timeout
    while True:
        for worker in list(_workers):
            left = None if deadline is None else max(0.0, deadline - time.monotonic())
            if not worker.drain(left):
                return False
        if all(worker.idle() for worker in _workers):
            return True


def jar_of(obj):
    """The connection of ``obj`` (of its nearest stored container while it is new)."""
    for item in aq_chain(aq_inner(obj)):
        if getattr(item, "_p_jar", None) is not None:
            return item._p_jar
    raise ValueError("Not in a database")


def place_of(jar, site, request=None):
    """Where a worker finds ``site`` of ``jar``'s database again, with the links of ``request``."""
    return (jar.db(), site.getPhysicalPath(), _address(request))


def _address(request):
    """What the site's links are made of in ``request`` (its server URL and virtual hosting):
    a mail made in a worker links to the address the request came through."""
    if request is None or not hasattr(request, "physicalPathToURL"):
        return None
    return (request["SERVER_URL"], tuple(request._script), request.other.get("VirtualRootPhysicalPath"))


def as_system(app):
    """``app`` with a request, acting as the system user (scripts, and the workers' threads)."""
    app = makerequest(app)
    newSecurityManager(None, system)
    return app


def open_site(app, site_id):
    """The Plone site ``site_id`` of ``app``, set as the current site."""
    if site_id not in app.objectIds():
        raise LookupError(f"No Plone site /{site_id} in this database (SITE_ID).")
    setSite(app[site_id])
    return app[site_id]


@contextmanager
def in_site(place):
    """The site of ``place`` in a connection of this thread's own, as the system user, in a
    request with the links of the request that queued the work; aborted and closed after.

    No global request is set: the registry caches the values it reads in the global request,
    and the work must read the settings as committed."""
    db, site_path, address = place
    connection = db.open()  # bound to this thread's transaction manager
    try:
        transaction.begin()
        app = as_system(connection.root()["Application"])
        _give_address(app.REQUEST, address)
        try:
            site = app.unrestrictedTraverse(site_path)
            setSite(site)
            yield site
        finally:
            try:
                transaction.abort()
            finally:
                app.REQUEST.close()
    finally:
        setSite(None)
        noSecurityManager()
        connection.close()


def _give_address(request, address):
    """The links of ``request`` as those of the request that queued the work."""
    if address is not None:
        server_url, script, virtual_root = address
        request.other["SERVER_URL"] = server_url
        request._script = list(script)
        if virtual_root is not None:
            request.other["VirtualRootPhysicalPath"] = virtual_root


def stop_after_draining(event=None):
    """At process start (``IProcessStarting``): a SIGTERM (``instance stop``, systemd) first
    lets the workers finish what is queued, then ends the process as the signal always did.
    Without it the process ends at once and the queued work is lost: an ``atexit`` handler
    does not run on a signal."""
    if threading.current_thread() is threading.main_thread() and signal.getsignal(signal.SIGTERM) == signal.SIG_DFL:
        signal.signal(signal.SIGTERM, _drain_then_stop)


def _drain_then_stop(signum, frame):
    """The signal handler: a second signal ends the process at once; the wait is in a thread of
    its own, so the server's main loop still sends the responses under way."""
    signal.signal(signum, signal.SIG_DFL)
    stopping = threading.Thread(target=_stop_when_drained, args=(signum,), name="stopping", daemon=True)
    stopping.start()
    return stopping


def _stop_when_drained(signum):
    if not drain(EXIT_WAIT):
        logger.warning("Stopping with background work still queued (warning rules, mail, SMS)")
    os.kill(os.getpid(), signum)  # the signal's own end, as without the handler


atexit.register(drain, EXIT_WAIT)  # a script's end waits for what its commits queued
