"""REST API under load, with a register of many cases (run through api_load.sh).

1. A copy of the generated register of ``CASES`` cases (benchmarks/dataset.sh: three years,
   six districts, every state, each case its own phone number).
2. The site is served by waitress (4 threads, as a Zope instance) in this process; the clients
   run in a process of their own (``http_clients.py``), as phones do, each request on a new
   connection.
3. ``FILINGS`` anonymous ``POST @cases`` from ``THREADS`` clients: filings per second, and how
   many were not answered 201.
4. ``LOOKUPS`` ``GET @case-status`` with the right reference and phone, from the same threads,
   for random cases of the register: p50, p95, p99 and the slowest, in milliseconds; then the
   same number with a wrong phone. The clients are one address, so that round skips the
   challenge (``Guard.over_budget`` reads the counters but says no) to measure the lookup, its
   reads and its failure write, each key keeping at most its production budget of times; for
   comparison the same round again with the budgets themselves lifted to 10⁹ (as this benchmark
   did before 2026-12-04), where each key keeps every failure's time, thousands of them, which
   production never stores. Each round with 1 and with ``THREADS`` clients, and again with
   ``THREADS`` client threads in the server's own process (how this benchmark measured before
   2026-12-05: the clients' Python then competes with the server's for one GIL).
5. Wrong phone, ``THREADS`` clients, JSON: the failures of requests at the same moment committed
   together (``counters.record``, as built) and each in a commit of its own (as before
   2026-12-05), in turn on one database (blocks A B B A, twice).
6. The same three rounds on the public progress page (``POST @@case-progress``, the whole HTML
   page a citizen sees, with the site's theme).
"""

from benchlib import ranked
from collections import Counter
from suizhou.laborrights.cases import counters
from suizhou.laborrights.cases import lookup as lookups
from suizhou.laborrights.cases.register import _claimed
from suizhou.laborrights.cases.register import find_case
from suizhou.laborrights.cases.register import get_register
from suizhou.laborrights.restapi import filing_limits
from urllib.parse import urlencode
from zope.component.hooks import setSite
from ZPublisher.WSGIPublisher import publish_module

import benchlib
import http_clients
import json
import random
import subprocess
import sys
import threading
import time
import transaction
import waitress


CASES, FILINGS, LOOKUPS, THREADS = (int(arg) for arg in sys.argv[-4:])
DISTRICTS = ("city", "zengdu", "suixian", "guangshui", "hitech", "dahongshan")


def phone(n):
    return f"139{n:08d}"


def known_cases(rng, count):
    """(reference, phone) of ``count`` cases of the register drawn at random (with repeats)."""
    references = list(_claimed(get_register()).keys())
    sample = [rng.choice(references) for _ in range(count)]
    phones = {reference: find_case(reference).applicant_phone for reference in set(sample)}
    return [(reference, phones[reference]) for reference in sample]


def serve(port_holder):
    server = waitress.create_server(publish_module, host="127.0.0.1", port=0, threads=4)
    port_holder.append(server.effective_port)
    server.run()


def prepared(method, path, body=None, form=None):
    """``[method, path, headers, body]`` of a request (as http_clients.py takes them)."""
    headers = {"Accept": "application/json"}
    if body is not None:
        headers["Content-Type"] = "application/json"
        body = json.dumps(body)
    if form is not None:
        headers = {"Accept": "text/html", "Content-Type": "application/x-www-form-urlencoded"}
        body = urlencode(form)
    return [method, path, headers, body]


