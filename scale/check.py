"""The checks of `make test-scale` (scale/run.sh), in plain HTTP against running instances.

    python3 scale/check.py cross   A_URL B_URL --state FILE   file on A, see and handle on B, back on A
    python3 scale/check.py add     A_URL       --state FILE   one more case with an attachment
    python3 scale/check.py verify  A_URL       --state FILE   every case, attachment and document there
    python3 scale/check.py varnish PROXY_URL SITE_URL         what Varnish caches and what it never does
    python3 scale/check.py write PROXY_URL                    one staff filing through the proxy
    python3 scale/check.py mail-server SITE_URL PORT          the site's mail goes to 127.0.0.1:PORT
    python3 scale/check.py mail-sink PORT DIR                 an SMTP server keeping each mail in DIR
    python3 scale/check.py web-filing SITE_URL EMAIL FILE     file the complaint form; its reference in FILE
    python3 scale/check.py receipt DIR FILE EMAIL             that receipt, with its PDF, in DIR once (90 s)

A_URL, B_URL, SITE_URL: a Plone site on an instance (http://127.0.0.1:18081/Plone); PROXY_URL:
the same site through Varnish. The Zope administrator is SCALE_ADMIN (user:password). Every
check prints one PASS/FAIL line (also appended to SCALE_RESULTS when set); the exit status is 1
when any failed. Standard library only.
"""

from email import message_from_binary_file
from email import policy
from urllib.error import HTTPError
from urllib.parse import quote
from urllib.parse import urlencode

import argparse
import base64
import hashlib
import json
import os
import re
import sys
import time
import urllib.request


FAILED = []


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """Redirects are answers of their own (what a proxy sees), not followed."""

    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)
EDITOR = ("scale-editor", "Scale-Editor-Pw-2718")


def record(ok, what):
    line = f"{'PASS' if ok else 'FAIL'}: {what}"
    print(line, flush=True)
    if not ok:
        FAILED.append(what)
    if os.environ.get("SCALE_RESULTS"):
        with open(os.environ["SCALE_RESULTS"], "a") as results:
            results.write(line + "\n")
    return ok


class Response:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    def json(self):
        return json.loads(self.body)

    @property
    def hit(self):
        return self.headers.get("X-Cache", "")


def http(method, url, auth=None, data=None, headers=None, api=True):
    headers = dict(headers or {})
    if api:
        headers.setdefault("Accept", "application/json")
    if data is not None and not isinstance(data, bytes):
        data = json.dumps(data).encode()
        headers["Content-Type"] = "application/json"
    if auth:
        token = base64.b64encode(":".join(auth).encode()).decode()
        headers["Authorization"] = f"Basic {token}"
    request = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with OPENER.open(request, timeout=120) as response:
            return Response(response.status, response.headers, response.read())
    except HTTPError as error:
        return Response(error.code, error.headers, error.read())


def admin():
    user, _, password = os.environ["SCALE_ADMIN"].partition(":")
    return (user, password)


def file_case(site, name, phone, auth=None):
    """File a case through the public API (anonymous, as the mini program does, unless ``auth``)."""
    body = {
        "dispute_types": ["wage_arrears"],
        "applicant": {"name": name, "phone": phone},
        "employer": {"name": "随州市某某物流有限公司"},
        "claim_amount": "8600.00",
        "facts": f"{name}：2026年9月至10月的工资共8600元未发放。",
        "district": "zengdu",
        "channel": "mini_program",
    }
    response = http("POST", f"{site}/@cases", data=body, auth=auth)
    record(response.status == 201, f"POST @cases on {site} files a case ({response.status})")
    return response.json()["reference"] if response.status == 201 else None


def find_case(site, reference):
    """The case's URL, found by staff through @search."""
    response = http("GET", f"{site}/@search?portal_type=Case&getId={quote(reference)}", auth=admin())
    items = response.json().get("items", []) if response.status == 200 else []
    urls = [item["@id"] for item in items if item["@id"].rstrip("/").endswith("/" + reference)]
    return urls[0] if urls else None


def attach(case_url, label):
    content = f"{label}：工资条（附件）{time.time()}\n".encode() * 200
    body = {
        "@type": "CaseAttachment",
        "file": {
            "data": base64.b64encode(content).decode(),
            "encoding": "base64",
            "filename": f"{label}.txt",
            "content-type": "text/plain",
        },
    }
    response = http("POST", case_url, auth=admin(), data=body)
    record(response.status == 201, f"attachment added to {case_url} ({response.status})")
    url = response.json()["@id"] if response.status == 201 else None
    return url, hashlib.sha256(content).hexdigest()


