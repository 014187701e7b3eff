"""Notices of procedural events, written (issued from the Word templates by themselves, numbered
and dated the day of the event) and by SMS and e-mail, on 2026 dates: 补正 (what to supply and by
when), the award period extended (art. 43: in writing), acceptance overdue (art. 29: the
applicant may go to court)."""

from datetime import date
from plone import api
from suizhou.laborrights.documents import issuing
from suizhou.laborrights.documents import notices
from suizhou.laborrights.handling import clocks
from suizhou.laborrights.handling import procedure
from suizhou.laborrights.handling.assignment import route
from suizhou.laborrights.notifications.recipients import progress_url
from tests.docx_helpers import docx_text
from tests.helpers import at
from tests.helpers import new_case
from tests.notification_helpers import APPLICANT_MAIL
from tests.notification_helpers import NotificationFixture

import transaction


class ProcedureNoticeFixture(NotificationFixture):
    def setUp(self):
        super().setUp()
        # received Saturday 7 March 2026, routed to arbitration on Monday 9 March: due 12 March
        self.case = new_case(received=at(2026, 3, 7, 10), applicant_email=APPLICANT_MAIL, applicant_phone="13907221234")
        self.route(route="arbitration", when=at(2026, 3, 9))
        transaction.commit()
        self.mailhost.reset()
        del self.sms.sent[:]
        self.ref = self.case.getId()

    def texts(self):
        return [text for phone, text in self.sms.sent]

    def issued(self, kind):
        """The ``kind`` notice issued on the case, and its text as a reader sees it in Word."""
        [document] = [document for document in issuing.issued(self.case) if document["kind"] == kind]
        return document, docx_text(document["file"].data)

    def assertNotIssued(self, kind):
        with self.assertRaises(notices.NotAvailable):
            notices.check(self.case, kind)
        self.assertNotIn(kind, [document["kind"] for document in issuing.issued(self.case)])


class TestSupplementNotice(ProcedureNoticeFixture):
    def test_not_before_a_supplement_was_asked_for(self):
        self.assertNotIssued("supplement")
        self.assertNotIn("supplement", dict(notices.available(self.case)))

    def test_says_what_to_supply_and_by_when(self):
        procedure.record_event(
            self.case, "supplement_requested", when=date(2026, 3, 10), supply="劳动合同复印件、2026年1月至2月工资流水",
            supply_by=date(2026, 3, 17),
        )
        transaction.commit()
        document, text = self.issued("supplement")
        self.assertRegex(document["number"], r"^随劳调补字〔2026〕第\d{4}号$")
        lines = text.split("\n")
        self.assertEqual(lines[0], "补正通知书")
        self.assertIn(
            f"你（单位）于2026年3月7日提出的拖欠工资申请（受理编号：{self.ref}），所提交的材料不齐备。"
            "请于2026年3月17日前补正下列材料：",
            lines,
        )
        self.assertIn("劳动合同复印件、2026年1月至2月工资流水", lines)
        self.assertIn("审查期限自收到补正材料之日起重新计算（《劳动人事争议仲裁办案规则》第四十六条）", text)
        self.assertIn("2026年3月10日", lines)  # dated the day the handler recorded
        # where to bring the papers: the handling unit and its address
        self.assertIn("补正材料请交至曾都区劳动保障维权中心。", text)
        self.assertIn("承办单位：曾都区劳动保障维权中心，地址：随州市曾都区测试路1号。", lines)
        self.assertIn(("supplement", "补正通知书"), notices.available(self.case))
        (text,) = self.texts()
        self.assertTrue(
            text.endswith(
                f"您的维权事项{self.ref}需补正材料：劳动合同复印件、2026年1月至2月工资流水。请于2026年3月17日前提交。"
                f"详询：{progress_url(self.case)}"
            ),
            text,
        )
        ((subject, body),) = self.mails_to(APPLICANT_MAIL)
        self.assertIn("需补正材料", subject)
        self.assertIn("劳动合同复印件、2026年1月至2月工资流水", body)


class TestExtensionNotice(ProcedureNoticeFixture):
    def test_the_award_extension_is_notified_in_writing(self):
        with api.env.adopt_roles(["Manager"]):
            clocks.advance(self.case, when=date(2026, 3, 10))  # the award: due 24 April
            clocks.extend(self.case, "仲裁委员会主任张某", "案情复杂，需要进行司法鉴定。", when=date(2026, 4, 20))
        transaction.commit()
        document, text = self.issued("extension")
        self.assertRegex(document["number"], r"^随劳调延字〔2026〕第\d{4}号$")
        lines = text.split("\n")
        self.assertEqual(lines[0], "延长仲裁期限通知书")
        self.assertIn(
            f"你（单位）的拖欠工资劳动争议仲裁案件（受理编号：{self.ref}），因案情复杂，需要进行司法鉴定，"
            "经仲裁委员会主任张某批准，根据《中华人民共和国劳动争议调解仲裁法》第四十三条的规定，"
            "审理期限延长15日，至2026年5月9日届满。",
            lines,
        )
        self.assertIn("2026年4月20日", lines)
        (text,) = [text for text in self.texts() if "延长" in text]
        self.assertIn(f"您的仲裁案件{self.ref}经批准延长审理期限15日，至2026年5月9日届满。", text)

    def test_no_notice_before_an_extension(self):
        self.assertNotIssued("extension")


class TestAcceptanceOverdueNotice(ProcedureNoticeFixture):
    def test_the_applicant_is_told_they_may_go_to_court(self):
        self.assertEqual(clocks.announce(self.case, on=date(2026, 3, 12)), "due_soon")  # the staff only
        self.assertEqual(self.texts(), [])
        self.assertNotIssued("acceptance_overdue")
        self.assertEqual(clocks.announce(self.case, on=date(2026, 3, 13)), "overdue")
        transaction.commit()
        document, text = self.issued("acceptance_overdue")
        self.assertRegex(document["number"], r"^随劳调逾字〔2026〕第\d{4}号$")
        self.assertIn("逾期未受理告知书", text)
        self.assertIn(f"你（单位）于2026年3月7日提出的仲裁申请（受理编号：{self.ref}）", text)
        self.assertIn("仲裁委员会未在法定期限内（2026年3月12日前）作出受理或者不予受理的决定", text)
        self.assertIn("根据《中华人民共和国劳动争议调解仲裁法》第二十九条的规定", text)
        self.assertIn("可以就该劳动争议事项向人民法院提起诉讼", text)
        (text,) = self.texts()
        self.assertIn(f"您的仲裁申请{self.ref}未在2026年3月12日前作出受理决定，您可依法向人民法院提起诉讼。", text)

    def test_no_longer_once_accepted(self):
        clocks.announce(self.case, on=date(2026, 3, 13))
        with api.env.adopt_roles(["Manager"]):
            clocks.advance(self.case, when=date(2026, 3, 14))
        with self.assertRaises(notices.NotAvailable):
            notices.check(self.case, "acceptance_overdue")

    def test_an_overdue_mediation_is_not_told_to_the_applicant(self):
        case = new_case(received=at(2026, 3, 7, 10), applicant_phone="13907221235")
        route(case, self.unit.UID(), route="mediation", when=at(2026, 3, 9))
        transaction.commit()
        del self.sms.sent[:]
        clocks.announce(case, on=date(2026, 3, 24))
        transaction.commit()
        self.assertEqual(self.texts(), [])
        self.assertEqual([document["kind"] for document in issuing.issued(case)], [])
