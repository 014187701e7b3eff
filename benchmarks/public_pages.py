"""Anonymous page views of the public site against the stock Plone front page.

Run through public_pages.sh. Two sites in one fresh database, both with plone.app.caching's
"without caching proxy" profile (weak caching: ETags and the RAM cache for item and folder
views), served by waitress from this process; the load comes from a separate process (so the
client does not compete with Zope for the interpreter): N clients on keep-alive connections
request one page for S seconds, then the next page.

- Plone: the add-on with its demo content — home page, station finder, a guide;
- stock: plain Plone 6 Classic with Barceloneta and its default content — the front page.
"""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.users import UnrestrictedUser
from plone import api
from Products.CMFPlone.factory import addPloneSite
from Testing.makerequest import makerequest
from waitress.server import create_server
from zope.component.hooks import setSite
from ZPublisher.WSGIPublisher import publish_module

import json
import subprocess
import sys
import threading
import transaction
import urllib.request


SECONDS = float(sys.argv[-2])
CLIENTS = int(sys.argv[-1])
CACHING = "plone.app.caching:without-caching-proxy"
PAGES = [
    ("stock Plone front page", "/stock"),
    ("home page", "/Plone"),
    ("station finder", "/Plone/stations"),
    ("guide page", "/Plone/guides/wage-arrears-checklist"),
]

CLIENT = r"""
import http.client, json, sys, threading, time
port, path, seconds, clients = int(sys.argv[1]), sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
counts, errors = [0] * clients, [0] * clients
deadline = time.monotonic() + seconds
def run(i):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    while time.monotonic() < deadline:
        connection.request("GET", path, headers={"Accept-Language": "zh-CN"})
        response = connection.getresponse()
        body = response.read()
        if response.status == 200 and body:
            counts[i] += 1
        else:
            errors[i] += 1
threads = [threading.Thread(target=run, args=(i,)) for i in range(clients)]
start = time.monotonic()
for t in threads: t.start()
for t in threads: t.join()
print(json.dumps({"requests": sum(counts), "errors": sum(errors), "seconds": time.monotonic() - start}))
"""


def create_sites(app):
    admin = UnrestrictedUser("admin", "", ["Manager"], [])
    newSecurityManager(None, admin.__of__(app.acl_users))
    app = makerequest(app)
    addPloneSite(
        app,
        "Plone",
        title="随州市劳动保障“一站式”维权服务平台",
        setup_content=False,
        default_language="zh-cn",
        portal_timezone="Asia/Shanghai",
        extension_ids=[
            "plone.app.contenttypes:default",
            "plonetheme.barceloneta:default",
            "suizhou.laborrights:default",
            "suizhou.laborrights:demo",
            "plone.app.caching:default",
            CACHING,
        ],
    )
    transaction.commit()
    addPloneSite(
        app,
        "stock",
        title="Plone",
        setup_content=True,
        default_language="zh-cn",
        portal_timezone="Asia/Shanghai",
        extension_ids=[
            "plone.app.contenttypes:default",
            "plonetheme.barceloneta:default",
            "plone.app.caching:default",
            CACHING,
        ],
    )
    for site in (app.Plone, app.stock):
        enable_caching(site)
    transaction.commit()


def enable_caching(site):
    """Turn caching on (the profiles configure it; the switch is the control panel's)."""
    setSite(site)
    api.portal.set_registry_record("plone.caching.interfaces.ICacheSettings.enabled", True)
    setSite(None)


def serve():
    server = create_server(publish_module, host="127.0.0.1", port=0, threads=CLIENTS)
    threading.Thread(target=server.run, daemon=True).start()
    return server.effective_port


def measure(port, path):
    for _ in range(20):  # warm up: templates compiled, caches filled
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}") as response:
            assert response.status == 200, (path, response.status)
            size = len(response.read())
    result = subprocess.run(
        [sys.executable, "-c", CLIENT, str(port), path, str(SECONDS), str(CLIENTS)],
        capture_output=True,
        text=True,
        check=True,
    )
    data = json.loads(result.stdout)
    data["bytes"] = size
    return data


def main(app):
    create_sites(app)
    port = serve()
    rows = []
    for name, path in PAGES:
        data = measure(port, path)
        rate = data["requests"] / data["seconds"]
        rows.append((name, path, rate, data))
    stock = rows[0][2]
    print(f"{CLIENTS} clients, {SECONDS:g} s per page, plone.app.caching ({CACHING})")
    print(f"{'page':<24} {'path':<40} {'req/s':>8} {'ratio':>6} {'errors':>6} {'KiB':>6}")
    for name, path, rate, data in rows:
        print(
            f"{name:<24} {path:<40} {rate:8.1f} {rate / stock:6.2f} {data['errors']:6d}"
            f" {data['bytes'] / 1024:6.1f}"
        )


main(app)  # noqa: F821 - `app` is given by zconsole