def in_client_process(port, items, threads):
    """The requests sent by ``threads`` clients in a process of their own; returns the
    ``(status, seconds)`` results and the seconds it took."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, http_clients.__file__, str(port), str(threads)],
        input=json.dumps(items),
        capture_output=True,
        text=True,
        check=True,
    )
    return [tuple(result) for result in json.loads(done.stdout)], time.perf_counter() - start


def filing(i):
    return {
        "dispute_types": ["wage_arrears"],
        "applicant": {"name": "压力测试", "phone": phone(90000000 + i)},
        "facts": "压力测试：工资未发放。",
        "district": DISTRICTS[i % len(DISTRICTS)],
        "channel": "mini_program",
    }


def one_commit_each(events, at=None):
    """``counters.record`` as before 2026-12-05: every failure in a commit of its own."""
    at = counters.now() if at is None else at
    items = [(key, window, keep, at) for key, window, keep in events]
    return counters._write(lambda register: counters._record_items(register, items))


def together_or_alone(port, lookup, portal, over_budget):
    """Wrong-phone lookups by THREADS clients, their failures committed together and one commit
    each, in turn: {label: [(status, seconds)]}."""
    reset_counters(portal)
    together = counters.record
    sides = {"committed together (as built)": together, "one commit each (before)": one_commit_each}
    results, block = {label: [] for label in sides}, LOOKUPS // 8
    lookups.Guard.over_budget = lambda self, keys: over_budget(self, keys) and False
    try:
        for turn, label in enumerate(list(sides) + list(sides)[::-1] + list(sides) + list(sides)[::-1]):
            counters.record = sides[label]
            items = [lookup(i, True) for i in range(turn * block, (turn + 1) * block)]
            results[label] += in_client_process(port, items, THREADS)[0]
    finally:
        counters.record = together
        lookups.Guard.over_budget = over_budget
    return results


def reset_counters(portal):
    setSite(portal)
    transaction.begin()
    counters.reset()
    transaction.abort()
    setSite(None)


def main(app):
    filing_limits.budgets = lambda: (10**9, 10**9)  # one client address files them all
    portal = benchlib.dataset_site(benchlib.as_admin(app))
    rng = random.Random(2)
    sample = known_cases(rng, LOOKUPS)
    transaction.abort()
    setSite(None)

    port_holder = []
    threading.Thread(target=serve, args=(port_holder,), daemon=True).start()
    while not port_holder:
        time.sleep(0.1)
    port = port_holder[0]

    filings = [prepared("POST", "/Plone/@cases", filing(i)) for i in range(FILINGS)]
    posted, post_seconds = in_client_process(port, filings, THREADS)
    budgets = lookups.CLIENT, lookups.REFERENCE, lookups.PHONE
    over_budget = lookups.Guard.over_budget

    def lookup(i, wrong=False):
        reference, right = sample[i]
        query = urlencode({"reference": reference, "phone": "13800000000" if wrong else right})
        return prepared("GET", f"/Plone/@case-status?{query}")

    def progress_page(i, wrong=False):
        reference, right = sample[i]
        form = {"ref": reference, "phone": "13800000000" if wrong else right, "lookup": "查询"}
        return prepared("POST", "/Plone/@@case-progress", form=form)

    def send(make, threads, own_process, wrong=False):
        items = [make(i, wrong) for i in range(LOOKUPS)]
        if own_process:
            return in_client_process(port, items, threads)[0]
        return http_clients.run(port, items, threads)  # sharing the server's GIL, as measured before 2026-12-05

    in_client_process(port, [make(i) for i in range(20) for make in (lookup, progress_page)], 1)  # warm up
    rounds = []
    for name, make, expected in (
        ("GET @case-status", lookup, (200, 404)),
        ("POST @@case-progress (HTML page)", progress_page, (200, 200)),
    ):
        # the clients in the server's own process: the JSON lookups only (the comparison)
        in_server = {(THREADS, False)} if make is lookup else set()
        for threads, own_process in sorted({(1, True), (THREADS, True)} | in_server):
            clients = f"{threads} client{'s' if threads > 1 else ''}"
            label = f"{name}, {clients}" + ("" if own_process else " in the server's process")
            reset_counters(portal)  # the ZODB's counters of failed lookups, shared with the server
            rounds.append((f"{label}, found", send(make, threads, own_process), expected[0]))
            # measure the lookup and the failures' writes, not the challenge
            lookups.Guard.over_budget = lambda self, keys: over_budget(self, keys) and False  # still reads
            wrong_phone = send(make, threads, own_process, wrong=True)
            rounds.append((f"{label}, wrong phone", wrong_phone, expected[1]))
            lookups.Guard.over_budget = over_budget
            reset_counters(portal)
            lookups.CLIENT, lookups.REFERENCE, lookups.PHONE = ((kind, 10**9, window) for kind, _b, window in budgets)
            unbounded = send(make, threads, own_process, wrong=True)
            rounds.append((f"{label}, wrong phone, budgets lifted to 10⁹", unbounded, expected[1]))
            lookups.CLIENT, lookups.REFERENCE, lookups.PHONE = budgets

    grouped = together_or_alone(port, lookup, portal, over_budget)
    print(f"register: {CASES} cases (a copy of the generated register, benchmarks/dataset.sh)")
    print(f"clients: 1 and {THREADS}, in a process of their own unless said otherwise")
    print("server: waitress, 4 threads, one Zope process, FileStorage")
    print("| measure | count | result |")
    print("|---|---|---|")
    not_created = sum(1 for status, _ in posted if status != 201)
    print(f"| POST @cases | {FILINGS} | {FILINGS / post_seconds:.1f} filings/s, {not_created} not 201 |")
    for name, results, expected in rounds:
        p50, p95, p99, slowest = (1000 * seconds for seconds in ranked([s for _, s in results], 0.5, 0.95, 0.99, 1))
        unexpected = Counter(status for status, _ in results if status != expected)
        print(
            f"| {name} | {LOOKUPS} | p50 {p50:.1f} ms, p95 {p95:.1f} ms, "
            f"p99 {p99:.1f} ms, max {slowest:.1f} ms; "
            f"{sum(unexpected.values())} not {expected} {dict(unexpected) or ''} |"
        )

    print()
    print(f"Failed lookups' counters, wrong phone, {THREADS} clients, GET @case-status: in turn, blocks of "
          f"{LOOKUPS // 8} (A B B A, twice)")
    print("| failures | lookups | p50 / p95 / p99 | not 404 |")
    print("|---|---|---|---|")
    for label, results in grouped.items():
        p50, p95, p99 = (1000 * seconds for seconds in ranked([s for _, s in results], 0.5, 0.95, 0.99))
        wrong = sum(1 for status, _ in results if status != 404)
        print(f"| {label} | {len(results)} | {p50:.1f} / {p95:.1f} / {p99:.1f} ms | {wrong} |")

main(app)  # noqa: F821 - `app` is given by `zconsole run`
