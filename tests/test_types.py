"""Every content type: where it may be added, what it stores, and the case form's bad input."""

from lxml import html
from plone import api
from plone.api.exc import InvalidParameterError
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.namedfile.file import NamedBlobFile
from plone.restapi.testing import RelativeSession
from plone.testing.zope import Browser
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from suizhou.laborrights.testing import INTEGRATION_TESTING
from tests.helpers import at
from tests.helpers import make_user
from tests.helpers import new_case
from tests.helpers import valid_credit_code
from tests.helpers import valid_id_number
from urllib.parse import urlencode

import datetime
import decimal
import transaction
import unittest


PASSWORD = "secret-password-123"  # tests.helpers.make_user


class TestWhereTypesGo(unittest.TestCase):
    """Each type is created where its container allows it, and refused everywhere else."""

    layer = INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.district = self.portal.stations.zengdu

    def create(self, container, type_, **fields):
        with api.env.adopt_roles(["Manager"]):
            return api.content.create(container=container, type=type_, **fields)

    def assertRefused(self, container, type_, **fields):
        fields.setdefault("id", "refused")
        with self.assertRaises(InvalidParameterError, msg=f"{type_} in {container.absolute_url()}"):
            self.create(container, type_, **fields)
        self.assertNotIn("refused", container.objectIds())

    def test_district_only_under_stations(self):
        district = self.create(
            self.portal.stations, "District", id="xian", title="某县", district="city", address="某路1号"
        )
        self.assertEqual(district.aq_parent, self.portal.stations)
        self.assertEqual((district.district, district.address), ("city", "某路1号"))
        self.assertRefused(self.district, "District")
        self.assertRefused(self.portal.guides, "District")

    def test_service_station_only_in_a_district(self):
        station = self.create(
            self.district,
            "ServiceStation",
            title="南郊街道劳动保障维权服务站",
            level="station",
            district="zengdu",
            township="南郊街道",
            host_type="party_service",
            address="随州市曾都区南郊街道1号",
            latitude=31.69,
            longitude=113.37,
            phones=["0722-3331234", "13907221234"],
            dispute_types=["wage_arrears", "work_injury"],
            mediation_kinds=["people"],
            partner_agencies=["union", "court"],
        )
        self.assertEqual(station.aq_parent, self.district)
        self.assertEqual(station.level, "station")
        self.assertEqual(station.phones, ["0722-3331234", "13907221234"])
        self.assertEqual(station.partner_agencies, ["union", "court"])
        self.assertEqual((station.latitude, station.longitude), (31.69, 113.37))
        self.assertTrue(station.opening_hours.startswith("周一至周五"))  # the default
        for container in (self.portal.stations, self.portal, self.portal.guides):
            self.assertRefused(container, "ServiceStation")

    def test_mediator_only_in_a_district(self):
        mediator = self.create(
            self.district,
            "Mediator",
            title="李某某",
            district="zengdu",
            mediation_kind="union",
            mediator_title="gold",
            specialties=["wage_arrears"],
            studio="new_employment",
            phone="13907229999",
        )
        self.assertEqual(mediator.aq_parent, self.district)
        self.assertEqual(
            (mediator.mediation_kind, mediator.mediator_title, mediator.studio, mediator.phone),
            ("union", "gold", "new_employment", "13907229999"),
        )
        for container in (self.portal.stations, self.portal, self.portal.guides):
            self.assertRefused(container, "Mediator")

    def test_guide_with_its_materials_table(self):
        materials = [
            {"material": "身份证", "form": "original", "count": 1, "note": None},
            {"material": "劳动合同", "form": "copy", "count": 2, "note": "如有"},
        ]
        guide = self.create(
            self.portal.guides,
            "Guide",
            title="拖欠工资投诉一次性告知清单",
            guide_kind="checklist",
            dispute_types=["wage_arrears"],
            materials=materials,
            legal_basis="《保障农民工工资支付条例》",
        )
        self.assertEqual(guide.aq_parent, self.portal.guides)
        self.assertEqual(guide.materials, materials)
        self.assertEqual(guide.fee, "不收费")  # the default
        self.assertRefused(self.portal["typical-cases"], "Guide")
        self.assertRefused(self.district, "Guide")

    def test_typical_case_only_in_its_folder(self):
        typical = self.create(
            self.portal["typical-cases"],
            "TypicalCase",
            title="某公司拖欠12名农民工工资案",
            dispute_types=["wage_arrears"],
            district="suixian",
            case_date=datetime.date(2026, 5, 1),
            summary="张某等12人被拖欠工资。",
        )
        self.assertEqual(typical.aq_parent, self.portal["typical-cases"])
        self.assertEqual((typical.district, typical.case_date), ("suixian", datetime.date(2026, 5, 1)))
        self.assertRefused(self.portal.guides, "TypicalCase")
        self.assertRefused(self.district, "TypicalCase")

    def test_case_only_in_the_register(self):
        case = new_case(
            received=at(2026, 6, 1),
            district="hitech",
            claim_amount=decimal.Decimal("12000.50"),
            workers_involved=3,
            applicant_gig_worker=True,
        )
        self.assertEqual(case.aq_parent.aq_parent.aq_parent, self.portal.cases)
        self.assertEqual(case.claim_amount, decimal.Decimal("12000.50"))
        self.assertEqual(case.workers_involved, 3)
        self.assertTrue(case.applicant_gig_worker)
        self.assertEqual(case.employer_credit_code, valid_credit_code())
        self.assertEqual(case.received, at(2026, 6, 1))
        for container in (self.portal, self.district, self.portal.guides, self.portal.stations):
            self.assertRefused(container, "Case")

    def test_register_folders_only_in_the_register(self):
        self.assertRefused(self.portal, "CaseFolder")
        self.assertRefused(self.district, "CaseFolder")

    def test_attachment_only_in_a_case(self):
        case = new_case()
        attachment = self.create(
            case,
            "CaseAttachment",
            id="contract.pdf",
            file=NamedBlobFile(b"%PDF-1.4", filename="contract.pdf"),
        )
        self.assertEqual(attachment.aq_parent, case)
        self.assertEqual(attachment.file.data, b"%PDF-1.4")
        for container in (case.aq_parent, self.portal, self.district):
            self.assertRefused(container, "CaseAttachment")


