"""Public filing: the create-case action against easyform's stock save-data action.

Run through filing_benchmark.sh, which gives each step its own process:

- ``setup`` (under zconsole, on a fresh FileStorage): a site with the add-on, whose
  ``apply/complaint`` form files cases, and ``apply/complaint-savedata``, the same field model
  with easyform's save-data action instead. Both answer a submission with a redirect (ours to
  the receipt, the stock one to a thank-you address), so both are measured doing the same
  thing: validate, run the action, commit, redirect.
- ``client <site url> <count> <result file>`` (plain Python, over HTTP): warms each form up
  with 10 submissions, then posts ``count`` valid submissions to each form one after the other,
  then ``count`` more from 4 clients at once, as a browser would (multipart, with the form's
  CSRF token), the two forms taking turns in blocks of 50; prints both rates, the ratio and how
  many submissions were lost (answered with an error instead of the redirect), and writes how
  many each form accepted to the result file.
- ``verify <result file>`` (under zconsole, after the server stopped): what was stored equals
  what was accepted.
"""

import sys
import time


SAVEDATA_ACTIONS = """<?xml version="1.0" encoding="utf-8"?>
<model xmlns="http://namespaces.plone.org/supermodel/schema">
  <schema>
    <field name="saved" type="collective.easyform.actions.SaveData">
      <title>保存数据</title>
    </field>
  </schema>
</model>
"""
WARM_UP = 10


def setup(app):
    from AccessControl.SecurityManagement import newSecurityManager
    from AccessControl.users import UnrestrictedUser
    from plone import api
    from Products.CMFPlone.factory import addPloneSite
    from Testing.makerequest import makerequest
    from zope.component.hooks import setSite
    from zope.globalrequest import setRequest

    import transaction

    app = makerequest(app)
    setRequest(app.REQUEST)
    newSecurityManager(None, UnrestrictedUser("admin", "", ["Manager"], []).__of__(app.acl_users))
    portal = addPloneSite(
        app,
        "Plone",
        title="filing benchmark",
        setup_content=False,
        default_language="zh-cn",
        portal_timezone="Asia/Shanghai",
        extension_ids=[
            "plone.app.contenttypes:default",
            "plonetheme.barceloneta:default",
            "suizhou.laborrights:default",
        ],
    )
    setSite(portal)
    ours = portal["apply"]["complaint"]
    stock = api.content.create(
        container=portal["apply"],
        type="EasyForm",
        id="complaint-savedata",
        title="劳动保障投诉举报（保存数据）",
        safe_id=False,
    )
    stock.fields_model = ours.fields_model
    stock.actions_model = SAVEDATA_ACTIONS
    stock.thanksPageOverrideAction = "redirect_to"
    stock.thanksPageOverride = "string:${object_url}/thanks"
    stock.submitLabel = ours.submitLabel
    api.content.transition(obj=stock, to_state="published")
    transaction.commit()
    print("site created")


def submission(n):
    from stdnum.cn import ric
    from stdnum.cn import uscc

    id17 = f"421300199001{n % 28 + 1:02d}{n % 1000:03d}"
    code17 = f"91421300MA4{n % 1000000:06d}"
    return {
        "form.widgets.applicant_name": f"测试申请人{n}",
        "form.widgets.applicant_id_number": id17 + ric.calc_check_digit(id17 + "0"),
        "form.widgets.applicant_phone": f"139{n:08d}",
        "form.widgets.applicant_address": "随州市曾都区测试路1号",
        "form.widgets.employer_name": f"随州市测试公司{n}",
        "form.widgets.employer_credit_code": code17 + uscc.calc_check_digit(code17),
        "form.widgets.dispute_types:list": "wage_arrears",
        "form.widgets.dispute_types-empty-marker": "1",
        "form.widgets.district:list": "zengdu",
        "form.widgets.claim_amount": "12000",
        "form.widgets.workers_involved": "1",
        "form.widgets.facts": f"第{n}号：2026年8月至10月工资未发放，多次催要无果。",
        "form.widgets.request": "责令支付拖欠工资12000元。",
        "form.widgets.confirm:list": "selected",
        "form.widgets.confirm-empty-marker": "1",
        "form.buttons.submit": "提交申请",
    }


BLOCK = 50
CLIENTS = 4
FORMS = {  # name: (path, first submission number)
    "save-data": ("apply/complaint-savedata", 100000),
    "create-case": ("apply/complaint", 200000),
}


def post(session, url, token, n):
    """One submission as a browser sends it; returns the HTTP status."""
    data = dict(submission(n), _authenticator=token)
    files = {key: (None, value) for key, value in data.items()}
    return session.post(url, files=files, allow_redirects=False).status_code


