"""Districts and the city's name (issue 13 item 6): the city administrator adds a district with its
center and units and renames one through the site (@@districts-admin), bad input answered at the
field; nobody else may; e-mails to applicants and to the city administrators name the platform as
the administrator titled the site, never a city written in the code. Which districts a user
administers is one answer, the same for the statistics, the early warnings, the assessment and the
district staff page."""

from plone import api
from plone.app.testing import logout
from suizhou.laborrights.restapi.filing_limits import SPIKE_SUBJECT
from suizhou.laborrights.restapi.filing_limits import tell_administrators
from suizhou.laborrights.staff import administered
from suizhou.laborrights.staff.accounts import district_units
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from suizhou.laborrights.vocabularies import registry_terms
from suizhou.laborrights.vocabularies import title_of
from tests.helpers import browser_for
from tests.helpers import chinese_site
from tests.helpers import make_user
from tests.helpers import RoutingFixture
from tests.notification_helpers import APPLICANT_MAIL
from tests.notification_helpers import NotificationFixture

import lxml.html
import transaction
import unittest


OTHER_CITY = "某市劳动维权服务平台"


class TestCityNameFromSettings(NotificationFixture):
    def setUp(self):
        super().setUp()
        transaction.begin()
        self.portal.portal_registry["plone.site_title"] = OTHER_CITY
        transaction.commit()

    def test_the_applicants_mail_is_signed_with_the_site_title(self):
        self.route()
        transaction.commit()
        ((subject, body),) = self.mails_to(APPLICANT_MAIL)
        self.assertTrue(body.rstrip().endswith(OTHER_CITY), body)
        self.assertNotIn("随州", body.split("请勿直接回复")[-1])

    def test_the_administrators_alert_names_the_site(self):
        tell_administrators(SPIKE_SUBJECT, "过去一小时提交量异常。")
        transaction.commit()
        subjects = [subject for _to, subject, _body in self.mails()]
        self.assertEqual(subjects, [f"【{OTHER_CITY}】匿名接口提交量异常"])


