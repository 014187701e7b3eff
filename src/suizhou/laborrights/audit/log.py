"""The access log (issue 13 item 7): every staff view of a case page, document download,
export and staff search, as one JSON line in an append-only file outside the ZODB.

Why files and not the ZODB: a read request that wrote a log object would become a write
transaction, and every page view a conflict source on the log's container. A line appended to
a file (``O_APPEND``, one ``write`` per entry, under a lock per process) costs no transaction
and cannot conflict. Nothing on the web writes, edits or deletes a line: ``record_access`` is
the only writer and ``@@access-log`` only reads.

Where: one file per day and per instance, ``access-<yyyy-mm-dd>.<instance>.jsonl``, in
``$SUIZHOU_ACCESS_LOG_DIR``, or else in ``access-log/`` beside the instance's client home (a
buildout's ``var/access-log``, shared by its instances ``var/instance``, ``var/instance2`` …).
Instances on other machines point ``SUIZHOU_ACCESS_LOG_DIR`` at one shared directory; as each
instance writes only its own files, reading merges all of a day's files into one log.
"""

from AccessControl import getSecurityManager
from App.config import getConfiguration
from datetime import datetime
from datetime import timedelta
from suizhou.laborrights import logger
from suizhou.laborrights.timezone import SHANGHAI

import glob
import json
import os
import socket
import tempfile
import threading


KINDS = ("view", "download", "export", "search")
RECORDED = "_suizhou_access_recorded"  # set on a request once it is in the log
ENVIRONMENT = "SUIZHOU_ACCESS_LOG_DIR"
_lock = threading.Lock()
_fallback = []  # a process's own directory when there is neither variable nor client home


def directory():
    """The directory every instance of the deployment writes its files into."""
    path = os.environ.get(ENVIRONMENT)
    if not path:
        clienthome = getattr(getConfiguration(), "clienthome", None)
        if clienthome:
            path = os.path.join(os.path.dirname(os.path.abspath(clienthome)), "access-log")
        else:  # tests and scripts without a zope.conf: never the site's var/
            if not _fallback:
                _fallback.append(tempfile.mkdtemp(prefix="suizhou-access-log-"))
            path = _fallback[0]
    os.makedirs(path, mode=0o700, exist_ok=True)
    return path


def instance_name():
    """This process's part of the file name: the host and the instance (client home's name)."""
    clienthome = getattr(getConfiguration(), "clienthome", None) or ""
    instance = os.path.basename(os.path.abspath(clienthome)) if clienthome else "zope"
    return f"{socket.gethostname()}-{instance}".replace(os.sep, "_").replace(".", "_")


def _file(day):
    return os.path.join(directory(), f"access-{day.isoformat()}.{instance_name()}.jsonl")


def _reference(case):
    if case is None or isinstance(case, str):
        return case or None
    return case.getId()


def _query(query):
    if isinstance(query, dict):
        return {key: value for key, value in query.items() if value not in (None, "", [], ())}
    return query or None


def _user():
    user = getSecurityManager().getUser()
    return user.getId() or user.getUserName()


def anonymous():
    user = getSecurityManager().getUser()
    return user is None or user.getUserName() == "Anonymous User"


def recorded(request):
    """Whether ``request`` is already in the log. Read from the request itself, not ``getattr``:
    a missing attribute of a Zope request falls back to its form, where anyone could set it."""
    return vars(request).get(RECORDED, False)


def record_access(request, kind, case=None, query=None, now=None, page=None):
    """Append one entry: who (user id), when (Beijing time), what (``kind``, one of ``KINDS``),
    which case (a case or its reference) and ``page`` (the address after the case) or query
    (the search terms, kept as typed: the log is there to show who looked for whom, and only
    the city administrator reads it), and from where (``request.getClientAddr()``: behind the
    trusted proxy, the address it forwards). Most entries are written by
    ``audit.publication`` for any request that reads a case; views call this for what it cannot
    know (searches, exports)."""
    if kind not in KINDS:
        raise ValueError(f"unknown access kind: {kind!r}")
    moment = (now or datetime.now(SHANGHAI)).astimezone(SHANGHAI)
    entry = {
        "time": moment.isoformat(timespec="seconds"),
        "user": _user(),
        "kind": kind,
        "case": _reference(case),
        "query": _query(query),
        "client": request.getClientAddr() if request is not None else "",
    }
    if page is not None:
        entry["page"] = page
    if request is not None:
        setattr(request, RECORDED, True)
    line = (json.dumps(entry, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")
    try:
        with _lock:
            descriptor = os.open(_file(moment.date()), os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            try:
                os.write(descriptor, line)
            finally:
                os.close(descriptor)
    except OSError:
        # The page is still served. The event log gets an ERROR (for monitoring) naming what was
        # lost, never the search terms: that log has other readers and its own retention.
        logger.exception(
            "access log not writable, entry lost: kind=%s user=%s case=%s time=%s",
            kind,
            entry["user"],
            entry["case"] or "-",
            entry["time"],
        )
    return entry


def entries(start, end, user=None, case=None, kind=None):
    """The entries of the days ``start``..``end`` (Beijing dates, both included) of every
    instance, newest first, filtered by user id, case reference (exact, case-insensitive) and
    kind."""
    found = []
    day = start
    while day <= end:
        for path in sorted(glob.glob(os.path.join(directory(), f"access-{day.isoformat()}.*.jsonl"))):
            with open(path, encoding="utf-8") as lines:
                for line in lines:
                    try:
                        entry = json.loads(line)
                    except ValueError:  # a line cut short by a full disk or a crash
                        continue
                    if user and entry.get("user") != user:
                        continue
                    if case and (entry.get("case") or "").upper() != case.upper():
                        continue
                    if kind and entry.get("kind") != kind:
                        continue
                    found.append(entry)
        day += timedelta(days=1)
    found.reverse()  # entries of the same second: the later line first
    found.sort(key=lambda entry: entry["time"], reverse=True)
    return found