def post_all(session, url, token, numbers):
    for n in numbers:
        status = post(session, url, token, n)
        if status != 302:
            raise RuntimeError(f"{url}: submission {n} answered {status}")


def post_concurrently(url, token, numbers):
    """``numbers`` submitted by CLIENTS clients at once; returns the statuses that were not a
    redirect to the receipt or thank-you page (each one a submission lost)."""
    import requests
    import threading

    pending, failed, lock = iter(numbers), [], threading.Lock()

    def client():
        session = requests.Session()
        while True:
            with lock:
                n = next(pending, None)
            if n is None:
                return
            status = post(session, url, token, n)
            if status != 302:
                with lock:
                    failed.append(status)

    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return failed


def form_token(session, url):
    import re

    page = session.get(url).text
    return re.search(r'name="_authenticator" value="([0-9a-f]+)"', page).group(1)


def timed_in_blocks(count, submit):
    """Run ``submit(form name, numbers)`` for both forms in alternating blocks of BLOCK
    submissions, so that whatever else the machine does weighs on both alike; returns
    {form name: seconds}."""
    seconds = dict.fromkeys(FORMS, 0.0)
    for block_start in range(0, count, BLOCK):
        block = range(block_start, min(count, block_start + BLOCK))
        for name in FORMS:
            start = time.perf_counter()
            submit(name, block)
            seconds[name] += time.perf_counter() - start
    return seconds


def client(site_url, count, result_file):
    import json
    import requests

    session = requests.Session()
    urls = {name: f"{site_url}/{path}" for name, (path, _first) in FORMS.items()}
    tokens = {name: form_token(session, url) for name, url in urls.items()}
    for name, (_path, first) in FORMS.items():
        post_all(session, urls[name], tokens[name], range(first, first + WARM_UP))

    def sequential(name, block):
        first = FORMS[name][1] + WARM_UP
        post_all(session, urls[name], tokens[name], [first + n for n in block])

    lost = {name: [] for name in FORMS}

    def concurrent(name, block):
        first = FORMS[name][1] + WARM_UP + count
        lost[name] += post_concurrently(urls[name], tokens[name], [first + n for n in block])

    rates = {}
    for label, submit in (("sequential, one client", sequential), (f"{CLIENTS} clients at once", concurrent)):
        seconds = timed_in_blocks(count, submit)
        rates[label] = {name: count / seconds[name] for name in FORMS}
    print(f"{count} submissions per action and run (after {WARM_UP} warm-up each), the two forms")
    print(f"alternating in blocks of {BLOCK}:")
    for label, rate in rates.items():
        print(
            f"  {label:24} save-data {rate['save-data']:5.1f}/s, create-case "
            f"{rate['create-case']:5.1f}/s, ratio {rate['create-case'] / rate['save-data']:.2f}"
        )
    for name, statuses in lost.items():
        print(f"  lost with {CLIENTS} clients, {name}: {len(statuses)} of {count} ({100 * len(statuses) / count:.1f} %)"
              f"{' ' + str(sorted(set(statuses))) if statuses else ''}")
    accepted = {name: WARM_UP + 2 * count - len(statuses) for name, statuses in lost.items()}
    with open(result_file, "w") as out:
        json.dump(accepted, out)


def verify(app, result_file):
    """What the server said it accepted is what the database holds."""
    from zope.component.hooks import setSite

    import json

    with open(result_file) as accepted_file:
        accepted = json.load(accepted_file)
    portal = app.Plone
    setSite(portal)
    catalog = portal.portal_catalog
    cases = len(catalog.unrestrictedSearchResults(portal_type="Case", channel="web"))
    stock = portal["apply"]["complaint-savedata"]
    rows = sum(len(storage) for storage in getattr(stock, "_inputStorage", {}).values())
    print(
        f"stored: {cases} cases (accepted {accepted['create-case']}), "
        f"{rows} saved rows (accepted {accepted['save-data']})"
    )
    if cases != accepted["create-case"] or rows != accepted["save-data"]:
        sys.exit(1)


def arguments():
    """The arguments after this script's name (zconsole puts its own before it)."""
    for index, arg in enumerate(sys.argv):
        if arg.endswith("filing_benchmark.py"):
            return sys.argv[index + 1 :]
    return sys.argv[1:]


if __name__ == "__main__":
    command, *rest = arguments()
    if command == "client":
        client(rest[0].rstrip("/"), int(rest[1]), rest[2])
    elif command == "setup":
        setup(app)  # noqa: F821 - `app` is given by zconsole
    elif command == "verify":
        verify(app, rest[0])  # noqa: F821
