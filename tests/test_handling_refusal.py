"""不予受理 needs a reason from the list (registry ``refusal_reasons``) plus the handler's words:
the form refuses an empty reason in Chinese, the state menu sends the handler to the form, and
the notice and the SMS quote the reason — never “经审查，—。” or “理由：。”."""

from plone import api
from suizhou.laborrights.documents import issuing
from suizhou.laborrights.handling.errors import Refused
from suizhou.laborrights.handling.history import entries
from suizhou.laborrights.handling.history import record
from tests.docx_helpers import docx_text
from tests.helpers import browser_for
from tests.helpers import chinese_site
from tests.helpers import make_user
from tests.helpers import PASSWORD
from tests.notification_helpers import NotificationFixture

import transaction


def rejection_notice(case):
    """The text of the 不予受理通知书 issued with the decision."""
    transaction.begin()
    return docx_text(issuing.latest(case, "rejection")["file"].data)


class TestRejectForm(NotificationFixture):
    def setUp(self):
        super().setUp()
        chinese_site()
        make_user("director_zhao", roles=["Manager"])
        transaction.commit()
        self.browser = browser_for(self.layer["app"], "director_zhao", PASSWORD)
        self.url = self.case.absolute_url()

    def submit(self, code=None, detail=""):
        self.browser.open(f"{self.url}/@@reject-case")
        if code:
            self.browser.getControl(name="form.widgets.reason_code:list").value = [code]
        self.browser.getControl(name="form.widgets.detail").value = detail
        self.browser.getControl(name="form.buttons.reject").click()
        transaction.begin()

    def test_an_empty_reason_is_refused_in_chinese(self):
        self.submit(detail="")
        self.assertIn("不予受理须选择理由。", self.browser.contents)
        self.assertEqual(api.content.get_state(self.case), "registered")
        self.assertEqual(self.sms.sent, [])

    def test_other_needs_the_handlers_words(self):
        self.submit("other", detail="  ")
        self.assertIn("选择“其他”时须写明不予受理的具体理由。", self.browser.contents)
        self.assertEqual(api.content.get_state(self.case), "registered")

    def test_the_notice_and_the_sms_quote_the_reason(self):
        self.submit("time_barred", detail="申请人于2024年8月离职，2026年11月申请仲裁。")
        self.assertEqual(api.content.get_state(self.case), "rejected")
        entry = [e for e in entries(self.case) if e.action == "reject"][-1]
        self.assertEqual(entry.actor, "director_zhao")
        self.assertEqual(dict(entry.details)["reason_code"], "time_barred")
        self.assertIn(
            "经审查，超过仲裁时效（申请人于2024年8月离职，2026年11月申请仲裁）。根据有关规定，决定不予受理。",
            rejection_notice(self.case),
        )
        ((phone, text),) = self.sms.sent
        self.assertIn("不予受理，理由：超过仲裁时效（申请人于2024年8月离职，2026年11月申请仲裁）。", text)

    def test_a_listed_reason_alone_is_enough(self):
        self.submit("not_labour_dispute")
        self.assertIn("经审查，不属于劳动争议。", rejection_notice(self.case))

    def test_the_state_menu_sends_the_handler_to_the_form(self):
        workflow = api.portal.get_tool("portal_workflow")
        with api.env.adopt_roles(["Manager"]):
            (action,) = [a for a in workflow.listActionInfos(object=self.case) if a["id"] == "reject"]
        self.assertEqual(action["url"], f"{self.url}/@@reject-case")
        # an old link (or bookmark) without a reason is refused and lands on the form
        self.browser.open(f"{self.url}/@@reject-case")  # for an authenticator
        token = self.browser.getControl(name="_authenticator").value
        self.browser.open(f"{self.url}/content_status_modify?workflow_action=reject&_authenticator={token}")
        self.assertIn("@@reject-case", self.browser.url)
        self.assertIn("不予受理须选择理由。", self.browser.contents)
        transaction.begin()
        self.assertEqual(api.content.get_state(self.case), "registered")

    def test_a_reject_without_a_reason_is_refused_whichever_way(self):
        with self.assertRaises(Refused) as refused:
            api.portal.get_tool("portal_workflow").doActionFor(self.case, "reject", comment=" ")
        self.assertEqual(str(refused.exception), "不予受理须选择理由。")
        self.assertEqual(api.content.get_state(self.case), "registered")

    def test_a_case_rejected_before_reasons_were_required_reads_as_a_sentence(self):
        workflow = api.portal.get_tool("portal_workflow")
        status = dict(workflow.getStatusOf("laborrights_case_workflow", self.case), review_state="rejected")
        workflow.setStatusOf("laborrights_case_workflow", self.case, status)
        record(self.case, "reject", "")  # as an older release kept it
        text = docx_text(issuing.issue(self.case, "rejection")["file"].data)
        self.assertIn("经审查，不符合受理条件。", text)
        self.assertNotIn("—", text)
