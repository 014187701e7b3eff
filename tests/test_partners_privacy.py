"""A partner reads a case only while it handles it (review finding on partner privacy): once its
result is in, the case page, its files, its hand-over page, the REST API and the searches answer
the partner's account as a stranger; a 裁审衔接 share stays readable, for the shared case only."""

from tests.partner_helpers import EVIDENCE
from tests.partner_helpers import FACTS
from tests.partner_helpers import ID_NUMBER
from tests.partner_helpers import NAME
from tests.partner_helpers import PartnerFixture


class TestPartnerReadsWhileHandling(PartnerFixture):
    def assert_reads(self, user, case=None):
        path = self.path(case)
        page = self.session(user).get(path)
        self.assertEqual(page.status_code, 200, user)
        self.assertIn(NAME, page.text)
        self.assertIn(ID_NUMBER, page.text)
        self.assertEqual(self.session(user).get(f"{path}/evidence.txt/@@download/file").content, EVIDENCE)
        data = self.session(user, "application/json").get(path).json()
        self.assertEqual(data["facts"], FACTS)

    def test_the_court_reads_the_case_until_its_result_then_as_a_stranger(self):
        self.send()
        self.assert_reads("judge")
        found = self.session("judge", "application/json").get("@search?portal_type=Case").json()
        self.assertEqual([item["@id"].rsplit("/", 1)[-1] for item in found["items"]], [self.case.getId()])
        self.give_result()
        self.assert_stranger("judge")
        self.assert_stranger("unionist")  # never sent: the same answer
        # the case's own staff still read it, with the result on the hand-over page
        self.assert_reads("staff_a")
        self.assertIn("裁定调解协议有效", self.session("staff_a").get(f"{self.path()}/@@partner-handover").text)

    def test_a_second_open_transfer_to_the_same_unit_keeps_it_reading(self):
        self.send()
        self.send(purpose="litigation_mediation")
        self.give_result()
        self.assert_reads("judge")
        self.give_result(outcome="settled", note="诉前调解成功")
        self.assert_stranger("judge")

    def test_a_court_share_stays_readable_for_the_shared_case_only(self):
        major = self.routed_case(workers_involved=12, applicant_name="裁审衔接测试申请人")
        other = self.routed_case(workers_involved=15, applicant_name="未共享的群体案件申请人")
        self.share(major)
        self.send(case=major)
        self.give_result(case=major)
        page = self.session("judge").get(self.path(major))
        self.assertEqual(page.status_code, 200)
        self.assertIn("裁审衔接测试申请人", page.text)
        self.assertNotIn(f"{major.absolute_url()}/@@partner-result", page.text)
        edit = self.session("judge").get(f"{self.path(major)}/@@edit", allow_redirects=False)
        self.assertNotEqual(edit.status_code, 200)
        patched = self.session("judge", "application/json").patch(self.path(major), json={"facts": "改"})
        self.assertGreaterEqual(patched.status_code, 400)
        self.assert_stranger("judge", other)
        self.assert_stranger("judge")  # the first case was never sent to the court
