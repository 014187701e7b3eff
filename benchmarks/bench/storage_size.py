"""Data.fs bytes per case against a plain Dexterity item, before and after packing.

Run by benchmarks/bench.sh (`make bench`) on a fresh FileStorage (fresh_storage.sh):
    storage_size.py N
A site with the add-on; N cases filed through ``register.create_case`` (the register's
reference numbers, bins, catalog, history: what a filing writes), committed in batches of 500,
received over three years in the six districts and six dispute types; then N plain Dexterity
items (plone.app.contenttypes' Document, a title and a line of text, catalogued) in a folder.
The storage is packed before each kind, so each figure is that kind's own growth: bytes per
object as written (every transaction's old revisions still there) and after packing.
"""

from datetime import datetime
from datetime import timedelta
from plone import api
from suizhou.laborrights.cases.register import create_case
from suizhou.laborrights.timezone import TIMEZONE

import benchlib
import pytz
import random
import sys
import time
import transaction


ITEMS = int(sys.argv[-1])
BATCH = 500
DISTRICTS = ("city", "zengdu", "suixian", "guangshui", "hitech", "dahongshan")
TYPES = ("wage_arrears", "labor_contract", "dismissal", "social_insurance", "work_injury", "overtime")
THREE_YEARS_IN_MINUTES = 3 * 365 * 24 * 60


def file_case(n, rng):
    # pytz, as the register stores it (ZODB pickles pytz zones, not zoneinfo)
    first = pytz.timezone(TIMEZONE).localize(datetime(2024, 1, 1, 9))
    create_case(
        received=first + timedelta(minutes=n * THREE_YEARS_IN_MINUTES // max(ITEMS, 1)),
        channel="web",
        district=rng.choice(DISTRICTS),
        applicant_name="王小明",
        applicant_phone=f"139{n:08d}",
        dispute_types=[rng.choice(TYPES)],
        workers_involved=1,
        facts="2026年8月至10月工资未发放，多次催要无果，请求支付拖欠工资。",
    )


def add_item(n, folder):
    api.content.create(
        container=folder,
        type="Document",
        id=f"item-{n}",
        title=f"工资支付条例解读 {n}",
        description="2026年8月至10月工资未发放，多次催要无果，请求支付拖欠工资。",
    )


def growth(db, portal, create):
    """Bytes the storage grew by for ITEMS objects, as written and after packing; seconds."""
    db.pack(time.time())
    before = db.getSize()
    start = time.perf_counter()
    for n in range(ITEMS):
        create(n)
        if n % BATCH == BATCH - 1:
            transaction.commit()
            portal._p_jar.cacheGC()
    transaction.commit()
    seconds = time.perf_counter() - start
    written = db.getSize() - before
    db.pack(time.time())
    return written, db.getSize() - before, seconds


def main(app):
    app = benchlib.as_admin(app)
    portal = benchlib.new_site(app)
    folder = api.content.create(container=portal, type="Folder", id="plain", title="plain")
    transaction.commit()
    db = app._p_jar.db()
    rng = random.Random(5)
    cases = growth(db, portal, lambda n: file_case(n, rng))
    items = growth(db, portal, lambda n: add_item(n, folder))
    print(f"{ITEMS} of each kind; Data.fs (FileStorage), packed before each kind")
    print()
    benchlib.table(
        ("kind", "written in", "bytes per object as written", "after packing", "after packing, × plain item"),
        (
            (name, f"{seconds:.0f} s", f"{written / ITEMS:,.0f}", f"{packed / ITEMS:,.0f}", f"{packed / items[1]:.2f}")
            for name, (written, packed, seconds) in (
                ("case (create_case)", cases),
                ("plain Dexterity item (Document)", items),
            )
        ),
    )


main(app)  # noqa: F821 - `app` is given by zconsole
