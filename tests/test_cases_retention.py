"""Retention: closed cases past their period are listed for the city administrator, who approves
their anonymisation; personal data goes, the figures and who approved stay (cases.retention)."""

from datetime import date
from datetime import datetime
from decimal import Decimal
from plone import api
from plone.namedfile.file import NamedBlobFile
from suizhou.laborrights.cases import retention
from suizhou.laborrights.cases.duplicates import TREE_ATTRIBUTE
from suizhou.laborrights.cases.register import get_register
from suizhou.laborrights.documents import issuing
from suizhou.laborrights.employer import access
from suizhou.laborrights.handling.history import entries
from suizhou.laborrights.handling.history import record
from suizhou.laborrights.partners import transfers
from suizhou.laborrights.partners import units
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from tests.docx_helpers import docx_text
from tests.helpers import APPLICANT_NAME
from tests.helpers import bring_to
from tests.helpers import browser_for
from tests.helpers import chinese_site
from tests.helpers import make_station
from tests.helpers import make_user
from tests.helpers import new_case
from tests.helpers import SHANGHAI
from zope.annotation.interfaces import IAnnotations

import transaction
import unittest


PERSONAL = [
    APPLICANT_NAME,
    "13907221234",
    "worker@example.org",
    "随州市曾都区测试路1号",
    "随州市某某机械有限公司",
    "2026年8月至10月工资未发放",
    "支付拖欠工资12000元",
    "张师傅与公司经理",
    "约定分两期支付",
    "13807225678",  # the employer's mobile, kept with the employer's reply link
    "申请人情绪激动请注意",  # the transfer's note to the partner
    "法院回复已联系申请人",  # the partner's note on its result
]
FIGURES = (
    "reference", "district", "channel", "received", "closed", "dispute_types", "claim_amount",
    "workers_involved", "outcome", "route", "amount_recovered", "workers_benefited", "station",
)  # fmt: skip


def closed_case(closed, route, outcome, **fields):
    case = new_case(received=SHANGHAI.localize(datetime(closed.year - 1, 3, 2, 9)), **fields)
    bring_to(case, "closed")
    case.closed = SHANGHAI.localize(closed)
    case.route, case.outcome = route, outcome
    case.reindexObject()
    return case


