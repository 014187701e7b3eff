"""办理进度查询 without an account: reference + phone, the same "未查到" for every mismatch,
HTTP 429 after too many failures, only the citizen's status and steps, the handling unit's
contact, and the five-level 好差评 after closure."""

from AccessControl.SecurityManagement import noSecurityManager
from DateTime import DateTime
from datetime import datetime
from datetime import timedelta
from persistent.mapping import PersistentMapping
from plone import api
from plone.protect.authenticator import createToken
from suizhou.laborrights.cases.register import now
from suizhou.laborrights.forms.challenge import NUMERALS
from suizhou.laborrights.forms.rating import ANNOTATION_KEY
from suizhou.laborrights.forms.rating import get_rating
from suizhou.laborrights.handling import clocks
from suizhou.laborrights.handling import history
from suizhou.laborrights.handling.assignment import route
from tests.form_helpers import FormsTestCase
from tests.helpers import APPLICANT_NAME
from tests.helpers import make_station
from tests.helpers import new_case
from zope.annotation.interfaces import IAnnotations

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

    def level_labels(self, browser):
        from lxml import html

        page = html.fromstring(browser.contents)
        legend = page.xpath('//fieldset[contains(@class, "sz-rating-levels")]/legend')[0]
        self.assertEqual(legend.text_content().strip(), "满意程度")
        return [label.text_content().strip() for label in page.xpath('//label[contains(@class, "sz-rating-level")]')]

    def field_error(self, browser, field_id):
        from lxml import html

        found = html.fromstring(browser.contents).xpath(f'//p[@id="{field_id}"]')
        return found[0].text_content().strip() if found else ""

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
        transaction.begin()
        with api.env.adopt_roles(["Manager"]):  # a case with steps and a unit to show
            route(self.case, make_station("mismatch-unit", title="南郊调解工作室").UID(), route="mediation")
        transaction.commit()
        self.assertIn("南郊调解工作室", self.look_up(self.reference, PHONE, self.new_browser()).contents)
        answers = set()
        for reference, phone in (
            (self.reference, "13907220000"),  # wrong phone
            ("SZ-2026-999999", PHONE),  # unknown reference
            (self.reference[:-1], PHONE),  # malformed reference
        ):
            browser = self.look_up(reference, phone, self.new_browser())
            self.assertNotIn("办理中", browser.contents)
            self.assertNotIn("南郊调解工作室", browser.contents)
            self.assertNotIn("办理过程", browser.contents)  # no steps
            self.assertNotIn("承办单位联系方式", browser.contents)
            self.assertNotIn("sz-timeline", browser.contents)
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
        self.assertEqual(
            self.level_labels(browser), ["非常满意", "满意", "基本满意", "不满意", "非常不满意"]
        )
        browser.getControl(name="level").value = ["satisfied"]
        browser.getControl(name="comment").value = SCRIPT
        browser.getControl(name="rate").click()
        self.assertIn("感谢您的评价", browser.contents)
        self.assertIn("您的评价：", browser.contents)
        self.assertIn("<strong>满意</strong>", browser.contents)
        self.assertNotIn(SCRIPT, browser.contents)
        self.assertIn("&lt;script&gt;", browser.contents)
        transaction.begin()
        rating = get_rating(self.case)
        self.assertEqual((rating["level"], rating["score"], rating["comment"]), ("satisfied", 4, SCRIPT))
        # once: no form any more, and a second rating is refused
        self.assertNotIn('name="rate"', browser.contents)
        browser.open(
            f"{self.portal.absolute_url()}/@@case-progress",
            data=(
                f"ref={self.reference}&phone={PHONE}&level=very_dissatisfied&comment=x&rate=1"
                f"&_authenticator={self.token(browser)}"
            ),
        )
        self.assertIn("每件事项只能评价一次", browser.contents)
        transaction.begin()
        self.assertEqual(get_rating(self.case)["level"], "satisfied")

    def test_dissatisfied_needs_a_reason_at_the_field_and_keeps_the_choice(self):
        self.close_case()
        browser = self.look_up(self.reference, PHONE)
        browser.getControl(name="level").value = ["very_dissatisfied"]
        browser.getControl(name="rate").click()
        self.assertEqual(
            self.field_error(browser, "rating-comment-error"),
            "选择“不满意”或“非常不满意”时，请填写不满意的原因。",
        )
        self.assertNotIn("感谢您的评价", browser.contents)
        self.assertEqual(browser.getControl(name="level").value, ["very_dissatisfied"])  # kept
        transaction.begin()
        self.assertIsNone(get_rating(self.case))
        browser.getControl(name="comment").value = "   "  # blanks are no reason
        browser.getControl(name="rate").click()
        self.assertIn("请填写不满意的原因", self.field_error(browser, "rating-comment-error"))
        browser.getControl(name="comment").value = "三次电话无人接听"
        browser.getControl(name="rate").click()
        self.assertIn("感谢您的评价", browser.contents)
        self.assertIn("<strong>非常不满意</strong>", browser.contents)
        transaction.begin()
        rating = get_rating(self.case)
        self.assertEqual(
            (rating["level"], rating["score"], rating["comment"]), ("very_dissatisfied", 1, "三次电话无人接听")
        )

    def test_a_rating_without_a_level_keeps_what_was_typed(self):
        self.close_case()
        browser = self.look_up(self.reference, PHONE)
        browser.open(
            f"{self.portal.absolute_url()}/@@case-progress",
            data=(
                f"ref={self.reference}&phone={PHONE}&level=5&comment=%E5%8A%9E%E5%BE%97%E5%BF%AB&rate=1"
                f"&_authenticator={self.token(browser)}"
            ),
        )
        self.assertIn("请选择满意程度", self.field_error(browser, "rating-level-error"))
        self.assertEqual(browser.getControl(name="comment").value, "办得快")
        transaction.begin()
        self.assertIsNone(get_rating(self.case))

    def test_a_star_rating_stored_before_the_levels_is_shown_as_its_level(self):
        self.close_case()
        transaction.begin()
        IAnnotations(self.case)[ANNOTATION_KEY] = PersistentMapping(score=2, comment="太慢", rated=now())
        transaction.commit()
        browser = self.look_up(self.reference, PHONE)
        self.assertIn("<strong>不满意</strong>", browser.contents)
        self.assertNotIn("★", browser.contents)
        self.assertNotIn('name="rate"', browser.contents)

    def test_the_story_of_the_case_and_the_unit_to_call(self):
        transaction.begin()
        with api.env.adopt_roles(["Manager"]):
            unit = make_station("story-unit", title="南郊调解工作室")
            unit.address = "随州市曾都区南郊街道青年路8号"
            unit.phones = ["0722-3301234"]
            unit.opening_hours = "周一至周五 8:30-17:30"
            route(self.case, unit.UID(), handler=None, route="mediation")
            api.content.transition(obj=self.case, transition="accept", comment="材料齐全，内部意见")
            api.content.create(
                container=self.case,
                type="MediationSession",
                id="session-1",
                session_date=datetime(2026, 3, 5, 9, 30),
                mediator="张调解",
                mediation_kind="people",
                parties="被申请人人事经理李某某",
                result="continued",
                notes="双方分歧较大",
            )
            due = clocks.status(clocks.current(self.case)).due
        transaction.commit()
        page = self.look_up(self.reference, PHONE).contents
        steps = self.steps(page)
        self.assertEqual([title for title, _detail in steps], ["登记申请", "分办至承办单位", "受理，开始办理", "调解"])
        self.assertIn("南郊调解工作室", steps[1][1])
        self.assertIn("2026年3月5日 09:30", steps[3][1])
        self.assertIn("随州市曾都区南郊街道青年路8号", steps[3][1])
        self.assertIn("继续调解", steps[3][1])
        self.assertIn("承办单位联系方式", page)
        self.assertIn('href="tel:0722-3301234"', page)
        self.assertIn("周一至周五 8:30-17:30", page)
        self.assertIn(f"{due.year}年{due.month}月{due.day}日", page)
        private_data = ("张调解", "李某某", "双方分歧较大", "材料齐全，内部意见", APPLICANT_NAME, "某某机械有限公司")
        for private in private_data:
            self.assertNotIn(private, page)

    def test_a_case_from_before_the_history_still_starts_with_its_registration(self):
        transaction.begin()
        del IAnnotations(self.case)[history.ANNOTATION_KEY]  # as cases of the first release were
        transaction.commit()
        steps = self.steps(self.look_up(self.reference, PHONE).contents)
        received = self.case.received
        self.assertEqual([title for title, _detail in steps], ["登记申请"])
        self.assertIn(f"{received.year}年{received.month}月{received.day}日", steps[0][1])

    def steps(self, page):
        from lxml import html

        items = html.fromstring(page).xpath('//ol[contains(@class, "sz-timeline")]/li')
        return [
            (
                item.xpath('.//strong[@class="sz-timeline-title"]')[0].text_content().strip(),
                " ".join(item.text_content().split()),
            )
            for item in items
        ]

    def test_an_open_case_cannot_be_rated(self):
        browser = self.look_up(self.reference, PHONE)
        self.assertNotIn("服务评价", browser.contents)
        browser.open(
            f"{self.portal.absolute_url()}/@@case-progress",
            data=f"ref={self.reference}&phone={PHONE}&level=satisfied&rate=1&_authenticator={self.token(browser)}",
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
            data=f"ref={self.reference}&phone={PHONE}&level=satisfied&rate=1",
        )
        self.assertIn("403", browser.headers["status"])
        transaction.begin()
        self.assertIsNone(get_rating(self.case))

    def token(self, browser):
        """The form token an anonymous visitor's page carries."""
        noSecurityManager()
        return createToken()
