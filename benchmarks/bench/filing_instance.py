"""A ZEO client instance for the filing benchmark (filing_http.sh): serve.py with a line in the
event log for every request failed on a ZODB conflict (retried or not), naming the object.

    <instance interpreter> benchmarks/bench/filing_instance.py <wsgi.ini>

Zope retries a conflicting request silently; the benchmark counts these lines.
FILING_PLAIN_TREES=1: the register's bins index their ids in a plain OIBTree, as before upgrade
1035 (the baseline of a comparison).
FILING_INLINE_FLAG=<file>: while that file exists, the outbox is sent in the request's thread
after the commit, as before the sender thread (the baseline, switched between rows).
"""

from ZODB.POSException import ConflictError
from ZODB.utils import oid_repr
from zope.component import provideHandler
from Zope2.Startup.serve import main
from ZPublisher.interfaces import IPubFailure

import logging
import os
import sys


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

    flag, put = os.environ["FILING_INLINE_FLAG"], outbox._sending.put

    def put_or_send_here(place, messages):
        if os.path.exists(flag):
            outbox.send(None, messages)  # the request's thread, its site still set
        else:
            put(place, messages)

    outbox._sending.put = put_or_send_here
main([sys.argv[0]] + sys.argv[1:])
