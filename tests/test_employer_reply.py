"""The employer's reply (issue 13 item 5): the notice SMS with its link, the one-time code sent
to the employer's phone on the case, the reply and evidence landing on the case for the handler,
and every denial: a wrong code, a used code, an expired code, an expired or replaced link, another
case's link, too many attempts; the page never shows the applicant's ID number, phone or address."""

from datetime import timedelta
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.testing.zope import Browser
from suizhou.laborrights.cases import retention
from suizhou.laborrights.employer import access
from suizhou.laborrights.handling import history
from suizhou.laborrights.handling.assignment import route
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from tests.helpers import bring_to
from tests.helpers import browser_for
from tests.helpers import chinese_site
from tests.helpers import make_user
from tests.helpers import new_case
from tests.helpers import RoutingFixture
from tests.mocks import swap_sms_gateway
from urllib.parse import parse_qs
from urllib.parse import urlparse
from webtest.forms import Upload
from zope.annotation.interfaces import IAnnotations

import lxml.html
import re
import transaction
import unittest


EMPLOYER_PHONE = "13800001111"
APPLICANT_PHONE = "13907221234"
ADDRESS = "随州市曾都区测试路1号"
EVIDENCE = b"%PDF-1.4 attendance records " * 50


def texts(html, selector):
    return [" ".join(e.text_content().split()) for e in lxml.html.fromstring(html).cssselect(selector)]


def attach(browser, filename, data):
    control = browser.getControl(name="files:list")
    control._form[control.name] = [Upload(filename, data, "application/pdf")]