def download(attachment_url):
    response = http("GET", f"{attachment_url}/@@download/file", auth=admin(), api=False)
    return hashlib.sha256(response.body).hexdigest() if response.status == 200 else None


def state_of(case_url):
    response = http("GET", case_url, auth=admin())
    return response.json().get("review_state") if response.status == 200 else None


def rejection_pdf(case_url):
    """The 不予受理通知书 issued by itself at the rejection: @@case-document leads (302) to the
    issued document's PDF, made by LibreOffice on this first download."""
    response = http("GET", f"{case_url}/@@case-document/rejection.pdf", auth=admin(), api=False)
    location = response.headers.get("Location", "")
    if response.status != 302 or "/@@issued-document/" not in location:
        return False
    response = http("GET", location, auth=admin(), api=False)
    return response.status == 200 and response.body.startswith(b"%PDF")


def load(path):
    return json.load(open(path)) if os.path.exists(path) else {"cases": []}


def save(path, state):
    with open(path, "w") as out:
        json.dump(state, out, ensure_ascii=False, indent=1)


def cross(a, b, state_file):
    """A case filed on A is seen and handled on B; B's handling is seen on A; blobs both ways."""
    state = load(state_file)
    reference = file_case(a, "王小明", "13907221234")
    if reference is None:
        return
    case_a = find_case(a, reference)
    case_b = find_case(b, reference)
    record(case_b is not None, f"{reference} filed on instance 1 is found by staff on instance 2")
    if not (case_a and case_b):
        return
    attachment, digest = attach(case_a, f"{reference}-a")
    seen = download(attachment.replace(a, b)) if attachment else None
    record(seen == digest, "an attachment added on instance 1 downloads unchanged from instance 2")
    other, other_digest = attach(case_b, f"{reference}-b")
    seen = download(other.replace(b, a)) if other else None
    record(seen == other_digest, "an attachment added on instance 2 downloads unchanged from instance 1")
    response = http(
        "POST", f"{case_b}/@workflow/reject", auth=admin(), data={"comment": "不属于劳动争议受理范围"}
    )
    record(response.status == 200, f"staff reject {reference} on instance 2 ({response.status})")
    seen_state = state_of(case_a)
    record(seen_state == "rejected", f"instance 1 sees the case rejected (review_state {seen_state})")
    record(rejection_pdf(case_a), "instance 1 issues the rejection notice (PDF) of the case handled on 2")
    state["cases"].append(
        {
            "reference": reference,
            "path": case_a[len(a) :],
            "state": "rejected",
            "attachments": [[attachment[len(a) :], digest], [other[len(b) :], other_digest]],
        }
    )
    save(state_file, state)


def add(a, state_file):
    state = load(state_file)
    reference = file_case(a, "李小红", "13907225678")
    case = find_case(a, reference) if reference else None
    record(case is not None, f"{reference} is found by staff")
    if case:
        attachment, digest = attach(case, f"{reference}-a")
        state["cases"].append(
            {
                "reference": reference,
                "path": case[len(a) :],
                "state": state_of(case),
                "attachments": [[attachment[len(a) :], digest]],
            }
        )
    save(state_file, state)


def verify(a, state_file):
    state = load(state_file)
    cases = state["cases"]
    record(bool(cases), f"{len(cases)} case(s) recorded before the backup")
    for case in cases:
        url = a + case["path"]
        found = state_of(url)
        record(found == case["state"], f"{case['reference']} is there, {found} (was {case['state']})")
        for path, digest in case["attachments"]:
            record(download(a + path) == digest, f"its attachment {path.rsplit('/', 1)[-1]} is intact")
        if case["state"] == "rejected":
            record(rejection_pdf(url), "its rejection notice (PDF) is issued again")
    response = http("GET", f"{a}/@search?portal_type=Case&b_size=1000", auth=admin())
    listed = {item["@id"].rstrip("/").rsplit("/", 1)[-1] for item in response.json().get("items", [])}
    expected = {case["reference"] for case in cases}
    record(expected <= listed, f"the catalog lists all {len(expected)} case(s) ({len(listed)} found)")


def editor_user(site):
    """A site user with the Editor role (the guides are edited by such staff)."""
    body = {"username": EDITOR[0], "password": EDITOR[1], "email": "editor@example.org", "roles": ["Editor"]}
    response = http("POST", f"{site}/@users", auth=admin(), data=body)
    return response.status in (201, 400, 409)  # created now, or by an earlier run


def anonymous_twice(proxy, path, **kwargs):
    first = http("GET", proxy + path, api=False, **kwargs)
    second = http("GET", proxy + path, api=False, **kwargs)
    return first, second


