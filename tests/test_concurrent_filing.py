"""50 filings fired at once at the test server, web form and API mixed, at Zope's default of
3 conflict retries: 50 cases, 50 distinct references, no server error, each receipt mailed once.
(Correctness only: the speed is measured by benchmarks/register_concurrency.sh.)"""

from email import message_from_bytes
from email import policy
from plone import api
from suizhou.laborrights.cases.register import find_case
from tests.api_helpers import filing
from tests.form_helpers import FormsTestCase
from tests.helpers import make_user
from tests.helpers import PASSWORD
from tests.helpers import valid_credit_code
from tests.helpers import valid_id_number
from ZPublisher.HTTPRequest import HTTPRequest

import re
import requests
import threading
import transaction


WEB = 25  # through the complaint form (anonymous, with an e-mail address for the receipt)
API = 25  # POST @cases, by a member (filing as the public, without the anonymous budget)
ZOPE_DEFAULT_RETRIES = 3  # what Zope retries a conflicting request when not configured


def web_submission(seq):
    """The posted fields of a complaint with an e-mail address, as a browser sends them."""
    return {
        "form.widgets.applicant_name": f"并发申请人{seq}",
        "form.widgets.applicant_id_number": valid_id_number(seq),
        "form.widgets.applicant_phone": f"1390722{seq:04d}",
        "form.widgets.applicant_email": f"applicant{seq}@example.org",
        "form.widgets.employer_name": f"随州市并发测试公司{seq}",
        "form.widgets.employer_credit_code": valid_credit_code(seq),
        "form.widgets.dispute_types:list": "wage_arrears",
        "form.widgets.dispute_types-empty-marker": "1",
        "form.widgets.district:list": "zengdu",
        "form.widgets.workers_involved": "1",
        "form.widgets.facts": f"第{seq}号并发测试：工资未发放。",
        "form.widgets.confirm:list": "selected",
        "form.widgets.confirm-empty-marker": "1",
        "form.buttons.submit": "提交申请",
    }


class TestFiftyFilingsAtOnce(FormsTestCase):
    def setUp(self):
        super().setUp()
        # The test server is not configured by zope.conf: give it Zope's default retries.
        retries = HTTPRequest.retry_max_count
        HTTPRequest.retry_max_count = ZOPE_DEFAULT_RETRIES
        self.addCleanup(setattr, HTTPRequest, "retry_max_count", retries)
        make_user("member")  # anonymous API filings from one address are limited per hour
        transaction.commit()
        self.site_url = f"http://{self.layer['host']}:{self.layer['port']}/plone"

    def web_client(self, seq, start, answers):
        url = f"{self.site_url}/apply/complaint"
        session = requests.Session()
        page = session.get(url, timeout=300).text
        token = re.search(r'name="_authenticator" value="([0-9a-f]+)"', page).group(1)
        data = dict(web_submission(seq), _authenticator=token)
        start.wait(timeout=300)
        response = session.post(
            url, files={name: (None, value) for name, value in data.items()}, allow_redirects=False, timeout=300
        )
        reference = re.search(r"ref=([A-Z0-9-]+)", response.headers.get("Location", ""))
        answers[seq] = (response.status_code, reference and reference.group(1), response.text[:300])

    def api_client(self, seq, start, answers):
        body = filing(channel="web", applicant={"name": f"并发申请人{seq}", "phone": f"1390722{seq:04d}"})
        start.wait(timeout=300)
        response = requests.post(
            f"{self.site_url}/@cases",
            json=body,
            headers={"Accept": "application/json"},
            auth=("member", PASSWORD),
            timeout=300,
        )
        reference = response.json().get("reference") if response.status_code == 201 else None
        answers[seq] = (response.status_code, reference, response.text[:300])

    def test_fifty_filings_at_once_are_all_registered_once(self):
        start = threading.Barrier(WEB + API)
        answers = {}

        def client(seq):
            try:
                (self.web_client if seq <= WEB else self.api_client)(seq, start, answers)
            except Exception as error:  # collected and asserted below
                answers[seq] = (None, None, repr(error)[:300])

        threads = [threading.Thread(target=client, args=(seq,)) for seq in range(1, WEB + API + 1)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

        expected = {seq: 302 if seq <= WEB else 201 for seq in answers}
        problems = {seq: answer[::2] for seq, answer in answers.items() if answer[0] != expected[seq]}
        self.maxDiff = None
        self.assertEqual(problems, {})  # no 5xx, no lost request
        references = {seq: answer[1] for seq, answer in answers.items()}
        self.assertEqual(len(set(references.values())), WEB + API)
        # A filing thrown away on a write conflict and redone takes a new number and leaves a
        # gap in the register: the 50 filings got 50 numbers in a row, none redone.
        numbers = sorted(int(reference.rsplit("-", 1)[1]) for reference in references.values())
        self.assertEqual(numbers, list(range(numbers[0], numbers[0] + WEB + API)))

        transaction.begin()
        catalog = api.portal.get_tool("portal_catalog")
        stored = {brain.getId for brain in catalog.unrestrictedSearchResults(portal_type="Case")}
        self.assertEqual(stored, set(references.values()))
        for seq, reference in references.items():
            self.assertEqual(find_case(reference).applicant_name, f"并发申请人{seq}")

        # Each web applicant got one receipt, for their own case; a retried request sent none twice.
        mails = [message_from_bytes(text, policy=policy.default) for text in self.mailhost.messages]
        receipts = sorted((str(mail["To"]), str(mail["Subject"])) for mail in mails)
        self.assertEqual(len(receipts), WEB)
        for seq in range(1, WEB + 1):
            [subject] = [subject for to, subject in receipts if to == f"applicant{seq}@example.org"]
            self.assertIn(references[seq], subject)
