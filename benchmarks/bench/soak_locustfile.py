"""The load of the soak (soak.sh), run by locust headless against one instance: what the centre's
public and staff ask of it in a day, compressed — each user waits 1–3 s between requests.

Public (anonymous): the home page, a guide, the station finder, the complaint form's page; a
complaint filed on the form (a receipt by mail, with its PDF); a filing by POST @cases (as the
benchmark's member: an anonymous caller would meet the per-address budget of machine filings);
progress lookups of filed cases (POST @case-status), one in ten with a wrong phone (a 404, or a
429 with a question once a budget of failed lookups is spent: both expected). Each user comes from
an address of its own (X-Forwarded-For; the instance trusts the proxy on 127.0.0.1), as phones do,
so one user's failures do not spend the others' budget. Staff (the administrator, basic
authentication): the worklist and the register.

SOAK_HOST: the instance's base URL; SOAK_PASSWORD: the member's password.
"""

from filers import api_body
from filers import phone
from filers import web_fields
from locust import between
from locust import HttpUser
from locust import task

import itertools
import os
import random
import re


HOST = os.environ["SOAK_HOST"]
MEMBER = ("filer", os.environ["SOAK_PASSWORD"])
ADMIN = ("admin", "admin")
PUBLIC = {"Host": "localhost:" + HOST.rsplit(":", 1)[1], "Accept-Language": "zh-CN"}  # themed, as visitors get it
SEQUENCE = itertools.count(1_000_000)  # apart from filing_http.sh's numbers
ADDRESSES = itertools.count(1)
WRONG_PHONE = "19900000000"  # no filer's (filers.phone gives 13…): its failures spend no real filer's budget
FILED = []  # (reference, seq) of the cases filed so far, for lookups


class Visitor(HttpUser):
    host = HOST
    wait_time = between(1, 3)

    def on_start(self):
        number = next(ADDRESSES)
        self.client.headers["X-Forwarded-For"] = f"10.1.{number // 250}.{number % 250 + 1}"

    def _page(self, path, name=None, auth=None):
        with self.client.get(path, headers=PUBLIC, auth=auth, name=name, catch_response=True) as answer:
            if answer.status_code != 200:
                answer.failure(f"HTTP {answer.status_code}")
            return answer.text

    @task(4)
    def home(self):
        self._page("/Plone")

    @task(3)
    def guide(self):
        self._page("/Plone/guides/wage-arrears-checklist")

    @task(1)
    def stations(self):
        self._page("/Plone/stations")

    @task(2)
    def form_page(self):
        self._page("/Plone/apply/complaint")

    @task(1)
    def file_on_form(self):
        page = self._page("/Plone/apply/complaint", name="/Plone/apply/complaint (before filing)")
        token = re.search(r'name="_authenticator" value="([0-9a-f]+)"', page or "")
        if token is None:
            return
        seq = next(SEQUENCE)
        with self.client.post(
            "/Plone/apply/complaint",
            files={name: (None, value) for name, value in dict(web_fields(seq), _authenticator=token[1]).items()},
            allow_redirects=False,
            name="/Plone/apply/complaint (filing)",
            catch_response=True,
        ) as answer:
            reference = re.search(r"ref=([A-Z0-9-]+)", answer.headers.get("Location", ""))
            if answer.status_code != 302 or reference is None:
                answer.failure(f"HTTP {answer.status_code}")
            else:
                FILED.append((reference[1], seq))

    @task(1)
    def file_by_api(self):
        seq = next(SEQUENCE)
        headers = {"Accept": "application/json"}
        body = api_body(seq)
        with self.client.post("/Plone/@cases", json=body, headers=headers, auth=MEMBER, catch_response=True) as answer:
            if answer.status_code != 201:
                answer.failure(f"HTTP {answer.status_code}")
            else:
                FILED.append((answer.json()["reference"], seq))

    @task(3)
    def lookup(self):
        if not FILED:
            return
        reference, seq = random.choice(FILED)
        if random.random() < 0.1:
            self._lookup(reference, WRONG_PHONE, "/Plone/@case-status (wrong phone)", {404, 429})
        else:
            self._lookup(reference, phone(seq), "/Plone/@case-status", {200})

    def _lookup(self, reference, mobile, name, expected):
        with self.client.post(
            "/Plone/@case-status",
            json={"reference": reference, "phone": mobile},
            headers={"Accept": "application/json"},
            name=name,
            catch_response=True,
        ) as answer:
            if answer.status_code in expected:
                answer.success()  # a 4xx, left alone, would count as failed
            else:
                answer.failure(f"HTTP {answer.status_code}")

    @task(1)
    def worklist(self):
        self._page("/Plone/@@worklist", auth=ADMIN)

    @task(1)
    def register(self):
        self._page("/Plone/cases", auth=ADMIN)
