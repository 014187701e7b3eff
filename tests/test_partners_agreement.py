"""The periods of a mediation agreement on the case page's clock block: 申请司法确认 within 30 days
of the agreement taking effect, 仲裁审查 within 15 (人社部发〔2022〕9号), days left or overdue;
gone once the case went to the court for 司法确认, the block saying instead where the agreement
stands (waiting for the court, ruled valid, application dismissed: periods no longer running);
back when the court sends it back without a ruling; none for an agreement of 仲裁调解."""

from datetime import date
from datetime import datetime
from datetime import timedelta
from decimal import Decimal
from plone import api
from suizhou.laborrights.cases.register import now
from suizhou.laborrights.handling.errors import Refused
from suizhou.laborrights.partners import agreement
from suizhou.laborrights.timezone import beijing
from tests.helpers import browser_for
from tests.partner_helpers import PartnerFixture

import lxml.html
import transaction


def agree(case, when, kind="people"):
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(obj=case, transition="accept")
        api.content.create(
            container=case,
            type="MediationSession",
            id="session-agreed",
            session_date=when,
            mediator="调解员王某",
            mediation_kind=kind,
            result="agreed",
            agreement_amount=Decimal("8600"),
            agreement_terms="被申请人于十日内支付工资8600元。",
        )
    transaction.commit()


