"""办理进度查询 without an account: reference + phone, the same "未查到" for every mismatch,
HTTP 429 after too many failures, only the citizen's status, and a rating after closure."""

from AccessControl.SecurityManagement import noSecurityManager
from DateTime import DateTime
from datetime import timedelta
from plone import api
from plone.protect.authenticator import createToken
from suizhou.laborrights.cases.register import now
from suizhou.laborrights.forms.challenge import NUMERALS
from suizhou.laborrights.forms.rating import get_rating
from suizhou.laborrights.handling import clocks
from tests.form_helpers import FormsTestCase
from tests.helpers import APPLICANT_NAME
from tests.helpers import new_case

import transaction


PHONE = "13907221234"  # the phone of tests.helpers.case_fields
SCRIPT = '<script>alert("x")</script>'


class TestProgress(FormsTestCase):
    def setUp(self):
        super().setUp()
        self.case = new_case(received=now() - timedelta(days=1), applicant_phone=PHONE)
        self.reference = self.case.getId()
        transaction.commit()

    def look_up(self, reference, phone, browser=None):
        browser = browser or self.browser
        browser.open(f"{self.portal.absolute_url()}/@@case-progress")
        browser.getControl(name="ref").value = reference
        browser.getControl(name="phone").value = phone
        browser.getControl(name="lookup").click()
        return browser

    def message(self, browser=None):
        from lxml import html

        found = html.fromstring((browser or self.browser).contents).xpath(
            '//div[contains(@class, "laborrights-progress-message")]'
        )
        return found[0].text_content().strip() if found else ""

    def set_state(self, state, **values):
        """Put the case in a workflow state directly (the handling rules are tested elsewhere)."""
        transaction.begin()
        for name, value in values.items():
            setattr(self.case, name, value)
        tool = api.portal.get_tool("portal_workflow")
        workflow = tool.getWorkflowsFor(self.case)[0]
        tool.setStatusOf(
            workflow.getId(),
            self.case,
            {"review_state": state, "action": None, "actor": "test", "comments": "", "time": DateTime()},
        )
        workflow.updateRoleMappingsFor(self.case)
        self.case.reindexObject()
        transaction.commit()

    def close_case(self, outcome="mediated"):
        self.set_state("closed", route="mediation", outcome=outcome, closed=now())

    def test_reference_and_phone_show_the_status_and_nothing_personal(self):
        browser = self.look_up(self.reference, "139 0722 1234")
        page = browser.contents
        self.assertIn(self.reference, page)
        self.assertIn("已登记", page)
        self.assertEqual(self.message(), "")
        for personal in (
            APPLICANT_NAME,
            self.case.applicant_id_number,
            "工资未发放",
            "随州市某某机械有限公司",
        ):
            self.assertNotIn(personal, page)
        self.assertEqual(browser.headers["Cache-Control"], "private, no-store")

    def test_every_mismatch_gets_the_same_answer(self):
        answers = set()
        for reference, phone in (
            (self.reference, "13907220000"),  # wrong phone
            ("SZ-2026-999999", PHONE),  # unknown reference
            (self.reference[:-1], PHONE),  # malformed reference
        ):
            browser = self.look_up(reference, phone, self.new_browser())
            self.assertNotIn("已登记", browser.contents)
            answers.add(self.message(browser))
        self.assertEqual(len(answers), 1)
        self.assertIn("未查到", answers.pop())

    def test_the_reference_of_a_qr_code_is_filled_in(self):
        self.browser.open(f"{self.portal.absolute_url()}/@@case-progress?ref={self.reference}")
        self.assertEqual(self.browser.getControl(name="ref").value, self.reference)
        self.assertNotIn("已登记", self.browser.contents)  # the phone is still asked

    def test_repeated_failures_ask_the_challenge_and_never_lock_out(self):
        browser = self.new_browser()
        for _attempt in range(5):
            self.look_up(self.reference, "13900000000", browser)
            self.assertIn("未查到", self.message(browser))
        # the right phone now needs the question answered, and then is heard
        self.look_up(self.reference, PHONE, browser)
        self.assertIn("429", browser.headers["status"])
        self.assertIn("请先回答验证问题", self.message(browser))
        self.assertNotIn("已登记", browser.contents)
        question = browser.getControl(name="challenge_answer")  # shown in the form
        label = browser.contents.split('for="progress-challenge"', 1)[1]
        text = label.split("：", 1)[1]
        question.value = str(NUMERALS.index(text[0]) + NUMERALS.index(text[2]))
        browser.getControl(name="ref").value = self.reference
        browser.getControl(name="phone").value = PHONE
        browser.getControl(name="lookup").click()
        self.assertIn("已登记", browser.contents)

    def test_stage_and_statutory_due_date(self):
        self.set_state("routed", route="mediation")
        with api.env.adopt_roles(["Manager"]):
            clock = clocks.start(self.case, "mediation")
            due = clock.due()
        transaction.commit()
        page = self.look_up(self.reference, PHONE).contents
        self.assertIn("办理中", page)
        self.assertIn("调解中", page)
        self.assertIn(f"{due.year}年{due.month}月{due.day}日", page)

    def test_closed_case_shows_the_outcome_and_is_rated_once(self):
        self.close_case()
        browser = self.look_up(self.reference, PHONE)
        self.assertIn("已办结", browser.contents)
        self.assertIn("调解成功", browser.contents)
        self.assertIn("服务评价", browser.contents)
        browser.getControl(name="score").value = ["4"]
        browser.getControl(name="comment").value = SCRIPT
        browser.getControl(name="rate").click()
        self.assertIn("感谢您的评价", browser.contents)
        self.assertIn("★★★★☆", browser.contents)
        self.assertNotIn(SCRIPT, browser.contents)
        self.assertIn("&lt;script&gt;", browser.contents)
        transaction.begin()
        rating = get_rating(self.case)
        self.assertEqual((rating["score"], rating["comment"]), (4, SCRIPT))
        # once: no form any more, and a second rating is refused
        self.assertNotIn('name="rate"', browser.contents)
        browser.open(
            f"{self.portal.absolute_url()}/@@case-progress",
            data=f"ref={self.reference}&phone={PHONE}&score=1&rate=1&_authenticator={self.token(browser)}",
        )
        self.assertIn("每件事项只能评价一次", browser.contents)
        transaction.begin()
        self.assertEqual(get_rating(self.case)["score"], 4)

    def test_an_open_case_cannot_be_rated(self):
        browser = self.look_up(self.reference, PHONE)
        self.assertNotIn("服务评价", browser.contents)
        browser.open(
            f"{self.portal.absolute_url()}/@@case-progress",
            data=f"ref={self.reference}&phone={PHONE}&score=5&rate=1&_authenticator={self.token(browser)}",
        )
        self.assertIn("事项办结后才能评价", browser.contents)
        transaction.begin()
        self.assertIsNone(get_rating(self.case))

    def test_rating_needs_the_form_token(self):
        self.close_case()
        browser = self.new_browser()
        browser.handleErrors = True
        browser.open(
            f"{self.portal.absolute_url()}/@@case-progress",
            data=f"ref={self.reference}&phone={PHONE}&score=1&rate=1",
        )
        self.assertIn("403", browser.headers["status"])
        transaction.begin()
        self.assertIsNone(get_rating(self.case))

    def token(self, browser):
        """The form token an anonymous visitor's page carries."""
        noSecurityManager()
        return createToken()