class EmployerReplyTestCase(unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        chinese_site()
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        self.sms = swap_sms_gateway(self)
        self.case = new_case(employer_phone=EMPLOYER_PHONE, applicant_phone=APPLICANT_PHONE)
        self.other = new_case(employer_phone="13800002222")
        transaction.commit()
        self.link = self.notify(self.case)

    def notify(self, case):
        before = len(self.sms.sent)
        access.send_notice(case)
        transaction.commit()
        phone, text = self.sms.sent[before]
        self.assertEqual(phone, EMPLOYER_PHONE if case is self.case else case.employer_phone)
        return re.search(r"(https?://\S+)", text).group(1)

    def browser(self):
        browser = Browser(self.layer["app"])
        browser.raiseHttpErrors = False
        browser.addHeader("Accept-Language", "zh-CN")
        return browser

    def open(self, link):
        browser = self.browser()
        browser.open(link)
        return browser

    def request_code(self, browser):
        before = len(self.sms.sent)
        browser.getControl(name="send_code").click()
        self.assertEqual(len(self.sms.sent), before + 1, browser.contents)
        phone, text = self.sms.sent[-1]
        self.assertEqual(phone, EMPLOYER_PHONE)
        return re.search(r"验证码(\d{6})", text).group(1)

    def submit(self, browser, code, reply="工资已于11月全部发放，附考勤记录。", evidence=None):
        browser.getControl(name="reply").value = reply
        browser.getControl(name="code").value = code
        if evidence is not None:
            attach(browser, "考勤记录.pdf", evidence)
        browser.getControl(name="submit_reply").click()
        return browser

    def code_error(self, browser):
        return " ".join(texts(browser.contents, ".sz-field-error"))

    def replies(self, case=None):
        transaction.begin()
        return [e for e in history.entries(case or self.case) if e.action == "employer_reply"]

    def expire(self, **values):
        transaction.begin()
        IAnnotations(self.case)[access.ANNOTATION_KEY].update(values)
        transaction.commit()


class TestNotice(EmployerReplyTestCase):
    def test_notice_goes_to_the_employers_phone_with_the_reference_and_is_recorded(self):
        phone, text = self.sms.sent[0]
        self.assertEqual(phone, EMPLOYER_PHONE)
        self.assertIn(self.case.getId(), text)
        self.assertIn("14日内", text)
        self.assertNotIn(self.case.applicant_name, text)
        self.assertIn("employer_notified", [e.action for e in history.entries(self.case)])

    def test_the_link_lives_as_long_as_the_setting_says(self):
        transaction.begin()
        api.portal.set_registry_record("suizhou.laborrights.notifications.employer_link_days", 3)
        transaction.commit()
        self.link = self.notify(self.case)
        self.assertIn("3日内", self.sms.sent[-1][1])
        transaction.begin()
        state = IAnnotations(self.case)[access.ANNOTATION_KEY]
        self.assertEqual(state["expires"] - state["issued"], timedelta(days=3))

    def test_no_mobile_of_the_employer_no_notice(self):
        landline = new_case(employer_phone="0722-3333333")
        with self.assertRaises(access.Denied) as refused:
            access.send_notice(landline)
        self.assertIn("未登记用人单位的手机号码", refused.exception.text())


class TestReply(EmployerReplyTestCase):
    def test_page_shows_the_reference_and_claims_never_the_applicants_contact(self):
        browser = self.open(self.link)
        self.assertEqual(browser.headers["status"], "200 OK")
        self.assertEqual(texts(browser.contents, ".sz-employer-reference"), [self.case.getId()])
        page = browser.contents
        self.assertIn("随州市某某机械有限公司", page)
        self.assertIn("支付拖欠工资12000元", page)
        for private in (self.case.applicant_id_number, APPLICANT_PHONE, ADDRESS, self.case.applicant_name,
                        self.case.facts, self.other.getId()):
            self.assertNotIn(private, page)
        self.assertIn(self.case.applicant_name[:1] + "**", page)
        self.assertIn("no-store", browser.headers["Cache-Control"])
        self.assertEqual(browser.headers["Referrer-Policy"], "no-referrer")

    def test_reply_with_code_lands_on_the_case_with_its_evidence(self):
        browser = self.open(self.link)
        code = self.request_code(browser)
        self.submit(browser, code, evidence=EVIDENCE)
        self.assertIn("答复已提交", browser.contents)
        (entry,) = self.replies()
        self.assertEqual(entry.comment, "工资已于11月全部发放，附考勤记录。")
        self.assertEqual(entry.actor, "@employer")
        self.assertEqual(dict(entry.details)["files"], ("考勤记录.pdf",))
        evidence = self.case["employer-evidence-1"]
        self.assertEqual(evidence.file.data, EVIDENCE)
        self.assertEqual(evidence.Title(), "用人单位提交的证据")
        # the evidence is the case's: the employer cannot download it back
        anonymous = self.open(evidence.absolute_url() + "/@@download/file")
        self.assertNotEqual(anonymous.contents, EVIDENCE)

    def test_handler_sees_the_reply_on_the_case_page(self):
        browser = self.open(self.link)
        self.submit(browser, self.request_code(browser), reply="已与申请人协商。", evidence=EVIDENCE)
        staff = browser_for(self.layer["app"], make_user("handler_x", roles=["Manager"]).getId())
        transaction.commit()
        staff.open(self.case.absolute_url())
        self.assertIn("已与申请人协商。", staff.contents)
        timeline = " ".join(texts(staff.contents, "body"))
        self.assertIn("用人单位（网上答复）", timeline)
        self.assertNotIn("申请人（网上）", timeline)

    def test_empty_reply_and_a_program_are_refused_at_the_field_keeping_the_code(self):
        browser = self.open(self.link)
        code = self.request_code(browser)
        self.submit(browser, code, reply="   ")
        self.assertIn("请填写答复意见", self.code_error(browser))
        attach(browser, "x.pdf", b"MZ\x90\x00program")
        self.submit(browser, code, reply="答复")
        self.assertIn("内容与其扩展名不符", self.code_error(browser))
        self.assertEqual(browser.getControl(name="reply").value, "答复")
        self.assertEqual(self.replies(), [])
        self.submit(browser, code, reply="答复")  # the code was not spent by the refused tries
        self.assertEqual(len(self.replies()), 1)


class TestDenials(EmployerReplyTestCase):
    def test_wrong_code_is_refused_and_nothing_stored(self):
        browser = self.open(self.link)
        code = self.request_code(browser)
        wrong = f"{(int(code) + 1) % 1000000:06d}"
        self.submit(browser, wrong)
        self.assertIn("验证码不正确", self.code_error(browser))
        self.assertIn("还可尝试4次", self.code_error(browser))
        self.assertEqual(self.replies(), [])

    def test_a_code_works_once(self):
        browser = self.open(self.link)
        code = self.request_code(browser)
        self.submit(browser, code, reply="第一次答复")
        self.submit(self.open(self.link), code, reply="第二次答复")
        self.assertEqual([e.comment for e in self.replies()], ["第一次答复"])

    def test_reused_code_says_so(self):
        browser = self.open(self.link)
        code = self.request_code(browser)
        self.submit(browser, code)
        again = self.submit(self.open(self.link), code)
        self.assertIn("已使用过", self.code_error(again))

    def test_code_expires_after_ten_minutes(self):
        browser = self.open(self.link)
        code = self.request_code(browser)
        transaction.begin()
        issued = IAnnotations(self.case)[access.ANNOTATION_KEY]["code_issued"]
        self.expire(code_issued=issued - timedelta(minutes=11))
        self.submit(browser, code)
        self.assertIn("验证码已过期", self.code_error(browser))
        self.assertEqual(self.replies(), [])

    def test_no_code_asked_no_reply(self):
        browser = self.open(self.link)
        self.submit(browser, "123456")
        self.assertIn("请先获取", self.code_error(browser))
        self.assertEqual(self.replies(), [])

    def test_too_many_wrong_codes_lock_the_link_even_for_the_right_code(self):
        browser = self.open(self.link)
        code = self.request_code(browser)
        wrong = f"{(int(code) + 1) % 1000000:06d}"
        for _attempt in range(access.MAX_FAILURES):
            browser = self.submit(self.open(self.link), wrong)
        self.assertIn("错误次数过多", self.code_error(browser))
        locked = self.open(self.link)
        self.assertEqual(locked.headers["status"], "403 Forbidden")
        self.assertIn("错误次数过多", " ".join(texts(locked.contents, ".sz-employer-denied")))
        self.assertNotIn(self.case.getId(), locked.contents)
        self.assertEqual(self.replies(), [])

    def test_expired_link_is_refused_and_reveals_nothing(self):
        transaction.begin()
        expires = IAnnotations(self.case)[access.ANNOTATION_KEY]["expires"]
        self.expire(expires=expires - timedelta(days=14, seconds=1))
        browser = self.open(self.link)
        self.assertEqual(browser.headers["status"], "403 Forbidden")
        self.assertIn("无效或已失效", browser.contents)
        self.assertNotIn(self.case.getId(), browser.contents)
        self.assertEqual(browser.contents.count('name="code"'), 0)

    def assert_link_refused(self, browser):
        self.assertEqual(browser.headers["status"], "403 Forbidden")
        self.assertIn("该链接无效或已失效", browser.contents)
        self.assertNotIn(self.case.getId(), browser.contents)
        self.assertEqual(browser.contents.count('name="reply"'), 0)

    def test_the_link_ends_with_the_case(self):
        for state in ("closed", "withdrawn", "rejected"):
            with self.subTest(state=state):
                case = new_case(employer_phone=EMPLOYER_PHONE)
                transaction.commit()
                link = self.notify(case)
                browser = self.open(link)  # open while the case runs: the reply form
                code = self.request_code(browser)
                transaction.begin()
                bring_to(case, state)
                transaction.commit()
                self.assert_link_refused(self.open(link))
                self.submit(browser, code, reply="迟到的答复")  # the form still open in the browser
                self.assert_link_refused(browser)
                self.assertEqual(self.replies(case), [])

    def test_the_link_of_an_anonymised_case_opens_nothing(self):
        transaction.begin()
        bring_to(self.case, "closed")
        retention.anonymise(self.case, approver="city")
        transaction.commit()
        self.assert_link_refused(self.open(self.link))

    def test_link_of_another_case_opens_nothing(self):
        other_link = self.notify(self.other)
        token = parse_qs(urlparse(self.link).query)["t"][0]
        other_uid = parse_qs(urlparse(other_link).query)["case"][0]
        crossed = self.link.replace(self.case.UID(), other_uid)
        self.assertIn(token, crossed)
        browser = self.open(crossed)
        self.assertEqual(browser.headers["status"], "403 Forbidden")
        self.assertNotIn(self.other.getId(), browser.contents)
        self.assertNotIn(self.case.getId(), browser.contents)

    def test_made_up_or_missing_token_opens_nothing(self):
        for link in (
            self.link.split("&t=")[0],
            self.link.split("&t=")[0] + "&t=made-up",
            self.portal.absolute_url() + "/@@employer-reply",
        ):
            browser = self.open(link)
            self.assertEqual(browser.headers["status"], "403 Forbidden", link)
            self.assertNotIn(self.case.getId(), browser.contents)

    def test_a_new_notice_replaces_the_old_link(self):
        self.notify(self.case)
        browser = self.open(self.link)
        self.assertEqual(browser.headers["status"], "403 Forbidden")

    def test_code_cannot_be_asked_again_within_a_minute(self):
        browser = self.open(self.link)
        self.request_code(browser)
        before = len(self.sms.sent)
        browser.getControl(name="send_code").click()
        self.assertEqual(len(self.sms.sent), before)
        self.assertIn("秒后再重新获取", self.code_error(browser))

    def test_post_without_the_page_token_is_refused(self):
        query = urlparse(self.link).query
        browser = self.browser()
        browser.post(f"{self.portal.absolute_url()}/@@employer-reply", query + "&send_code=1")
        self.assertEqual(browser.headers["status"], "403 Forbidden")
        self.assertEqual(len(self.sms.sent), 1)  # only the notice


class TestNotifyForm(EmployerReplyTestCase):
    def test_only_the_cases_staff_may_send_the_notice(self):
        fixture = RoutingFixture()
        fixture.make_people()
        route(self.case, fixture.a, route="mediation")
        transaction.commit()
        allowed = browser_for(self.layer["app"], "staff_a")
        allowed.open(self.case.absolute_url() + "/@@notify-employer")
        self.assertIn("发送通知", allowed.contents)
        for user in ("clerk", "staff_b"):
            browser = browser_for(self.layer["app"], user)
            browser.handleErrors, browser.raiseHttpErrors = True, False
            browser.open(self.case.absolute_url() + "/@@notify-employer")
            self.assertNotEqual(browser.headers["status"], "200 OK", user)
        anonymous = self.open(self.case.absolute_url() + "/@@notify-employer")
        self.assertNotIn("发送通知", anonymous.contents)

    def test_handler_sends_the_notice_from_the_form(self):
        staff = browser_for(self.layer["app"], make_user("handler_y", roles=["Manager"]).getId())
        transaction.commit()
        staff.open(self.case.absolute_url() + "/@@notify-employer")
        self.assertIn("138****1111", staff.contents)
        before = len(self.sms.sent)
        staff.getControl(name="form.buttons.notify").click()
        self.assertEqual(len(self.sms.sent), before + 1)
        self.assertEqual(self.sms.sent[-1][0], EMPLOYER_PHONE)
        self.assertEqual(self.open(self.link).headers["status"], "403 Forbidden")  # replaced