def case_count():
    transaction.begin()  # see what the browser's requests committed
    return len(api.portal.get_tool("portal_catalog").unrestrictedSearchResults(portal_type="Case"))


class TestCaseAddForm(unittest.TestCase):
    """The intake form at /cases/<district>/++add++Case, as a Manager sees it."""

    layer = FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        transaction.commit()
        self.browser = Browser(self.layer["app"])
        self.browser.handleErrors = False
        self.browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")

    def fill(self, **overrides):
        values = {
            "applicant_name": "表单申请人赵六",
            "applicant_id_number": valid_id_number(7),
            "applicant_phone": "13907225678",
            "employer_name": "随州市某某建筑有限公司",
            "employer_credit_code": valid_credit_code(7),
            "employer_phone": "0722-3331234",
            "claim_amount": "8600",
            "workers_involved": "2",
            "facts": "2026年9月工资未发放。",
            "hotline_ticket": "12345-20261008-0001",  # a 12345 matter needs its ticket
        }
        values.update(overrides)
        self.browser.open(self.portal.absolute_url() + "/cases/zengdu/++add++Case")
        self.browser.getControl(name="form.widgets.channel:list").value = ["hotline_12345"]
        self.browser.getControl(name="form.widgets.district:list").value = ["zengdu"]
        self.browser.getControl(name="form.widgets.dispute_types:list").value = ["wage_arrears"]
        for name, value in values.items():
            self.browser.getControl(name=f"form.widgets.{name}").value = value
        self.browser.getControl(name="form.buttons.save").click()

    def field_text(self, name):
        """The text of a field's block on the page: its label, input and error message."""
        page = html.fromstring(self.browser.contents)
        (block,) = page.xpath(f'//div[@id="formfield-form-widgets-{name}"]')
        return block.text_content()

    def test_manager_registers_a_case_with_a_reference_number(self):
        before = case_count()
        self.fill()
        self.assertRegex(self.browser.url, r"/cases/zengdu/\d{4}-\d{2}/SZ-\d{4}-\d{6}(/view)?$")
        self.assertEqual(case_count(), before + 1)
        reference = self.browser.url.removesuffix("/view").rsplit("/", 1)[-1]
        (brain,) = api.content.find(portal_type="Case", getId=reference, unrestricted=True)
        case = brain._unrestrictedGetObject()
        self.assertEqual(case.applicant_name, "表单申请人赵六")
        self.assertEqual(case.channel, "hotline_12345")
        self.assertEqual(case.dispute_types, ["wage_arrears"])
        self.assertEqual(case.claim_amount, decimal.Decimal("8600"))
        self.assertEqual(case.workers_involved, 2)
        self.assertEqual(api.content.get_state(case), "registered")
        self.assertIn("表单申请人赵六", self.browser.contents)

    def test_district_clerk_registers_a_walk_in_in_its_own_district_only(self):
        make_user("clerk", groups=["intake_clerks_zengdu"])
        transaction.commit()
        self.browser = Browser(self.layer["app"])
        self.browser.addHeader("Authorization", f"Basic clerk:{PASSWORD}")
        before = case_count()
        self.fill(applicant_name="窗口来访张三")
        self.assertRegex(self.browser.url, r"/cases/zengdu/\d{4}-\d{2}/SZ-\d{4}-\d{6}(/view)?$")
        self.assertIn("窗口来访张三", self.browser.contents)
        self.assertEqual(case_count(), before + 1)
        self.browser.open(self.portal.absolute_url() + "/cases/guangshui/++add++Case")
        self.assertIn("/insufficient-privileges", self.browser.url)

    def assertRefused(self, field, value, message):
        before = case_count()
        self.fill(**{field: value})
        self.assertIn("++add++Case", self.browser.url)
        self.assertIn(message, self.field_text(field))
        self.assertEqual(case_count(), before)

    def test_invalid_id_card_checksum(self):
        number = valid_id_number(7)
        wrong = number[:17] + ("0" if number[17] != "0" else "1")
        self.assertRefused("applicant_id_number", wrong, "身份证号码不正确")

    def test_invalid_credit_code(self):
        code = valid_credit_code(7)
        wrong = code[:17] + ("0" if code[17] != "0" else "1")
        self.assertRefused("employer_credit_code", wrong, "统一社会信用代码不正确")

    def test_malformed_mobile(self):
        self.assertRefused("applicant_phone", "1390722567", "电话号码不正确")

    def test_malformed_landline(self):
        self.assertRefused("employer_phone", "0722-33312", "电话号码不正确")

    def test_negative_amount(self):
        self.assertRefused("claim_amount", "-100", "金额应在 0 至 1 亿元之间")

    def test_zero_workers(self):
        self.assertRefused("workers_involved", "0", "涉及人数至少为 1 人")


