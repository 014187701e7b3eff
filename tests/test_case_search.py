"""Staff search (@@case-search): by reference, applicant name, phone, ID number, employer name
or credit code; only the cases the user may see; logged; never through public search."""

from plone import api
from plone.keyring.interfaces import IKeyManager
from suizhou.laborrights.handling.assignment import route
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from tests.audit_helpers import LogDirectory
from tests.helpers import browser_for
from tests.helpers import new_case
from tests.helpers import RoutingFixture
from tests.helpers import valid_credit_code
from tests.helpers import valid_id_number
from urllib.parse import urlencode
from zope.component import getUtility

import json
import lxml.html
import transaction
import unittest


NAME = "欧阳小红"
PHONE = "13907220001"
EMPLOYER = "随州市恒驰机械有限公司"


class TestCaseSearch(LogDirectory, RoutingFixture, unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def setUp(self):
        self.app = self.layer["app"]
        self.portal = self.layer["portal"]
        self.use_own_log_directory()
        self.make_people()
        self.id_number = valid_id_number(7)
        self.credit_code = valid_credit_code(5)
        self.mine = new_case(
            district="zengdu",
            applicant_name=NAME,
            applicant_phone=PHONE,
            applicant_id_number=self.id_number,
            employer_name=EMPLOYER,
            employer_credit_code=self.credit_code,
        )
        # the same applicant and employer, handled by the other unit
        self.theirs = new_case(
            district="zengdu",
            applicant_name=NAME,
            applicant_phone=PHONE,
            applicant_id_number=self.id_number,
            employer_name=EMPLOYER,
            employer_credit_code=self.credit_code,
        )
        self.stranger = new_case(district="zengdu", applicant_name="张小红", employer_name="随州市大洪山茶业有限公司")
        with api.env.adopt_roles(["Manager"]):
            route(self.mine, self.a, route="mediation")
            route(self.theirs, self.b, route="mediation")
            route(self.stranger, self.a, route="mediation")
        transaction.commit()
        self.url = f"{self.portal.absolute_url()}/@@case-search"

    def search(self, username, **form):
        browser = browser_for(self.app, username)
        browser.open(f"{self.url}?{urlencode(form)}")
        html = lxml.html.fromstring(browser.contents)
        found = [
            a.text_content().strip() for a in html.xpath("//table[contains(@class, 'case-search-results')]//td[1]/a")
        ]
        return found, html

    def test_found_by_each_way_a_clerk_knows_a_case(self):
        for q, field in (
            (self.mine.getId().lower(), ""),
            ("小红", "applicant"),
            (NAME, ""),
            ("139 0722 0001", ""),
            (self.id_number.lower(), ""),
            ("恒驰", "employer"),
            (self.credit_code, ""),
        ):
            with self.subTest(q=q):
                found, _html = self.search("staff_a", q=q, field=field)
                self.assertIn(self.mine.getId(), found)
                self.assertNotIn(self.theirs.getId(), found)  # another unit's case stays hidden

    def test_phone_and_id_still_find_the_case_after_the_system_keyring_is_rotated(self):
        getUtility(IKeyManager)["_system"].rotate()  # Plone's key rotation (@@keyring, a security fix)
        transaction.commit()
        for q in (PHONE, self.id_number):
            with self.subTest(q=q):
                found, _html = self.search("staff_a", q=q)
                self.assertEqual(found, [self.mine.getId()])

    def test_a_name_is_matched_as_typed_not_piece_by_piece(self):
        found, _html = self.search("staff_a", q="小红", field="applicant")
        self.assertEqual(sorted(found), sorted([self.mine.getId(), self.stranger.getId()]))
        found, _html = self.search("staff_a", q="欧阳小", field="applicant")
        self.assertEqual(found, [self.mine.getId()])
        found, html = self.search("staff_a", q="红欧阳", field="applicant")
        self.assertEqual(found, [])
        self.assertIn("没有找到", html.text_content())

    def test_the_other_unit_finds_its_own(self):
        found, _html = self.search("staff_b", q=PHONE)
        self.assertEqual(found, [self.theirs.getId()])

    def test_what_cannot_be_looked_up_is_answered_at_the_field_and_kept(self):
        for form, message in (
            ({"q": ""}, "请输入受理编号"),
            ({"q": "王", "field": "applicant"}, "至少输入两个字"),
            ({"q": "1390722", "field": "phone"}, "完整的电话号码"),
            ({"q": "42130019900101", "field": "id_number"}, "18位身份证号"),
        ):
            with self.subTest(form=form):
                _found, html = self.search("staff_a", **form)
                self.assertIn(message, html.get_element_by_id("case-search-error").text_content())
                self.assertEqual(html.get_element_by_id("case-search-q").value, form["q"])
        self.assertEqual(self.lines(), [])  # nothing was searched

    def test_each_search_is_in_the_access_log(self):
        self.search("staff_a", q=PHONE)
        (entry,) = self.lines()
        self.assertEqual((entry["user"], entry["kind"]), ("staff_a", "search"))
        self.assertEqual(entry["query"], {"q": PHONE, "results": 1})

    def test_the_worklist_links_to_the_search(self):
        browser = browser_for(self.app, "staff_a")
        browser.open(f"{self.portal.absolute_url()}/@@worklist?tab=unit")
        browser.getLink(id="worklist-case-search").click()
        self.assertIn("查找案件", browser.contents)

    def test_anonymous_may_not_search(self):
        from plone.testing.zope import Browser

        browser = Browser(self.app)
        browser.open(f"{self.url}?q={PHONE}")
        self.assertIn("/login", browser.url)
        self.assertEqual(self.lines(), [])

    def test_public_search_finds_nothing_of_a_case(self):
        from plone.testing.zope import Browser

        browser = Browser(self.app)
        keys = self.portal.portal_catalog.getIndexDataForUID("/".join(self.mine.getPhysicalPath()))
        code_key = f"code:{self.credit_code}"
        self.assertIn(code_key, keys["case_search_keys"])
        for query in ({"SearchableText": NAME}, {"SearchableText": "恒驰"}, {"case_search_keys": code_key}):
            with self.subTest(query=query):
                browser.open(f"{self.portal.absolute_url()}/@@search?{urlencode(query)}")
                self.assertNotIn(self.mine.getId(), browser.contents)
                html = lxml.html.fromstring(browser.contents)
                self.assertEqual(html.get_element_by_id("search-results-number").text_content(), "0")
        browser.addHeader("Accept", "application/json")
        browser.open(f"{self.portal.absolute_url()}/@search?{urlencode({'case_search_keys': code_key})}")
        self.assertEqual(json.loads(browser.contents)["items_total"], 0)

    def test_the_catalog_holds_no_phone_or_id_number(self):
        keys = self.portal.portal_catalog.getIndexDataForUID("/".join(self.mine.getPhysicalPath()))
        everything = json.dumps(keys, default=str, ensure_ascii=False)
        self.assertNotIn(PHONE, everything)
        self.assertNotIn(self.id_number, everything)