def varnish(proxy, site):
    editor_user(site)
    guide = http(
        "POST",
        f"{site}/guides",
        auth=admin(),
        data={"@type": "Guide", "id": "scale-check", "title": "欠薪维权须知"},
    )
    if guide.status != 201:
        guide = http("GET", f"{site}/guides/scale-check", auth=admin())
    record(guide.status in (200, 201), f"a guide to look at ({guide.status})")
    http("POST", f"{site}/guides/scale-check/@workflow/publish", auth=admin())
    path = "/guides/scale-check"

    first, second = anonymous_twice(proxy, path)
    third = http("GET", proxy + path, api=False)
    record(
        first.status == 200 and third.hit == "HIT",
        f"an anonymous page is served from Varnish's cache (X-Cache {first.hit}, {second.hit}, {third.hit}; "
        f"Age {third.headers.get('Age')})",
    )
    other = http("GET", proxy + path, api=False, headers={"Cookie": "_pk_id=statistics"})
    record(other.hit == "HIT", f"… also for a visitor with an unrelated cookie (X-Cache {other.hit})")
    new_title = f"欠薪维权须知（{int(time.time())}修订）"
    response = http("PATCH", f"{site}{path}", auth=EDITOR, data={"title": new_title})
    record(response.status == 204, f"the editor changes the published guide ({response.status})")
    for _attempt in range(20):  # the purge is sent by a thread after the commit
        after = http("GET", proxy + path, api=False)
        if new_title.encode() in after.body:
            break
        time.sleep(0.5)
    record(
        new_title.encode() in after.body,
        f"the change is purged from Varnish: the next anonymous GET shows it (X-Cache {after.hit})",
    )
    never_cached(proxy, site)
    for n in range(4):  # which instance took them: scale/run.sh reads Varnish's log
        file_case(proxy, f"窗口代填{n}", f"1390722980{n}", auth=admin())


def write(proxy):
    """One staff filing through the proxy (which instance took it: scale/run.sh reads Varnish's log)."""
    file_case(proxy, "窗口代填", "13907229899", auth=admin())


def never_cached(proxy, site):
    reference = file_case(proxy, "张小强", "13907229876")
    case = find_case(site, reference) if reference else None
    case_path = case[len(site) :] if case else "/cases"
    rules = [
        ("a staff page (worklist, Basic auth)", "/@@worklist", {"auth": admin()}),
        ("a case page (staff)", case_path, {"auth": admin()}),
        ("a case page (anonymous: not found)", case_path, {}),
        ("the case API for a logged-in user", case_path, {"auth": admin(), "api": True}),
        ("@search for a logged-in user", "/@search?portal_type=Guide", {"auth": EDITOR, "api": True}),
        ("the public guide for a logged-in editor", "/guides/scale-check", {"auth": EDITOR}),
        ("a page for a visitor with the login cookie", "/guides", {"headers": {"Cookie": "__ac=abc"}}),
        ("a response that sets a cookie (the logged-out page's message)", "/logged-out", {}),
        ("a page with a status message (its cookie)", "/guides", {"headers": {"Cookie": "statusmessages=x"}}),
        ("the public progress lookup", f"/@case-status?reference={reference}&phone=13907229876", {"api": True}),
    ]
    for form in filing_forms(site):
        rules.append((f"the filing form {form}", form, {}))
    for what, path, kwargs in rules:
        api = kwargs.pop("api", False)
        responses = [http("GET", proxy + path, api=api, **kwargs) for _ in range(3)]
        hits = [r.hit for r in responses]
        cookie = any(r.headers.get("Set-Cookie") for r in responses)
        record(
            all(h == "MISS" for h in hits) and (cookie or "sets a cookie" not in what),
            f"Varnish never caches {what}: {path} → {responses[-1].status}, X-Cache {', '.join(hits)}"
            + (", sets a cookie" if cookie else ""),
        )


def filing_forms(site):
    """The public filing forms (the easyform channel), as the site lists them."""
    response = http("GET", f"{site}/@search?portal_type=EasyForm&review_state=published", auth=admin())
    items = response.json().get("items", []) if response.status == 200 else []
    return [item["@id"][len(site) :] for item in items][:4]


def mail_server(site, port):
    """The site's mail goes to the SMTP server on 127.0.0.1:``port``, from the centre's address."""
    settings = {
        "plone.smtp_host": "127.0.0.1",
        "plone.smtp_port": int(port),
        "plone.email_from_address": "weiquan@example.org",
        "plone.email_from_name": "随州市劳动保障维权中心",
    }
    response = http("PATCH", f"{site}/@registry", auth=admin(), data=settings)
    record(response.status == 204, f"the site's mail goes to 127.0.0.1:{port} ({response.status})")