class TestGuideForm(unittest.TestCase):
    """The guide's materials table (a datagrid) survives the add form."""

    layer = FUNCTIONAL_TESTING

    def test_materials_rows_are_stored(self):
        portal = self.layer["portal"]
        transaction.commit()
        browser = Browser(self.layer["app"])
        browser.handleErrors = False
        browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
        add_url = portal.absolute_url() + "/guides/++add++Guide"
        browser.open(add_url)
        self.assertIn("form.widgets.materials.AA.widgets.material", browser.contents)
        rows = [("身份证", "original", "1", ""), ("劳动合同", "copy", "2", "如有")]
        data = [
            ("_authenticator", browser.getControl(name="_authenticator").value),
            ("form.widgets.IDublinCore.title", "欠薪投诉一次性告知清单"),
            ("form.widgets.guide_kind:list", "checklist"),
            ("form.widgets.guide_kind-empty-marker", "1"),
            ("form.widgets.materials.count", str(len(rows))),
            ("form.buttons.save", "保存"),
        ]
        # What the datagrid's script posts after the user has filled two rows.
        for index, (material, form, count, note) in enumerate(rows):
            prefix = f"form.widgets.materials.{index}"
            data += [
                (f"{prefix}-empty-marker", "1"),
                (f"{prefix}.widgets.material", material),
                (f"{prefix}.widgets.form:list", form),
                (f"{prefix}.widgets.form-empty-marker", "1"),
                (f"{prefix}.widgets.count", count),
                (f"{prefix}.widgets.note", note),
            ]
        browser.post(add_url, urlencode(data))
        transaction.begin()
        (guide,) = portal.guides.objectValues()
        self.assertEqual(guide.Title(), "欠薪投诉一次性告知清单")
        self.assertEqual(
            guide.materials,
            [
                {"material": "身份证", "form": "original", "count": 1, "note": None},
                {"material": "劳动合同", "form": "copy", "count": 2, "note": "如有"},
            ],
        )
        self.assertIn("劳动合同", browser.contents)


class TestMediatorPhoneIsForStaff(unittest.TestCase):
    layer = FUNCTIONAL_TESTING
    phone = "13871230987"

    def setUp(self):
        portal = self.layer["portal"]
        with api.env.adopt_roles(["Manager"]):
            mediator = api.content.create(
                container=portal.stations.zengdu,
                type="Mediator",
                id="li-mediator",
                title="李调解",
                organisation="曾都区劳动人事争议仲裁院",
                district="zengdu",
                mediation_kind="arbitration",
                phone=self.phone,
            )
            api.content.transition(mediator, to_state="published")
        make_user("siteadmin", roles=["Site Administrator"])
        self.url = mediator.absolute_url()
        transaction.commit()

    def page(self, user=None, view=""):
        browser = Browser(self.layer["app"])
        if user:
            browser.addHeader("Authorization", f"Basic {user}:{PASSWORD}")
        browser.open(self.url + view)
        return browser.contents

    def json(self, user=None):
        session = RelativeSession(self.url)
        session.headers["Accept"] = "application/json"
        if user:
            session.auth = (user, PASSWORD)
        response = session.get("")
        session.close()
        self.assertEqual(response.status_code, 200)
        return response.json()

    def test_anonymous_sees_the_mediator_but_not_the_phone(self):
        page = self.page()
        self.assertIn("曾都区劳动人事争议仲裁院", page)
        self.assertNotIn(self.phone, page)
        data = self.json()
        self.assertEqual(data["organisation"], "曾都区劳动人事争议仲裁院")
        self.assertNotIn("phone", data)
        self.assertNotIn(self.phone, str(data))

    def test_site_administrator_sees_the_phone(self):
        # Staff read it where they work on the record: the edit form and the REST API.
        self.assertIn(self.phone, self.page("siteadmin", "/edit"))
        self.assertEqual(self.json("siteadmin")["phone"], self.phone)
