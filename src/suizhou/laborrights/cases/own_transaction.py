"""Short writes in a transaction of their own, like a database sequence.

A write that many requests make (the next reference number, a failed-lookup counter, a used
challenge) is committed at once on a fresh connection, apart from the request's transaction:
concurrent writers conflict only there and are retried in milliseconds, the request itself never
conflicts on it, and an aborted request does not undo it.
"""

from ZODB.POSException import POSKeyError

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
    try:
        for attempt in manager.attempts(attempts):
            with attempt:
                result = work(connection.get(obj._p_oid))
        return result
    except POSKeyError:
        return None
    finally:
        manager.abort()
        connection.close()
