"""20 concurrent submissions through the test WSGI server: 20 cases, 20 distinct numbers, no error."""

from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from tests.form_helpers import FormsTestCase
from tests.helpers import valid_credit_code
from tests.helpers import valid_id_number

import re
import requests
import threading


CLIENTS = 20


def submission(seq):
    """The posted fields of a complaint, as a browser sends them."""
    return {
        "form.widgets.applicant_name": f"并发测试申请人{seq}",
        "form.widgets.applicant_id_number": valid_id_number(seq),
        "form.widgets.applicant_phone": f"1390722{seq:04d}",
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


class TestConcurrentFilings(FormsTestCase):
    layer = FUNCTIONAL_TESTING

    def test_concurrent_submissions_are_all_registered(self):
        url = f"http://{self.layer['host']}:{self.layer['port']}/plone/apply/complaint"
        start = threading.Barrier(CLIENTS)
        results, failures = {}, []

        def client(seq):
            try:
                session = requests.Session()
                page = session.get(url, timeout=60).text
                token = re.search(r'name="_authenticator" value="([0-9a-f]+)"', page).group(1)
                data = dict(submission(seq), _authenticator=token)
                start.wait(timeout=60)
                response = session.post(
                    url,
                    files={name: (None, value) for name, value in data.items()},
                    allow_redirects=False,
                    timeout=120,
                )
                location = response.headers.get("Location", "")
                if response.status_code != 302 or "@@filing-receipt" not in location:
                    failures.append((seq, response.status_code, response.text[:300]))
                    return
                results[seq] = re.search(r"ref=([A-Z0-9-]+)", location).group(1)
            except Exception as error:  # collected and asserted below
                failures.append((seq, repr(error)))

        threads = [threading.Thread(target=client, args=(seq,)) for seq in range(1, CLIENTS + 1)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

        self.assertEqual(failures, [])
        self.assertEqual(len(set(results.values())), CLIENTS)
        cases = self.web_cases()
        self.assertEqual(sorted(case.getId() for case in cases), sorted(results.values()))
        self.assertEqual(
            sorted(case.applicant_name for case in cases),
            sorted(f"并发测试申请人{seq}" for seq in range(1, CLIENTS + 1)),
        )