class TestRetention(unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        chinese_site()
        make_user("city_admin", groups=["city_admins"])
        make_user("clerk", groups=["intake_clerks"])
        # Mediation closed in 2019: 5 years are over. An award closed in 2019: 10 are not.
        self.old = closed_case(
            datetime(2019, 6, 3, 10),
            "mediation",
            "mediated",
            applicant_email="worker@example.org",
            employer_phone="13807225678",
            claim_amount=Decimal("12000"),
            workers_involved=3,
        )
        self.old.amount_recovered, self.old.workers_benefited = Decimal("9000"), 3
        self.award = closed_case(datetime(2019, 6, 3, 10), "arbitration", "award")
        self.recent = closed_case(datetime(2024, 1, 5, 10), "mediation", "mediated")
        with api.env.adopt_roles(["Manager"]):
            api.content.create(
                container=self.old,
                type="CaseAttachment",
                id="contract",
                title="劳动合同",
                file=NamedBlobFile(b"%PDF " + APPLICANT_NAME.encode(), filename="合同.pdf"),
            )
            api.content.create(
                container=self.old,
                type="MediationSession",
                id="session-1",
                mediator="李调解",
                mediation_kind="people",
                parties="张师傅与公司经理",
                result="agreement",
                notes="双方到场",
                agreement_terms="约定分两期支付",
                agreement_amount=Decimal("9000"),
            )
            record(self.old, "edit", f"电话改为13907221234（{APPLICANT_NAME}本人要求）")
        self.document = issuing.issue(self.old, "closure")
        access.send_notice(self.old)
        unit = make_station("unit-p", title="曾都区维权中心", level="center")
        unit.partner_agencies = ["court"]
        court = units.token("court", unit.UID())
        with api.env.adopt_roles(["Manager"]):
            make_user("judge", groups=[units.ensure_group(court)])
            transfers.send(self.old, court, "other", "申请人情绪激动请注意")
        with api.env.adopt_user(username="judge"):
            transfers.give_result(self.old, "handled", date(2019, 7, 1), "法院回复已联系申请人")
        self.before = {name: getattr(self.old, name) for name in FIGURES}
        transaction.commit()
        self.listed = retention.main(self.layer["app"], self.portal.getId())  # the weekly job

    def retention_page(self, username="city_admin"):
        browser = browser_for(self.layer["app"], username)
        browser.open(get_register().absolute_url() + "/@@retention")
        return browser

    def test_a_case_past_its_period_is_listed_one_inside_is_not(self):
        self.assertEqual(self.listed, [self.old.getId()])
        browser = self.retention_page()
        self.assertIn(self.old.getId(), browser.contents)
        self.assertNotIn(self.award.getId(), browser.contents)  # awards: 10 years
        self.assertNotIn(self.recent.getId(), browser.contents)
        self.assertNotIn(APPLICANT_NAME, browser.contents)  # the list names nobody

    def approve(self):
        browser = self.retention_page()
        browser.getControl(name="references:list").value = [self.old.getId()]
        browser.getControl(name="form.anonymise").click()
        transaction.begin()
        return browser

    def test_after_approval_no_personal_data_remains_and_figures_do_not_change(self):
        browser = self.approve()
        self.assertIn("已匿名化处理 1 件事项", browser.contents)
        self.assertIn("没有超过保存期限待处理的事项", browser.contents)
        case = self.old
        stored = " ".join(
            repr(value)
            for value in list(vars(case).values())
            + [dict(value) if hasattr(value, "keys") else list(value) for value in IAnnotations(case).values()]
        )
        for child in case.objectValues():
            stored += repr(vars(child))
        for text in PERSONAL:
            self.assertNotIn(text, stored)
        self.assertEqual(case.objectIds(), ["session-1"])  # the attachment is gone
        self.assertEqual(case["session-1"].agreement_amount, Decimal("9000"))
        self.assertEqual({name: getattr(case, name) for name in FIGURES}, self.before)
        self.assertEqual(api.content.get_state(case), "closed")
        catalog = api.portal.get_tool("portal_catalog")
        [brain] = catalog.unrestrictedSearchResults(portal_type="Case", getId=case.getId())
        metadata = repr({name: brain[name] for name in catalog.schema()})
        for text in PERSONAL:
            self.assertNotIn(text, metadata)
        self.assertEqual((brain.district, brain.dispute_types, brain.channel), ("zengdu", ["wage_arrears"], "window"))
        tree = getattr(get_register(), TREE_ATTRIBUTE)
        self.assertFalse([key for key in tree.keys() if key.endswith(f"|{case.getId()}")])

    def test_the_issued_documents_keep_their_number_kind_and_date_not_the_filled_file(self):
        self.assertIn(APPLICANT_NAME, docx_text(self.document["file"].data))
        self.approve()
        # the last one: the notices issued by themselves on routing and closing come before it
        document = issuing.issued(self.old)[-1]
        self.assertEqual(
            (document["number"], document["kind"], document["issued"]),
            (self.document["number"], "closure", self.document["issued"]),
        )
        filled = [document["file"].data for document in issuing.issued(self.old) if "file" in document]
        self.assertEqual(sum(APPLICANT_NAME in docx_text(data) for data in filled), 0)
        browser = browser_for(self.layer["app"], "city_admin")
        browser.open(f"{self.old.absolute_url()}/@@issued-documents")
        self.assertIn(self.document["number"], browser.contents)
        self.assertNotIn(f"{document['id']}.docx", browser.contents)
        browser.handleErrors, browser.raiseHttpErrors = True, False
        browser.open(f"{self.old.absolute_url()}/@@issued-document/{document['id']}.docx")
        self.assertEqual(browser.headers["status"].split()[0], "404")
        self.assertNotIn(APPLICANT_NAME, browser.contents)

    def test_a_notice_keeps_the_date_of_its_event(self):
        # a notice issued by itself for the closing of 3 June 2019 bears that day, not today's
        notice = issuing.issue(self.old, "closure", dated=SHANGHAI.localize(datetime(2019, 6, 3, 10)))
        transaction.commit()
        self.approve()
        [kept] = [document for document in issuing.issued(self.old) if document["id"] == notice["id"]]
        self.assertNotIn("file", kept)
        browser = browser_for(self.layer["app"], "city_admin")
        browser.open(f"{self.old.absolute_url()}/@@issued-documents")
        self.assertIn("2019年6月3日", browser.contents)

    def test_the_employers_link_and_the_partners_notes_are_gone(self):
        self.approve()
        self.assertIsNone(IAnnotations(self.old).get(access.ANNOTATION_KEY))
        [transfer] = transfers.transfers(self.old)
        self.assertEqual((transfer["note"], transfer["result_note"]), ("", ""))
        self.assertEqual((transfer["purpose"], transfer["outcome"]), ("other", "handled"))

    def test_the_approver_and_the_time_are_recorded_and_shown(self):
        self.approve()
        done = retention.anonymised(self.old)
        self.assertEqual(done["by"], "city_admin")
        last = entries(self.old)[-1]
        self.assertEqual((last.action, last.actor), ("anonymised", "city_admin"))
        self.assertTrue(all(entry.comment == "" for entry in entries(self.old)))
        browser = browser_for(self.layer["app"], "city_admin")
        browser.open(self.old.absolute_url())
        self.assertIn("批准匿名化处理", browser.contents)
        self.assertIn("city_admin", browser.contents)

    def test_others_get_the_registers_usual_answer(self):
        browser = browser_for(self.layer["app"], "clerk")
        browser.handleErrors = True
        browser.raiseHttpErrors = False
        browser.open(get_register().absolute_url() + "/@@retention")
        self.assertNotIn(self.old.getId(), browser.contents)
        self.assertNotIn("批准匿名化处理所选事项", browser.contents)

        anonymous = type(browser)(self.layer["app"])
        anonymous.raiseHttpErrors = False
        anonymous.open(get_register().absolute_url() + "/@@retention")
        self.assertEqual(anonymous.headers["status"].split()[0], "404")
