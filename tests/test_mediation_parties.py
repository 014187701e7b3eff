"""Mediation with both parties (issue 13 item 5): the mediator schedules a session (time, place
or video link, mediator); the applicant (SMS and e-mail) and the employer (SMS to its mobile on
the case) are told once per appointment, again when it changes; attendance and the result are
recorded in the history; a session held in the past tells nobody."""

from datetime import timedelta
from email import message_from_bytes
from email.header import decode_header
from email.header import make_header
from plone import api
from suizhou.laborrights.cases.register import now
from suizhou.laborrights.handling.assignment import route
from suizhou.laborrights.handling.assignment import unit_group_id
from suizhou.laborrights.handling.history import entries
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from tests.helpers import browser_for
from tests.helpers import chinese_site
from tests.helpers import make_station
from tests.helpers import make_user
from tests.helpers import new_case
from tests.mocks import swap_mailhost
from tests.mocks import swap_sms_gateway
from zope.lifecycleevent import modified

import lxml.html
import transaction
import unittest


APPLICANT_PHONE = "13907221234"
APPLICANT_MAIL = "applicant@example.org"
EMPLOYER_PHONE = "13800001111"
PLACE = "曾都区劳动保障维权中心三楼调解室"


class MediationPartiesTestCase(unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        chinese_site()
        self.sms = swap_sms_gateway(self)
        self.mailhost = swap_mailhost(self, self.portal)
        self.unit = make_station("studio", title="新就业形态劳动维权调解工作室").UID()
        make_user("mediator", groups=[unit_group_id(self.unit)])
        self.case = new_case(
            applicant_phone=APPLICANT_PHONE, applicant_email=APPLICANT_MAIL, employer_phone=EMPLOYER_PHONE
        )
        with api.env.adopt_roles(["Manager"]):
            route(self.case, self.unit, handler="mediator", route="mediation")
        transaction.commit()
        del self.sms.sent[:]  # the routing's notices
        self.mailhost.reset()
        self.when = (now() + timedelta(days=3)).replace(hour=9, minute=30, second=0, microsecond=0, tzinfo=None)

    def add_session(self, **data):
        fields = {
            "session_date": self.when,
            "mediator": "张调解",
            "mediation_kind": "people",
            "place": PLACE,
            "result": "scheduled",
        }
        fields.update(data)
        with api.env.adopt_user(username="mediator"):
            session = api.content.create(
                container=self.case, type="MediationSession", id=f"session-{len(self.case.objectIds()) + 1}", **fields
            )
        transaction.commit()
        return session

    def texts_to(self, phone):
        return [text for to, text in self.sms.sent if to == phone]

    def mails_to(self, address):
        found = []
        for raw in self.mailhost.messages:
            message = message_from_bytes(raw)
            if address in str(message["To"]):
                found.append((str(make_header(decode_header(message["Subject"]))),
                              message.get_payload(decode=True).decode("utf-8")))
        return found


class TestScheduling(MediationPartiesTestCase):
    def test_both_parties_are_told_when_where_and_who(self):
        self.add_session()
        (to_applicant,) = self.texts_to(APPLICANT_PHONE)
        (to_employer,) = self.texts_to(EMPLOYER_PHONE)
        day = f"{self.when:%Y-%m-%d} 09:30"
        for text in (to_applicant, to_employer):
            self.assertIn(self.case.getId(), text)
            self.assertIn(day, text)
            self.assertIn(PLACE, text)
            self.assertIn("张调解", text)
        self.assertIn("随州市某某机械有限公司", to_employer)
        for private in (self.case.applicant_name, self.case.applicant_id_number, APPLICANT_PHONE):
            self.assertNotIn(private, to_employer)
        ((subject, body),) = self.mails_to(APPLICANT_MAIL)
        self.assertIn("调解通知", subject)
        self.assertIn(PLACE, body)
        told = [e for e in entries(self.case) if e.action == "notified"][-1]
        self.assertEqual(dict(told.details)["channels"], ("applicant_sms", "applicant_mail", "employer_sms"))

    def test_a_video_session_sends_the_link(self):
        self.add_session(place=None, video_link="https://meeting.example.gov.cn/j/123456")
        (to_employer,) = self.texts_to(EMPLOYER_PHONE)
        self.assertIn("视频调解", to_employer)
        self.assertIn("https://meeting.example.gov.cn/j/123456", to_employer)

    def test_an_edit_tells_again_only_when_the_appointment_changes(self):
        session = self.add_session()
        session.notes = "申请人来电确认参加。"
        modified(session)
        transaction.commit()
        self.assertEqual(len(self.texts_to(EMPLOYER_PHONE)), 1)
        session.session_date = self.when + timedelta(days=1)
        modified(session)
        transaction.commit()
        later = self.texts_to(EMPLOYER_PHONE)
        self.assertEqual(len(later), 2)
        self.assertIn(f"{self.when + timedelta(days=1):%Y-%m-%d}", later[1])

    def test_a_session_held_in_the_past_tells_nobody(self):
        self.add_session(session_date=self.when - timedelta(days=10), result="continued",
                         applicant_attended=True, employer_attended=False)
        self.assertEqual(self.sms.sent, [])
        entry = [e for e in entries(self.case) if e.action == "mediation_session"][-1]
        details = dict(entry.details)
        self.assertEqual((details["applicant_attended"], details["employer_attended"]), (True, False))
        self.assertEqual(details["result"], "continued")

    def test_an_employer_without_a_mobile_is_not_texted_the_applicant_still_is(self):
        transaction.begin()
        self.case.employer_phone = "0722-3333333"
        transaction.commit()
        self.add_session()
        self.assertEqual(len(self.texts_to(APPLICANT_PHONE)), 1)
        self.assertEqual(self.texts_to("0722-3333333"), [])


class TestSchedulingForm(MediationPartiesTestCase):
    def open_add_form(self):
        browser = browser_for(self.layer["app"], "mediator")
        browser.open(self.case.absolute_url())
        browser.getLink("添加调解记录").click()
        browser.getControl(name="form.widgets.session_date").value = f"{self.when:%Y-%m-%dT%H:%M}"
        browser.getControl(name="form.widgets.mediator").value = "张调解"
        browser.getControl(name="form.widgets.mediation_kind:list").value = ["people"]
        browser.getControl(name="form.widgets.result:list").value = ["scheduled"]
        return browser

    def test_the_mediator_schedules_a_session_in_the_form(self):
        browser = self.open_add_form()
        browser.getControl(name="form.buttons.save").click()
        self.assertIn("须填写调解地点或视频调解链接", browser.contents)
        self.assertEqual(browser.getControl(name="form.widgets.mediator").value, "张调解")
        self.assertEqual(self.sms.sent, [])
        browser.getControl(name="form.widgets.place").value = PLACE
        browser.getControl(name="form.buttons.save").click()
        self.assertEqual(len(self.texts_to(EMPLOYER_PHONE)), 1)
        browser.open(self.case.absolute_url())
        self.assertIn("已排期，待调解", browser.contents)

    def test_a_bad_video_link_is_refused_at_the_field(self):
        browser = self.open_add_form()
        browser.getControl(name="form.widgets.video_link").value = "会议室"
        browser.getControl(name="form.buttons.save").click()
        self.assertEqual(self.sms.sent, [])
        field = lxml.html.fromstring(browser.contents).cssselect("#formfield-form-widgets-video_link")[0]
        self.assertIn("应为以 https:// 开头的网址", field.text_content())
        self.assertEqual(browser.getControl(name="form.widgets.video_link").value, "会议室")
