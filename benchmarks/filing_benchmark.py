"""Public filing: the create-case action against easyform's stock save-data action.

Run through filing_benchmark.sh, which gives each step its own process:

- ``setup`` (under zconsole, on a fresh FileStorage): a site with the add-on, whose
  ``apply/complaint`` form files cases, and ``apply/complaint-savedata``, the same field model
  with easyform's save-data action instead. Both answer a submission with a redirect (ours to
  the receipt, the stock one to a thank-you address), so both are measured doing the same
  thing: validate, run the action, commit, redirect.
- ``client <site url> <count>`` (plain Python, over HTTP): warms each form up with 10
  submissions, then posts ``count`` valid submissions to each form, one after the other, the
  two forms taking turns in blocks of 50, as a browser would (multipart, with the form's CSRF
  token), and prints both rates and the ratio.
- ``verify <count>`` (under zconsole, after the server stopped): counts what was stored.
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


def post_all(session, url, token, numbers):
    import requests

    for n in numbers:
        data = dict(submission(n), _authenticator=token)
        response = session.post(url, files={k: (None, v) for k, v in data.items()}, allow_redirects=False)
        if response.status_code != 302:
            raise RuntimeError(f"{url}: submission {n} answered {response.status_code}")
    return requests


BLOCK = 50


def form_token(session, url):
    import re

    page = session.get(url).text
    return re.search(r'name="_authenticator" value="([0-9a-f]+)"', page).group(1)


def client(site_url, count):
    """Both forms in alternating blocks of 50 submissions, so that whatever else the machine
    does during the run weighs on both rates alike."""
    import requests

    session = requests.Session()
    forms = {
        "save-data": (f"{site_url}/apply/complaint-savedata", 100000),
        "create-case": (f"{site_url}/apply/complaint", 200000),
    }
    tokens = {name: form_token(session, url) for name, (url, _offset) in forms.items()}
    for name, (url, offset) in forms.items():
        post_all(session, url, tokens[name], range(offset, offset + WARM_UP))
    seconds = dict.fromkeys(forms, 0.0)
    for block_start in range(0, count, BLOCK):
        numbers = range(block_start, min(count, block_start + BLOCK))
        for name, (url, offset) in forms.items():
            start = time.perf_counter()
            post_all(session, url, tokens[name], [offset + WARM_UP + n for n in numbers])
            seconds[name] += time.perf_counter() - start
    savedata, create_case = (count / seconds[name] for name in forms)
    print(f"submissions per action: {count} (after {WARM_UP} warm-up), sequential, one client,")
    print(f"the two forms alternating in blocks of {BLOCK}")
    print(f"save-data (easyform):     {savedata:6.1f} submissions/s")
    print(f"create-case (this site):  {create_case:6.1f} submissions/s")
    print(f"ratio create-case/save-data: {create_case / savedata:.2f}")


def verify(app, count):
    from zope.component.hooks import setSite

    portal = app.Plone
    setSite(portal)
    catalog = portal.portal_catalog
    cases = len(catalog.unrestrictedSearchResults(portal_type="Case", channel="web"))
    stock = portal["apply"]["complaint-savedata"]
    rows = sum(len(storage) for storage in getattr(stock, "_inputStorage", {}).values())
    expected = count + WARM_UP
    print(f"stored: {cases} cases (expected {expected}), {rows} saved rows (expected {expected})")
    if cases != expected or rows != expected:
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
        client(rest[0].rstrip("/"), int(rest[1]))
    elif command == "setup":
        setup(app)  # noqa: F821 - `app` is given by zconsole
    elif command == "verify":
        verify(app, int(rest[0]))  # noqa: F821
