"""Notices of procedural events, written (page and PDF) and by SMS and e-mail, on 2026 dates:
补正 (what to supply and by when), the award period extended (art. 43: in writing), acceptance
overdue (art. 29: the applicant may go to court)."""

from datetime import date
from plone import api
from suizhou.laborrights.documents import notices
from suizhou.laborrights.documents.pdf import document_pdf
from suizhou.laborrights.handling import clocks
from suizhou.laborrights.handling import procedure
from suizhou.laborrights.handling.assignment import route
from suizhou.laborrights.notifications.recipients import progress_url
from tests.helpers import at
from tests.helpers import new_case
from tests.notification_helpers import APPLICANT_MAIL
from tests.notification_helpers import NotificationFixture
from tests.pdf_helpers import pdf_text

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


class TestSupplementNotice(ProcedureNoticeFixture):
    def test_not_before_a_supplement_was_asked_for(self):
        with self.assertRaises(notices.NotAvailable):
            notices.build(self.case, "supplement")
        self.assertNotIn("supplement", dict(notices.available(self.case)))

    def test_says_what_to_supply_and_by_when(self):
        procedure.record_event(
            self.case, "supplement_requested", when=date(2026, 3, 10), supply="劳动合同复印件、2026年1月至2月工资流水",
            supply_by=date(2026, 3, 17),
        )
        transaction.commit()
        document = notices.build(self.case, "supplement")
        self.assertEqual((document.title, document.date), ("补正通知书", "2026年3月10日"))
        self.assertEqual(
            document.paragraphs[0],
            f"你（单位）于2026年3月7日提出的拖欠工资申请（受理编号：{self.ref}），所提交的材料不齐备。"
            "请于2026年3月17日前补正下列材料：",
        )
        self.assertEqual(document.paragraphs[1], "劳动合同复印件、2026年1月至2月工资流水")
        self.assertIn("审查期限自收到补正材料之日起重新计算", document.paragraphs[2])
        self.assertIn("劳动合同复印件", pdf_text(document_pdf(document)))
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
        document = notices.build(self.case, "extension")
        self.assertEqual(document.title, "延长仲裁期限通知书")
        self.assertEqual(
            document.paragraphs[0],
            f"你（单位）的拖欠工资劳动争议仲裁案件（受理编号：{self.ref}），因案情复杂，需要进行司法鉴定，"
            "经仲裁委员会主任张某批准，根据《中华人民共和国劳动争议调解仲裁法》第四十三条的规定，"
            "审理期限延长15日，至2026年5月9日届满。",
        )
        self.assertEqual(document.date, "2026年4月20日")
        (text,) = [text for text in self.texts() if "延长" in text]
        self.assertIn(f"您的仲裁案件{self.ref}经批准延长审理期限15日，至2026年5月9日届满。", text)

    def test_no_notice_before_an_extension(self):
        with self.assertRaises(notices.NotAvailable):
            notices.build(self.case, "extension")


class TestAcceptanceOverdueNotice(ProcedureNoticeFixture):
    def test_the_applicant_is_told_they_may_go_to_court(self):
        self.assertEqual(clocks.announce(self.case, on=date(2026, 3, 12)), "due_soon")  # the staff only
        self.assertEqual(self.texts(), [])
        with self.assertRaises(notices.NotAvailable):
            notices.build(self.case, "acceptance_overdue")
        self.assertEqual(clocks.announce(self.case, on=date(2026, 3, 13)), "overdue")
        transaction.commit()
        document = notices.build(self.case, "acceptance_overdue")
        self.assertEqual(document.title, "逾期未受理告知书")
        self.assertIn("仲裁委员会未在法定期限内（2026年3月12日前）作出受理或者不予受理的决定", document.paragraphs[0])
        self.assertIn("第二十九条", document.paragraphs[1])
        self.assertIn("可以就该劳动争议事项向人民法院提起诉讼", document.paragraphs[1])
        (text,) = self.texts()
        self.assertIn(f"您的仲裁申请{self.ref}未在2026年3月12日前作出受理决定，您可依法向人民法院提起诉讼。", text)

    def test_no_longer_once_accepted(self):
        clocks.announce(self.case, on=date(2026, 3, 13))
        with api.env.adopt_roles(["Manager"]):
            clocks.advance(self.case, when=date(2026, 3, 14))
        with self.assertRaises(notices.NotAvailable):
            notices.build(self.case, "acceptance_overdue")

    def test_an_overdue_mediation_is_not_told_to_the_applicant(self):
        case = new_case(received=at(2026, 3, 7, 10), applicant_phone="13907221235")
        route(case, self.unit.UID(), route="mediation", when=at(2026, 3, 9))
        transaction.commit()
        del self.sms.sent[:]
        clocks.announce(case, on=date(2026, 3, 24))
        transaction.commit()
        self.assertEqual(self.texts(), [])