class TestAgreementDeadlines(PartnerFixture):
    def test_the_days_counted_from_the_agreement_taking_effect(self):
        # Effective Monday 2025-09-01: day 30 is 1 October (国庆, off to the 8th) → Thursday the 9th;
        # day 15 is Tuesday 16 September, a working day.
        agree(self.case, datetime(2025, 9, 1, 10, 0))
        self.assertEqual(api.content.get_state(self.case), "closed")
        found = {d.code: d for d in agreement.deadlines(self.case, on=date(2025, 9, 10))}
        self.assertEqual(found["judicial_confirmation"].due, date(2025, 10, 9))
        self.assertEqual(found["judicial_confirmation"].days_left, 29)
        self.assertEqual(found["arbitration_review"].due, date(2025, 9, 16))
        self.assertEqual(found["arbitration_review"].days_left, 6)
        self.assertFalse(found["arbitration_review"].overdue)
        later = {d.code: d for d in agreement.deadlines(self.case, on=date(2025, 9, 20))}
        self.assertTrue(later["arbitration_review"].overdue)
        self.assertEqual(later["arbitration_review"].days_left, -4)
        self.assertFalse(later["judicial_confirmation"].overdue)

    def blocks(self, case=None):
        page = lxml.html.fromstring(self.session("staff_a").get(self.path(case)).text)
        return {
            block.get("class"): " ".join(block.text_content().split())
            for block in page.cssselect(".sz-agreement-deadline")
        }

    def test_the_case_page_shows_the_days_left_then_overdue(self):
        effective = beijing(now()).replace(hour=10, minute=0, second=0, microsecond=0, tzinfo=None) - timedelta(days=2)
        agree(self.case, effective)
        blocks = self.blocks()
        confirmation = blocks["sz-clock sz-agreement-deadline sz-agreement-judicial_confirmation"]
        self.assertIn("申请司法确认", confirmation)
        self.assertIn("剩余", confirmation)
        self.assertIn("《民事诉讼法》第二百零五条", confirmation)
        self.assertIn(f"{effective.year}年{effective.month}月{effective.day}日", confirmation)
        review = blocks["sz-clock sz-agreement-deadline sz-agreement-arbitration_review"]
        self.assertIn("申请仲裁审查", review)
        self.assertIn("剩余", review)

    def test_overdue_is_highlighted(self):
        agree(self.case, beijing(now()).replace(tzinfo=None) - timedelta(days=45))
        blocks = self.blocks()
        self.assertEqual(len(blocks), 2)
        for css, text in blocks.items():
            self.assertIn("sz-clock-overdue", css)
            self.assertIn("已超期", text)

    def test_gone_once_sent_to_the_court_for_confirmation(self):
        agree(self.case, beijing(now()).replace(tzinfo=None) - timedelta(days=3))
        self.assertEqual(len(self.blocks()), 2)
        with self.assertRaises(Refused) as refused:  # closed: to the court for 司法确认 only
            self.send(purpose="litigation_mediation")
        self.assertIn("只能移交法院进行调解协议司法确认", str(refused.exception))
        with self.assertRaises(Refused):
            self.send(partner=self.union, purpose="judicial_confirmation")
        transaction.abort()
        self.assertEqual(len(self.blocks()), 2)
        self.send(purpose="judicial_confirmation")
        self.assertEqual(self.blocks(), {})

    def standing(self):
        page = lxml.html.fromstring(self.session("staff_a").get(self.path()).text)
        return [" ".join(block.text_content().split()) for block in page.cssselect(".sz-agreement-standing")]

    def test_the_court_dismissing_the_application_ends_the_periods(self):
        agree(self.case, beijing(now()).replace(tzinfo=None) - timedelta(days=3))
        self.send()
        today = beijing(now()).date()
        day = f"{today.year}年{today.month}月{today.day}日"
        self.assertEqual(
            self.standing(), [f"{day}已移交法院司法确认，待法院裁定 申请司法确认和申请仲裁审查的期限不再计算。"]
        )
        self.give_result(outcome="not_confirmed")
        self.assertEqual(self.blocks(), {})
        [ruled] = self.standing()
        self.assertIn(f"{day}法院裁定驳回司法确认申请，调解协议未获确认", ruled)
        self.assertIn("申请司法确认和申请仲裁审查的期限不再计算", ruled)
        self.assertIn("也可以向人民法院提起诉讼（《民事诉讼法》第二百零六条）", ruled)

    def test_the_court_ruling_the_agreement_valid(self):
        agree(self.case, beijing(now()).replace(tzinfo=None) - timedelta(days=3))
        self.send()
        self.give_result(outcome="confirmed")
        self.assertEqual(self.blocks(), {})
        [ruled] = self.standing()
        self.assertIn("法院裁定调解协议有效", ruled)
        self.assertIn("对方当事人可以向人民法院申请执行", ruled)

    def test_sent_back_without_a_ruling_the_periods_run_on(self):
        effective = beijing(now()).replace(tzinfo=None) - timedelta(days=3)
        agree(self.case, effective)
        self.send()
        self.give_result(outcome="not_accepted", note="不属于本院管辖")
        self.assertEqual(self.standing(), [])
        blocks = self.blocks()
        self.assertEqual(len(blocks), 2)
        confirmation = blocks["sz-clock sz-agreement-deadline sz-agreement-judicial_confirmation"]
        self.assertIn(f"{effective.year}年{effective.month}月{effective.day}日", confirmation)
        self.assertIn("剩余", confirmation)
        self.assertIn("移交法院司法确认", confirmation)  # the parties may apply again, within the 30 days

    def test_none_for_an_arbitration_mediation_or_without_agreement(self):
        self.assertEqual(self.blocks(), {})
        agree(self.case, beijing(now()).replace(tzinfo=None) - timedelta(days=3), kind="arbitration")
        self.assertEqual(self.blocks(), {})
        self.send()  # a 调解书 of its own: no periods, nothing about them either
        self.assertEqual(self.standing(), [])

    def test_the_handler_sends_the_closed_case_to_the_court_from_the_block(self):
        agree(self.case, beijing(now()).replace(tzinfo=None) - timedelta(days=3))
        browser = browser_for(self.app, "staff_a")
        browser.open(self.case.absolute_url())
        browser.getLink("移交法院司法确认").click()
        browser.getControl(name="form.widgets.partner:list").value = [self.court]
        browser.getControl(name="form.widgets.purpose:list").value = ["litigation_mediation"]
        browser.getControl(name="form.buttons.send").click()
        self.assertIn("只能移交法院进行调解协议司法确认", browser.contents)
        browser.getControl(name="form.widgets.purpose:list").value = ["judicial_confirmation"]
        browser.getControl(name="form.buttons.send").click()
        self.assertTrue(browser.url.endswith("/@@partner-handover"), browser.url)
        self.assertEqual(self.session("judge").get(self.path()).status_code, 200)
        # a partner of the case cannot send it on
        judge = self.session("judge").get(f"{self.path()}/@@transfer-to-partner", allow_redirects=False)
        self.assertNotEqual(judge.status_code, 200)
