"""What counting one keyed API filing writes and costs (security review, issue 17 item 1). Run
through api_key_counts.sh.

A key's filings of the last hour were a tuple of up to ``budget`` times, rewritten by every
filing (``counters.record``); they are now a count per minute (``counters.count_minute`` with the
key: one BTrees ``Length`` changed). On a fresh site, for a key with a budget of 5000 an hour that
has already filed N times in the last hour (spread over its minutes), both ways count one more
filing, each in its own transaction as the endpoints do: bytes written to the storage and wall
time of the count (median of the samples).
"""

from BTrees.IOBTree import IOBTree
from BTrees.Length import Length
from suizhou.laborrights.cases import counters

import benchlib
import statistics
import sys
import time


SAMPLES = int(sys.argv[-1])
BUDGET, WINDOW = 5000, 3600


def fill(counter, filed, at):
    """``filed`` earlier filings of ``counter`` in the last hour, both ways."""
    times = tuple(sorted(at - 1 - (n * (WINDOW - 2)) // max(filed, 1) for n in range(filed)))

    def work(register):
        register._guard_counters[counter] = times[-BUDGET:]
        minutes = register._counts_per_minute[counter] = IOBTree()
        for t in times:
            minute = t // 60
            if minute in minutes:
                minutes[minute].change(1)
            else:
                minutes[minute] = Length(1)
        return True

    counters._write(work)


def measure(storage, count):
    written = []
    store = storage.store

    def measured(oid, serial, data, *args):
        written[-1] += len(data)
        return store(oid, serial, data, *args)

    storage.store = measured
    walls = []
    try:
        for _ in range(SAMPLES):
            written.append(0)
            began = time.perf_counter()
            count()
            walls.append((time.perf_counter() - began) * 1000)
    finally:
        del storage.store
    return statistics.median(written), statistics.median(walls)


def main(app):
    app = benchlib.as_admin(app)
    portal = benchlib.new_site(app)
    counters.ensure()
    storage = portal._p_jar.db().storage
    at = counters.now()
    rows = []
    for filed in (0, 500, 2000, 4900):
        counter = f"filing-key:bench-{filed}"
        fill(counter, filed, at)
        old = measure(storage, lambda counter=counter: counters.record([(counter, WINDOW, BUDGET)], at=at))
        fill(counter, filed, at)
        new = measure(storage, lambda counter=counter: counters.count_minute(WINDOW, at=at, key=counter))
        rows.append((filed, f"{old[0]:.0f}", f"{old[1]:.2f}", f"{new[0]:.0f}", f"{new[1]:.2f}"))
    benchlib.table(
        ("已有提交（近一小时）", "旧：写入字节", "旧：耗时 ms", "新：写入字节", "新：耗时 ms"), rows
    )


main(app)  # noqa: F821 - `app` is given by `zconsole run`
