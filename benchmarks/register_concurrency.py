"""Concurrent filings: how many creates are lost to write conflicts, and at what rate.

Run through register_concurrency.sh. Both scenarios run in the same process on the same
fresh database, each with N writer threads on their own connections, each create retried as
Zope retries a request (3 times by default; the site is configured with 10):

- stock: a Document with the applicant's text as title and body, in an ordinary Plone folder
  (ordered, full-text indexed) — what a site built on stock types would do;
- register: ``suizhou.laborrights.cases.register.create_case`` — unordered large-bucket bins,
  sequence numbers in their own transaction, cases kept out of unqueried indexes.
"""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.users import UnrestrictedUser
from plone import api
from Products.CMFPlone.factory import addPloneSite
from suizhou.laborrights.cases.register import create_case
from Testing.makerequest import makerequest
from zope.component.hooks import setSite
from zope.globalrequest import setRequest

import sys
import threading
import time
import transaction


ADMIN = UnrestrictedUser("admin", "", ["Manager"], [])
WRITERS = int(sys.argv[-2])
ITEMS = int(sys.argv[-1])

FIELDS = {
    "channel": "web",
    "district": "zengdu",
    "applicant_name": "王小明",
    "applicant_phone": "13907221234",
    "dispute_types": ["wage_arrears"],
    "workers_involved": 1,
    "facts": "2026年8月至10月工资未发放，多次催要无果，请求支付拖欠工资。",
}


def stock_create(portal, n):
    api.content.create(
        container=portal.stock,
        type="Document",
        title=f"王小明 欠薪投诉 {n}",
        description=FIELDS["facts"],
    )


def register_create(portal, n):
    create_case(**FIELDS)


def writer(db, create, retries, results):
    try:
        _writer(db, create, retries, results)
    except Exception as error:
        print("writer failed:", repr(error), file=sys.stderr)
        raise


def _writer(db, create, retries, results):
    connection = db.open()
    app = makerequest(connection.root()["Application"])
    setRequest(app.REQUEST)
    newSecurityManager(None, ADMIN.__of__(app.acl_users))
    portal = app.Plone
    setSite(portal)
    created = lost = conflicts = 0
    for n in range(ITEMS):
        for _attempt in range(retries + 1):
            try:
                create(portal, n)
                transaction.commit()
                created += 1
                break
            except Exception:  # ConflictError and the like, as the publisher sees them
                transaction.abort()
                conflicts += 1
        else:
            lost += 1
    results.append((created, lost, conflicts))
    setSite(None)
    connection.close()


def run(db, name, create, retries):
    results = []
    threads = [
        threading.Thread(target=writer, args=(db, create, retries, results)) for _ in range(WRITERS)
    ]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - start
    created = sum(r[0] for r in results)
    lost = sum(r[1] for r in results)
    conflicts = sum(r[2] for r in results)
    attempted = WRITERS * ITEMS
    print(
        f"| {name} | {retries} | {attempted} | {created} | {lost} ({100 * lost / attempted:.1f} %) "
        f"| {conflicts} | {created / seconds:.1f} |"
    )


def main(app):
    app = makerequest(app)
    newSecurityManager(None, ADMIN.__of__(app.acl_users))
    addPloneSite(
        app,
        "Plone",
        setup_content=False,
        default_language="zh-cn",
        portal_timezone="Asia/Shanghai",
        extension_ids=["plone.app.contenttypes:default", "suizhou.laborrights:default"],
    )
    setSite(app.Plone)
    api.content.create(container=app.Plone, type="Folder", id="stock", title="stock")
    transaction.commit()
    setSite(None)
    db = app._p_jar.db()
    print(f"{WRITERS} writers × {ITEMS} creates each")
    print("| scenario | retries | attempted | created | lost | conflicts | creates/s |")
    print("|---|---|---|---|---|---|---|")
    for retries in (3, 10):
        run(db, "stock folder + Document", stock_create, retries)
        run(db, "case register", register_create, retries)


main(app)  # noqa: F821 - `app` is given by `bin/instance run`
