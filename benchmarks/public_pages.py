"""Anonymous page views of the public site against the stock Plone front page.

Run through public_pages.sh. Two sites in one fresh database, both with plone.app.caching's
"without caching proxy" profile (weak caching: ETags and the RAM cache for item and folder
views), served by waitress from this process; the load comes from a separate process (so the
client does not compete with Zope for the interpreter): N clients on keep-alive connections
request one page for S seconds, then the next page.

- Plone: the add-on with its demo content — home page, station finder, a guide;
- stock: plain Plone 6 Classic with Barceloneta and its default content — the front page.

Requests name the host ``localhost``: plone.app.theming leaves pages for ``127.0.0.1``
unthemed (its default "unthemed hosts"), and visitors get the themed page.

Two figures per page: requests/s over HTTP (what a visitor's browser gets, including sending
the page) and requests/s of the application alone (the WSGI app called in-process, one request
at a time), and each as a ratio to the stock front page. Both take turns: every page gets a
block in each of ROUNDS rounds, so a change of the machine's load hits all pages alike.
"""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.users import UnrestrictedUser
from plone import api
from Products.CMFPlone.factory import addPloneSite
from Testing.makerequest import makerequest
from waitress.server import create_server
from zope.component.hooks import setSite
from ZPublisher.WSGIPublisher import publish_module

import io
import json
import subprocess
import sys
import threading
import time
import transaction
import urllib.request


SECONDS = float(sys.argv[-2])  # per page, over all rounds
CLIENTS = int(sys.argv[-1])
ROUNDS = 5
APP_REQUESTS_PER_ROUND = 200
CACHING = "plone.app.caching:without-caching-proxy"
HOST = "localhost"  # not 127.0.0.1, for which plone.app.theming serves pages unthemed
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
    headers = {"Accept-Language": "zh-CN", "Host": f"localhost:{port}"}
    while time.monotonic() < deadline:
        connection.request("GET", path, headers=headers)
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


def in_process(path, count):
    """Seconds the application alone takes for `count` requests: the WSGI app called directly,
    one at a time (no HTTP, no client): what the page costs Zope, whatever its size on the wire."""
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "SERVER_NAME": HOST,
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": HOST,
        "HTTP_ACCEPT_LANGUAGE": "zh-CN",
        "wsgi.url_scheme": "http",
        "wsgi.errors": sys.stderr,
    }

    def call():
        statuses = []
        body = b"".join(
            publish_module(
                dict(environ, **{"wsgi.input": io.BytesIO(b"")}), lambda s, h, e=None: statuses.append(s)
            )
        )
        assert statuses[0].startswith("200") and body, (path, statuses)

    start = time.perf_counter()
    for _ in range(count):
        call()
    return time.perf_counter() - start


def warm_up(port, path):
    """Templates compiled, caches filled; returns the page's size."""
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Host": f"{HOST}:{port}"})
    for _ in range(20):
        with urllib.request.urlopen(request) as response:
            assert response.status == 200, (path, response.status)
            body = response.read()
    assert b"++theme++" in body, f"{path} is not themed"  # the theme's own assets
    return len(body)


def over_http(port, path, seconds):
    result = subprocess.run(
        [sys.executable, "-c", CLIENT, str(port), path, str(seconds), str(CLIENTS)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def main(app):
    create_sites(app)
    port = serve()
    paths = [path for _name, path in PAGES]
    sizes = {path: warm_up(port, path) for path in paths}
    app_seconds = dict.fromkeys(paths, 0.0)
    http = {path: {"requests": 0, "errors": 0, "seconds": 0.0} for path in paths}
    for _round in range(ROUNDS):
        for path in paths:
            app_seconds[path] += in_process(path, APP_REQUESTS_PER_ROUND)
        for path in paths:
            data = over_http(port, path, SECONDS / ROUNDS)
            for key in http[path]:
                http[path][key] += data[key]
    rows = []
    for name, path in PAGES:
        data = dict(http[path], bytes=sizes[path])
        app_rate = ROUNDS * APP_REQUESTS_PER_ROUND / app_seconds[path]
        rows.append((name, path, data["requests"] / data["seconds"], app_rate, data))
    stock_http, stock_app = rows[0][2], rows[0][3]
    print(f"plone.app.caching ({CACHING}); HTTP: {CLIENTS} clients, {SECONDS:g} s per page;"
          f" {ROUNDS} rounds, pages taking turns")
    print(
        f"{'page':<24} {'path':<38} {'KiB':>5} {'HTTP req/s':>10} {'ratio':>6} {'errors':>6}"
        f" {'app req/s':>9} {'ratio':>6}"
    )
    for name, path, http_rate, app_rate, data in rows:
        print(
            f"{name:<24} {path:<38} {data['bytes'] / 1024:5.1f} {http_rate:10.1f}"
            f" {http_rate / stock_http:6.2f} {data['errors']:6d} {app_rate:9.1f} {app_rate / stock_app:6.2f}"
        )


main(app)  # noqa: F821 - `app` is given by zconsole