class TestDistrictsPage(unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        chinese_site()
        make_user("city", groups=["city_admins"])
        make_user("admin_zengdu", groups=["district_admins_zengdu"])
        make_user("clerk", groups=["intake_clerks_zengdu"])
        transaction.commit()

    def open(self, user):
        browser = browser_for(self.layer["app"], user)
        browser.handleErrors, browser.raiseHttpErrors = True, False
        browser.open(self.portal.absolute_url() + "/@@districts-admin")
        return browser

    def add(self, browser, **values):
        form = browser.getForm(action="@@districts-admin", index=0)
        for name, value in values.items():
            form.getControl(name=name).value = value
        form.getControl(name="add").click()
        return browser

    def field_errors(self, browser):
        return " ".join(e.text_content() for e in lxml.html.fromstring(browser.contents).cssselect(".sz-field-error"))

    def test_the_city_administrator_adds_a_district_with_its_center_and_units(self):
        browser = self.add(
            self.open("city"), code="xinqu", title="随州新区", center_title="新区劳动保障维权中心",
            center_address="新区政务服务中心一楼", units="东城街道维权服务站\n西城街道维权服务站",
        )
        self.assertIn("已新增区县", browser.contents)
        transaction.begin()
        self.assertEqual(title_of("districts", "xinqu"), "随州新区")
        self.assertEqual(
            sorted(district_units("xinqu").values()),
            ["东城街道维权服务站", "新区劳动保障维权中心", "西城街道维权服务站"],
        )
        self.assertIsNotNone(api.group.get(groupname="district_admins_xinqu"))
        self.assertIn("xinqu", self.portal["cases"].objectIds())
        self.assertEqual(self.portal["stations"]["xinqu"]["center"].level, "center")
        self.assertIn("随州新区", browser.contents)

    def test_bad_input_is_answered_at_the_field_and_kept(self):
        browser = self.add(self.open("city"), code="Xin Qu", title="新区", center_title="中心", center_address="地址")
        self.assertEqual(browser.headers["status"], "400 Bad Request")
        self.assertIn("代码须以小写字母开头", self.field_errors(browser))
        self.assertEqual(browser.getForm(action="@@districts-admin", index=0).getControl(name="title").value, "新区")
        browser = self.add(self.open("city"), code="zengdu", title="重复", center_title="中心", center_address="地址")
        self.assertIn("该代码已有区县使用", self.field_errors(browser))
        browser = self.add(self.open("city"), code="xinqu", title="新区", center_title="", center_address="地址")
        self.assertIn("请填写名称", self.field_errors(browser))
        transaction.begin()
        self.assertEqual(title_of("districts", "xinqu"), "xinqu")  # nothing stored
        self.assertNotIn("xinqu", self.portal["stations"].objectIds())

    def test_the_city_administrator_renames_a_district(self):
        browser = self.open("city")
        form = browser.getForm(action="@@districts-admin", index=1)
        form.getControl(name="rename_code").value = ["zengdu"]
        form.getControl(name="new_title").value = "曾都区（新）"
        form.getControl(name="rename").click()
        self.assertIn("已修改区县名称", browser.contents)
        transaction.begin()
        self.assertEqual(title_of("districts", "zengdu"), "曾都区（新）")
        self.assertEqual(self.portal["stations"]["zengdu"].Title(), "曾都区（新）")
        group = api.group.get(groupname="district_admins_zengdu")
        self.assertEqual(group.getProperty("title"), "曾都区（新）站点管理员")

    def test_a_district_administrator_and_a_clerk_cannot_use_it(self):
        for user in ("admin_zengdu", "clerk"):
            browser = self.open(user)
            self.assertNotIn("sz-district-add", browser.contents, user)
        transaction.begin()
        self.assertNotIn("xinqu", self.portal["stations"].objectIds())


class TestWhoAdministersWhichDistricts(RoutingFixture, unittest.TestCase):
    """The city administrator, a district administrator (by group, or by the role given through
    sharing), a handler and an anonymous visitor: each place answers alike."""

    layer = FUNCTIONAL_TESTING
    PLACES = {
        "statistics, district staff": administered.administered_district_codes,
        "assessment, mailbox, exports, warnings": administered.administered_districts,
    }
    EXPECTED = {
        "city": "city",
        "admin_zengdu": {"zengdu"},
        "shared_suixian": {"suixian"},
        "staff_a": set(),
        None: set(),
    }

    def setUp(self):
        self.portal = self.layer["portal"]
        self.make_people()
        make_user("city", groups=["city_admins"])
        make_user("shared_suixian")
        with api.env.adopt_roles(["Manager"]):  # the role, given through 共享 instead of the group
            suixian = self.portal["cases"]["suixian"]
            api.user.grant_roles(username="shared_suixian", roles=["CaseSupervisor"], obj=suixian)
        transaction.commit()

    def answer(self, place, username):
        if username is None:
            logout()
            value = self.PLACES[place]()
        else:
            with api.env.adopt_user(username=username):
                value = self.PLACES[place]()
        every = {code for code, _title in registry_terms("districts")}
        return "city" if value is None or set(value) == every else set(value)

    def test_each_place_gives_the_same_answer(self):
        for username, expected in self.EXPECTED.items():
            for place in self.PLACES:
                with self.subTest(user=username, place=place):
                    self.assertEqual(self.answer(place, username), expected)

    def test_another_districts_pages_stay_closed(self):
        year = "2026"
        for username, district, opens in (
            ("city", "suixian", True),
            ("admin_zengdu", "zengdu", True),
            ("admin_zengdu", "suixian", False),
            ("shared_suixian", "suixian", True),
            ("shared_suixian", "zengdu", False),
            ("staff_a", "zengdu", False),
        ):
            with self.subTest(user=username, district=district):
                browser = browser_for(self.layer["app"], username)
                browser.handleErrors, browser.raiseHttpErrors = True, False
                browser.open(f"{self.portal.absolute_url()}/@@assessment?district={district}&year={year}")
                self.assertEqual(browser.headers["status"].startswith("200"), opens)
                browser.open(f"{self.portal.absolute_url()}/@@district-staff?district={district}")
                shown = browser.headers["status"].startswith("200") and f'value="{district}"' in browser.contents
                self.assertEqual(shown, opens)