def id_number(first17):
    """A resident ID number (GB 11643): the first 17 digits and their check character."""
    total = sum(int(digit) * (2 ** (17 - i) % 11) for i, digit in enumerate(first17))
    return first17 + "10X98765432"[total % 11]


def web_filing(site, email, reference_file):
    """File the complaint form as a citizen does (its page first, for the form's token); the
    reference is written to ``reference_file``."""
    form_url = f"{site}/apply/complaint"
    page = http("GET", form_url, api=False).body.decode("utf-8")
    token = re.search(r'name="_authenticator" value="([0-9a-f]+)"', page)
    fields = {
        "_authenticator": token.group(1) if token else "",
        "form.widgets.applicant_name": "赵小刚",
        "form.widgets.applicant_id_number": id_number("42130019900101123"),
        "form.widgets.applicant_phone": "13907229876",
        "form.widgets.applicant_email": email,
        "form.widgets.employer_name": "随州市某某物流有限公司",
        "form.widgets.dispute_types:list": "wage_arrears",
        "form.widgets.dispute_types-empty-marker": "1",
        "form.widgets.district:list": "zengdu",
        "form.widgets.workers_involved": "1",
        "form.widgets.facts": "赵小刚：2026年10月的工资4300元未发放。",
        "form.widgets.confirm:list": "selected",
        "form.widgets.confirm-empty-marker": "1",
        "form.buttons.submit": "提交申请",
    }
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    response = http("POST", form_url, data=urlencode(fields).encode(), headers=headers, api=False)
    found = re.search(r"ref=([A-Z0-9-]+)", response.headers.get("Location", ""))
    record(response.status == 302 and found, f"the complaint form files a case ({response.status})")
    with open(reference_file, "w") as kept:
        kept.write(found.group(1) if found else "")


def mail_sink(port, directory):
    """An SMTP server on 127.0.0.1:``port`` keeping each mail it gets in ``directory`` (runs until
    killed; Python 3.11's smtpd)."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        import asyncore
        import smtpd

    class Sink(smtpd.SMTPServer):
        def process_message(self, peer, mailfrom, rcpttos, data, **kwargs):
            path = os.path.join(directory, f"{time.time():.6f}.eml")
            with open(path + ".part", "wb") as kept:
                kept.write(data)
            os.rename(path + ".part", path)  # never read half-written

    Sink(("127.0.0.1", int(port)), None)
    asyncore.loop()


def receipt(directory, reference_file, email, seconds=90):
    """The receipt of the case in ``reference_file`` reaches the sink keeping mail in
    ``directory``, once, with its PDF."""
    with open(reference_file) as kept:
        reference = kept.read().strip()
    deadline = time.time() + seconds
    while not received(directory, email) and time.time() < deadline:
        time.sleep(1)
    time.sleep(10)  # a second copy (the file sent again by another process) would come by then
    mails = received(directory, email)
    record(len(mails) == 1, f"the receipt of {reference} reached the mail server ({len(mails)} copies)")
    if mails:
        pdfs = [part for part in mails[0].iter_attachments() if part.get_content_type() == "application/pdf"]
        subject = str(mails[0]["Subject"])
        record(bool(reference) and reference in subject and pdfs, f"it is the receipt of {reference}, with its PDF")


def received(directory, email):
    mails = []
    for name in sorted(name for name in os.listdir(directory) if name.endswith(".eml")):
        with open(os.path.join(directory, name), "rb") as kept:
            mail = message_from_binary_file(kept, policy=policy.default)
        if mail["To"] == email:
            mails.append(mail)
    return mails


def main():
    parser = argparse.ArgumentParser()
    commands = ("cross", "add", "verify", "varnish", "write", "mail-server", "mail-sink", "web-filing", "receipt")
    parser.add_argument("command", choices=commands)
    parser.add_argument("urls", nargs="+")
    parser.add_argument("--state")
    args = parser.parse_args()
    if args.command == "cross":
        cross(*args.urls, args.state)
    elif args.command == "add":
        add(*args.urls, args.state)
    elif args.command == "verify":
        verify(*args.urls, args.state)
    elif args.command == "write":
        write(*args.urls)
    elif args.command == "mail-server":
        mail_server(*args.urls)
    elif args.command == "web-filing":
        web_filing(*args.urls)
    elif args.command == "mail-sink":
        mail_sink(*args.urls)
    elif args.command == "receipt":
        receipt(*args.urls)
    else:
        varnish(*args.urls)
    return 1 if FAILED else 0


if __name__ == "__main__":
    sys.exit(main())
