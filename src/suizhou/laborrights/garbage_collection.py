"""Shorter pauses of Python's garbage collector in a Zope process.

Measured (docs/performance.md, "垃圾回收的停顿"; benchmarks/bench/filing_http.sh ``:gc``):
with CPython's defaults a Zope instance under load ran a full collection every 10–15 seconds,
and each one stopped every thread for as long as it took to walk all objects the collector
tracks: some 550,000 right after start (the configuration, the component registry, the
templates) and more with every object the ZODB caches load: 0.3 s at first, 1.1–1.2 s after
two minutes (some 800 filings), 2.4 s after ten. Whatever requests were under way waited that
long: most of the slow tail (p99) of filings under load.

So, once the process has started (``IProcessStarting``: an instance, and a ``zconsole run``
script; not ``bin/instance run``):

- what the start built is frozen (``gc.freeze``): it lives as long as the process, and no later
  collection walks it again;
- the youngest generation is collected after 50,000 new objects instead of 700, so that the
  objects of a request under way are mostly freed with it (reference counting) before a
  collection would move them to the older generations; full collections then come rarely.
  (These are CPython 3.11's thresholds; their meaning changes with the collector of later
  releases: measure again when the Python version changes.)
"""

import gc


THRESHOLDS = (50_000, 20, 10)


def shorten_pauses(event=None):
    gc.collect()
    gc.freeze()
    gc.set_threshold(*THRESHOLDS)
