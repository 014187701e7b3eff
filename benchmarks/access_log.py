"""What the access log costs a page view (issue 13 item 7). Run through access_log.sh.

On a fresh site with a few cases: (1) ``record_access`` alone, many times; (2) eight threads
recording at once (the lines of every thread are all there, none torn); (3) a staff page
(the worklist of the city administrator, rendered) with and without one entry recorded per
view, alternating, as the page views of a logged-in clerk would be; (4) the publisher
subscriber (``audit.publication``) that every request passes through: on a request outside any
case (it only looks for a case and returns) and on a case page (it finds the case and records). The log is written into
a temporary directory; nothing of it touches the ZODB (checked: no object registered with the
connection after recording).
"""

from benchlib import p95
from plone import api
from Products.Five.browser import BrowserView
from suizhou.laborrights.audit import log
from suizhou.laborrights.audit import publication
from suizhou.laborrights.cases.register import create_case
from suizhou.laborrights.handling.worklists import WorklistView
from ZPublisher.pubevents import PubSuccess

import benchlib
import json
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
import transaction


REPEAT = int(sys.argv[-1])


def build(app):
    portal = benchlib.new_site(app)
    cases = [
        create_case(
            district="zengdu",
            channel="window",
            applicant_name=f"测试{n}",
            applicant_phone="13907221234",
            dispute_types=["wage_arrears"],
            workers_involved=1,
            facts="……",
        )
        for n in range(60)
    ]
    api.user.create(email="city@example.org", username="city_admin", password="benchmark-password-1")
    api.user.grant_roles(username="city_admin", roles=["Site Administrator"])
    transaction.commit()
    return portal, cases


def alone(portal, request, cases):
    samples = []
    for n in range(REPEAT * 10):
        began = time.perf_counter()
        log.record_access(request, "view", case=cases[n % len(cases)])
        samples.append((time.perf_counter() - began) * 1e6)
    registered = len(portal._p_jar._registered_objects)
    print(
        f"record_access alone: {len(samples)} calls, p50 {statistics.median(samples):.0f} µs, "
        f"p95 {p95(samples):.0f} µs; objects registered with the ZODB connection afterwards: {registered}"
    )
    return len(samples)


def threads_at_once(before):
    def write(thread):
        for n in range(REPEAT):
            log.record_access(None, "search", query={"q": f"thread {thread} line {n}" + "x" * 200})

    began = time.perf_counter()
    threads = [threading.Thread(target=write, args=(t,)) for t in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    lines = 0
    for name in os.listdir(os.environ[log.ENVIRONMENT]):
        with open(os.path.join(os.environ[log.ENVIRONMENT], name), encoding="utf-8") as file:
            for line in file:
                json.loads(line)  # a torn line would not parse
                lines += 1
    print(
        f"8 threads x {REPEAT} entries in {elapsed * 1000:.0f} ms; lines in the log: {lines} "
        f"(expected {before + 8 * REPEAT}), every line parsed"
    )


def page_views(portal, request, cases):
    plain, logged, html = [], [], ""
    for n in range(REPEAT + 1):
        for with_log, bucket in ((False, plain), (True, logged)):
            request.form.clear()
            request.form["tab"] = "unrouted"
            began = time.perf_counter()
            html = WorklistView(portal, request)()
            if with_log:
                log.record_access(request, "view", case=cases[n % len(cases)])
            if n:  # the first round warms the caches
                bucket.append((time.perf_counter() - began) * 1000)
    print(
        f"worklist page ({len(html) // 1024} KiB), {REPEAT} views each: without the log p50 "
        f"{statistics.median(plain):.1f} ms p95 {p95(plain):.1f} ms; with one entry p50 "
        f"{statistics.median(logged):.1f} ms p95 {p95(logged):.1f} ms"
    )


def subscriber(portal, request, cases):
    results = {}
    for label, context in (("outside a case", portal), ("on a case page", cases[0])):
        view = BrowserView(context, request)
        request.other.pop(log.RECORDED, None)
        request.set("PUBLISHED", view)
        request.set("PARENTS", [context, *context.aq_chain[1:]])
        request.steps = list(context.getPhysicalPath()[1:])
        samples = []
        for _n in range(REPEAT * 10):
            if hasattr(request, log.RECORDED):
                delattr(request, log.RECORDED)
            began = time.perf_counter()
            publication.record_case_request(PubSuccess(request))
            samples.append((time.perf_counter() - began) * 1e6)
        results[label] = samples
    print(
        "publisher subscriber, "
        + "; ".join(
            f"{label}: p50 {statistics.median(samples):.0f} µs p95 {p95(samples):.0f} µs"
            for label, samples in results.items()
        )
    )


def main(app):
    os.environ[log.ENVIRONMENT] = tempfile.mkdtemp(prefix="access-log-bench-")
    app = benchlib.as_admin(app)
    portal, cases = build(app)
    request = app.REQUEST
    written = alone(portal, request, cases)
    threads_at_once(written)
    with api.env.adopt_user(username="city_admin"):
        page_views(portal, request, cases)
        subscriber(portal, request, cases)
    transaction.abort()
    shutil.rmtree(os.environ[log.ENVIRONMENT])


main(app)  # noqa: F821 - `app` is given by `zconsole run`
