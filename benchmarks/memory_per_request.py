"""What each kind of request leaves behind in the process: the classes and the other objects the
garbage collector tracks (containers and instances; not strings or numbers, so the second column
is a count, not bytes) still alive after a collection. Run through memory_per_request.sh.

On a fresh site with a case, served in this process as an instance serves it (``publish_module``,
the requests made by zope.testbrowser, a new browser per request so that the client keeps
nothing): each kind of request is made ``WARM`` times (templates compiled, caches filled), then
the objects alive are counted by type (after the background work of the requests is done), then
it is made ``REQUESTS`` times more and they are counted again. Growth that stays is memory the
process never gives back: a class per request is a leak (zope.interface's lookup cache keeps
classes for good); persistent objects and their BTrees are the ZODB cache filling up (bounded by
its size).

The kinds that use the two replaced helpers (collective.easyform's ``superAdapter``, z3c.form's
``makeDummyObject``: a new class per call) run twice, side by side: first with
``class_per_interface``'s (one class per interface), then with the libraries' own, switched in
this process (the libraries' row comes second, so the ZODB cache filling up falls on ours).
"""

from collections import Counter
from collective.easyform import fields as easyform_fields
from plone import api
from suizhou.laborrights import background
from suizhou.laborrights import class_per_interface
from suizhou.laborrights.cases.register import create_case
from urllib.parse import urlencode
from z3c.form import object as z3c_object
from zope.testbrowser.browser import Browser
from ZPublisher.WSGIPublisher import publish_module

import base64
import benchlib
import gc
import json
import sys
import transaction


REQUESTS = int(sys.argv[-1])
JSON = ("Accept", "application/json")
WARM = 5
SITE = "http://localhost/Plone"
ADMIN_AUTH = "Basic " + base64.b64encode(b"memory_admin:benchmark-password-1").decode()  # the site's Manager
LIBRARIES = {  # the libraries' own helpers, kept by the patch (configure.zcml preserveOriginal)
    (easyform_fields, "superAdapter"): easyform_fields._old_superAdapter,
    (z3c_object, "makeDummyObject"): z3c_object._old_makeDummyObject,
}


def browser(*headers):
    made = Browser(wsgi_app=publish_module)
    made.raiseHttpErrors = False
    made.addHeader("Accept-Language", "zh-CN")
    for name, value in headers:
        made.addHeader(name, value)
    return made


def applicant(seq):
    return {"name": f"测试申请人{seq}", "phone": f"139{seq:08d}", "id_number": benchlib.id_number(seq % 1000)}


def view_form():
    browser().open(f"{SITE}/apply/complaint")


def file_form(seq):
    page = browser()
    page.open(f"{SITE}/apply/complaint")
    person = applicant(seq)
    for name, value in {
        "applicant_name": person["name"],
        "applicant_id_number": person["id_number"],
        "applicant_phone": person["phone"],
        "employer_name": f"随州市测试第{seq}号有限公司",
        "workers_involved": "1",
        "facts": f"第{seq}号测试：工资未发放。",
    }.items():
        page.getControl(name=f"form.widgets.{name}").value = value
    page.getControl(name="form.widgets.dispute_types:list").value = ["wage_arrears"]
    page.getControl(name="form.widgets.district:list").value = ["zengdu"]
    page.getControl(name="form.widgets.confirm:list").value = ["selected"]
    page.getControl(name="form.buttons.submit").click()
    assert "@@filing-receipt" in page.url, page.url


def post_case(seq):
    client = browser(JSON, ("Authorization", ADMIN_AUTH))
    body = {
        "dispute_types": ["wage_arrears"],
        "applicant": applicant(seq),
        "workers_involved": 1,
        "facts": f"第{seq}号测试：工资未发放。",
        "district": "zengdu",
        "channel": "web",
    }
    client.post(f"{SITE}/@cases", json.dumps(body), "application/json")
    assert client.headers["status"].startswith("201"), client.contents[:300]


