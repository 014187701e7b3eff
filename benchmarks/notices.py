"""What the automatic notices cost the handling (documents/automatic.py) and what the stored PDF
saves (issuing.pdf_of).

Run through notices.sh. On a fresh site with one handling unit, in one process:

- routing then closing a case (``handling.assignment.route``, ``cases.closure.close_case``),
  each committed, in blocks of B cases with the automatic notices' subscribers registered and
  unregistered by turns (4 blocks each, after a warm-up), so both see the same database and
  machine load: ms per routing and per closure, p50/p95;
- the PDF of an issued notice: the first download (LibreOffice converts, the PDF is stored and
  committed) and the second (read from the stored blob), over 10 notices.
"""

from benchlib import as_admin
from benchlib import new_site
from benchlib import summary
from benchlib import timed
from plone import api
from suizhou.laborrights.cases.closure import close_case
from suizhou.laborrights.cases.register import create_case
from suizhou.laborrights.content.case import ICase
from suizhou.laborrights.documents import automatic
from suizhou.laborrights.documents import issuing
from suizhou.laborrights.documents import pdf_convert
from suizhou.laborrights.handling import events
from suizhou.laborrights.handling.assignment import route
from zope.component import getGlobalSiteManager

import sys
import transaction


BLOCK = int(sys.argv[-1])
SUBSCRIBERS = (
    (automatic.case_accepted, (ICase, events.ICaseAccepted)),
    (automatic.case_closed, (ICase, events.ICaseClosed)),
)
FIELDS = {
    "channel": "window",
    "district": "zengdu",
    "applicant_name": "王小明",
    "applicant_phone": "13907221234",
    "employer_name": "随州市某某机械有限公司",
    "dispute_types": ["wage_arrears"],
    "workers_involved": 1,
    "facts": "2026年8月至10月工资未发放。",
}


def subscribe(on):
    registry = getGlobalSiteManager()
    for handler, required in SUBSCRIBERS:
        if on:
            registry.registerHandler(handler, required)
        else:
            registry.unregisterHandler(handler, required)


def committed(function, *args, **kwargs):
    """(wall, CPU) milliseconds of the call and its commit."""
    wall, cpu, _result = timed(lambda: (function(*args, **kwargs), transaction.commit()))
    return wall, cpu


def accept(case, unit):
    route(case, unit, route="mediation")
    api.content.transition(case, transition="accept")


def handle(unit, times):
    case = create_case(**FIELDS)
    transaction.commit()
    times["route"].append(committed(accept, case, unit))
    times["close"].append(committed(close_case, case, "mediated", mediation_result="agreement"))
    return case


def main(app):
    portal = new_site(as_admin(app))
    unit = api.content.create(
        container=portal.stations.zengdu,
        type="ServiceStation",
        id="zengdu-center",
        title="曾都区劳动保障维权中心",
        level="center",
        district="zengdu",
        address="随州市曾都区",
    ).UID()
    transaction.commit()
    for _n in range(5):  # warm-up, not counted
        handle(unit, {"route": [], "close": []})
    times = {on: {"route": [], "close": []} for on in (True, False)}
    cases = []
    for block in range(8):
        on = block % 2 == 0
        subscribe(on)
        for _n in range(BLOCK):
            case = handle(unit, times[on])
            if on:
                cases.append(case)
    subscribe(True)
    for on in (True, False):
        label = "with the automatic notices" if on else "without them"
        print(f"Routing and accepting, {label}: {summary(times[on]['route'])}")
        print(f"Closing, {label}: {summary(times[on]['close'])}")
    if not pdf_convert.available():
        print("LibreOffice not installed: no PDF times")
        return
    first, second = [], []
    for case in cases[:10]:
        document = issuing.latest(case, "closure")
        first.append(committed(issuing.pdf_of, document))
        second.append(committed(issuing.pdf_of, document))
    print(f"PDF of an issued notice, first download (LibreOffice, stored): {summary(first)}")
    print(f"PDF of an issued notice, second download (the stored blob): {summary(second)}")


main(app)  # noqa: F821 (zconsole run provides ``app``)
