"""A ZEO client instance for the filing benchmark (filing_http.sh): serve.py with a line in the
event log for every request failed on a ZODB conflict (retried or not), naming the object.

    <instance interpreter> benchmarks/bench/filing_instance.py <wsgi.ini>

Zope retries a conflicting request silently; the benchmark counts these lines.
FILING_PLAIN_TREES=1: the register's bins index their ids in a plain OIBTree, as before upgrade
1035 (the baseline of a comparison).
FILING_INLINE_FLAG=<file>: while that file exists, the outbox is sent in the request's thread
after the commit, as before the sender thread (the baseline, switched between rows).
FILING_GC_LOG=1: a BENCH-GC line in the event log for every garbage collection that took over
20 ms (its generation and milliseconds: the pauses of every thread).
FILING_GC_DEFAULTS=1: the garbage collector as CPython sets it (garbage_collection.py's tuning at
process start left out: the baseline of a comparison).
FILING_EASYFORM_ORIGINAL=1: collective.easyform's own ``superAdapter``, a new class per field
lookup (class_per_interface's superAdapter left out, its makeDummyObject kept: the baseline of a
comparison).
FILING_LOAD_LOG=1: a BENCH-LOADS line in the event log for every request, with the objects its
database connection loaded (``getTransferCounts``: since the connection's previous request).
FILING_NOSPOOL_FLAG=<file>: while that file exists, the outbox hands the messages to the sender
thread without writing them to the spool first (as before the spool: the baseline of a comparison).
FILING_SWITCH_FLAG=<file>: while that file exists, the interpreter hands the GIL over every
millisecond (``sys.setswitchinterval(0.001)``) instead of every 5 ms (CPython's default).
"""

from ZODB.POSException import ConflictError
from ZODB.utils import oid_repr
from zope.component import provideHandler
from Zope2.Startup.serve import main
from ZPublisher.interfaces import IPubFailure

import gc
import logging
import os
import sys
import threading
import time


logger = logging.getLogger("bench.conflicts")


def log_conflict(event):
    error = event.exc_info[1]
    if isinstance(error, ConflictError):
        oid = getattr(error, "oid", None)
        logger.info(
            "BENCH-CONFLICT retry=%s class=%s oid=%s path=%s",
            int(bool(event.retry)),
            getattr(error, "class_name", None),
            oid_repr(oid) if oid else None,
            event.request.get("PATH_INFO"),
        )


provideHandler(log_conflict, (IPubFailure,))
if os.environ.get("FILING_PLAIN_TREES") == "1":
    from Products.BTreeFolder2.BTreeFolder2 import BTreeFolder2Base
    from suizhou.laborrights.content.case_folder import CaseFolder

    CaseFolder._setOb = BTreeFolder2Base._setOb
if os.environ.get("FILING_INLINE_FLAG"):
    from suizhou.laborrights.notifications import outbox
    from suizhou.laborrights.notifications import spool

    flag, put = os.environ["FILING_INLINE_FLAG"], outbox._sending.put

    def put_or_send_here(place, spooled):
        if os.path.exists(flag):
            path, messages = spooled
            outbox.send(None, messages)  # the request's thread, its site still set
            spool.done(path)
        else:
            put(place, spooled)

    outbox._sending.put = put_or_send_here
if os.environ.get("FILING_NOSPOOL_FLAG"):
    from suizhou.laborrights.notifications import outbox

    no_spool_flag, spooled = os.environ["FILING_NOSPOOL_FLAG"], outbox._spooled
    outbox._spooled = lambda place, messages: None if os.path.exists(no_spool_flag) else spooled(place, messages)
if os.environ.get("FILING_GC_LOG") == "1":
    gc_started = {}

    def time_collection(phase, info):
        if phase == "start":
            gc_started["at"] = time.perf_counter()
        elif "at" in gc_started:
            ms = (time.perf_counter() - gc_started.pop("at")) * 1000
            if ms > 20:
                logger.info("BENCH-GC gen=%s ms=%.0f collected=%s", info["generation"], ms, info["collected"])

    gc.callbacks.append(time_collection)
if os.environ.get("FILING_GC_DEFAULTS") == "1":
    from suizhou.laborrights import garbage_collection

    garbage_collection.shorten_pauses = lambda event=None: None  # before the ZCML names it
if os.environ.get("FILING_EASYFORM_ORIGINAL") == "1":
    from collective.easyform import fields
    from suizhou.laborrights import class_per_interface

    class_per_interface.superAdapter = fields.superAdapter  # before the ZCML patches it in
if os.environ.get("FILING_LOAD_LOG") == "1":
    from ZPublisher.interfaces import IPubBeforeAbort
    from ZPublisher.interfaces import IPubBeforeCommit

    def log_loads(event):
        parents = event.request.get("PARENTS") or [None]
        jar = getattr(parents[-1], "_p_jar", None)
        if jar is not None:
            loads, stores = jar.getTransferCounts(clear=True)
            logger.info(
                "BENCH-LOADS method=%s path=%s loads=%s stores=%s",
                event.request.get("REQUEST_METHOD"),
                event.request.get("PATH_INFO"),
                loads,
                stores,
            )

    provideHandler(log_loads, (IPubBeforeCommit,))
    provideHandler(log_loads, (IPubBeforeAbort,))
if os.environ.get("FILING_SWITCH_FLAG"):
    switch_flag, default_interval = os.environ["FILING_SWITCH_FLAG"], sys.getswitchinterval()

    def follow_switch_flag():
        while True:
            sys.setswitchinterval(0.001 if os.path.exists(switch_flag) else default_interval)
            time.sleep(0.2)

    threading.Thread(target=follow_switch_flag, daemon=True).start()
main([sys.argv[0]] + sys.argv[1:])