def api_search(seq):
    client = browser(JSON, ("Authorization", ADMIN_AUTH))
    client.open(f"{SITE}/@search?portal_type=Case&fullobjects=1")
    assert client.headers["status"].startswith("200"), client.headers["status"]


def staff_page(path):
    def open_page(seq):
        page = browser(("Authorization", ADMIN_AUTH))
        page.open(path() if callable(path) else f"{SITE}/{path}")
        assert page.headers["status"].startswith("200"), (page.url, page.headers["status"])

    return open_page


def alive():
    background.drain(timeout=60)
    gc.collect()
    return Counter(type(obj) for obj in gc.get_objects())


def measure(work, first):
    for seq in range(first, first + WARM):
        work(seq)
    before = alive()
    for seq in range(first + WARM, first + WARM + REQUESTS):
        work(seq)
    grown = alive()
    grown.subtract(before)
    objects = sum(grown.values()) / REQUESTS
    classes = grown[type] / REQUESTS
    top = ", ".join(f"{kind.__name__} {count / REQUESTS:+.1f}" for kind, count in grown.most_common(3) if count > 0)
    return objects, classes, top


def use(helpers):
    """``helpers``: "libraries" (a class per call) or "ours" (class_per_interface)."""
    for (module, name), original in LIBRARIES.items():
        setattr(module, name, original if helpers == "libraries" else getattr(class_per_interface, name))


def main(app):
    portal = benchlib.new_site(benchlib.as_admin(app))
    case = create_case(
        district="zengdu",
        channel="window",
        applicant_name="测试申请人",
        applicant_phone="13907221234",
        dispute_types=["wage_arrears"],
        workers_involved=1,
        facts="……",
    )
    api.user.create(
        email="admin@example.org", username="memory_admin", password="benchmark-password-1", roles=("Manager",)
    )
    case_url = case.absolute_url().replace(portal.absolute_url(), SITE)
    transaction.commit()
    status = f"{SITE}/@case-status?" + urlencode({"reference": case.getId(), "phone": "13800000000"})
    kinds = [
        ("申请表页面（GET，匿名）", lambda seq: view_form(), True),
        ("网上申请（表单页 + 提交，匿名）", file_form, True),
        ("事项编辑表单（员工）", staff_page(lambda: f"{case_url}/edit"), True),
        ("首页（匿名）", lambda seq: browser().open(SITE), False),
        ("进度查询页（匿名）", lambda seq: browser().open(f"{SITE}/@@case-progress"), False),
        ("GET @case-status，手机号不符（匿名）", lambda seq: browser(JSON).open(status), False),
        ("POST @cases（员工）", post_case, False),
        ("@search，完整对象（员工）", api_search, False),
        ("事项页（员工）", staff_page(lambda: case_url), False),
        ("办理记录（员工）", staff_page(lambda: f"{case_url}/@@case-history"), False),
        ("分办表单（员工）", staff_page(lambda: f"{case_url}/@@route-case"), False),
        ("工作台（员工）", staff_page("@@worklist"), False),
        ("员工检索（员工）", staff_page("@@case-search?q=%E6%B5%8B%E8%AF%95"), False),
        ("统计（员工）", staff_page("@@statistics"), False),
        ("预警（员工）", staff_page("@@warnings"), False),
        ("区县人员（员工）", staff_page("@@district-staff"), False),
    ]
    print(f"- fresh site, {REQUESTS} requests of each kind measured after {WARM} to warm up")
    print()
    print("| 请求 | 替换的函数 | 每个请求留下的对象 | 其中类 | 增加最多的类型 |")
    print("|---|---|---|---|---|")
    seq = 1
    for label, work, both in kinds:
        for helpers in ("ours", "libraries") if both else ("ours",):
            use(helpers)
            objects, classes, top = measure(work, seq)
            seq += WARM + REQUESTS
            shown = "库自带（每次新建类）" if helpers == "libraries" else "每接口一个类"
            print(f"| {label} | {shown} | {objects:+.1f} | {classes:+.1f} | {top} |", flush=True)
    use("ours")


main(app)  # noqa: F821 - `app` is given by `zconsole run`
