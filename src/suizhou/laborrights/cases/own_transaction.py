"""Short writes in a transaction of their own, like a database sequence.

A write that many requests make (the next reference number, a failed-lookup counter, a used
challenge) is committed at once on a fresh connection, apart from the request's transaction:
concurrent writers conflict only there and are retried in milliseconds, the request itself never
conflicts on it, and an aborted request does not undo it.

The work runs without the global request: plone.dexterity keeps the objects it looks behaviours
up for on the request, by oid (``get_assignable``), and would later hand the request this
connection's object for the request's own one of the same oid — by then closed, or opened by
another thread.
"""

from ZODB.POSException import POSKeyError
from zope.globalrequest import getRequest
from zope.globalrequest import setRequest

import transaction


def in_own_transaction(obj, work, attempts=20):
    """``work(committed)`` with ``committed`` the last committed state of persistent ``obj``
    (no acquisition), in a short transaction of its own, retried on conflicts; returns what
    ``work`` returns. None without calling it while ``obj`` is not committed yet (e.g. during
    site creation): the caller then writes in the request's transaction instead.
    """
    if obj._p_jar is None or obj._p_oid is None:
        return None
    manager = transaction.TransactionManager()
    connection = obj._p_jar.db().open(transaction_manager=manager)
    request = getRequest()
    setRequest(None)
    try:
        for attempt in manager.attempts(attempts):
            with attempt:
                result = work(connection.get(obj._p_oid))
        return result
    except POSKeyError:
        return None
    finally:
        setRequest(request)
        manager.abort()
        connection.close()
