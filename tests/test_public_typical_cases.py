"""Typical cases and news: listings with filters, the case page, the anonymisation reminder on
the forms, and publishing with review (publicity staff submit, reviewers are mailed and publish)."""

from plone import api
from plone.app.testing import login
from plone.app.testing import logout
from Products.CMFPlone.tests.utils import MockMailHost
from Products.MailHost.interfaces import IMailHost
from suizhou.laborrights.testing import DEMO_INTEGRATION_TESTING
from tests.helpers import chinese_site
from tests.helpers import make_user
from tests.helpers import PASSWORD
from tests.helpers import PublicPagesTestCase

import datetime
import email
import email.header
import transaction
import unittest


class ListingTestCase(PublicPagesTestCase):
    def titles(self, query=""):
        doc = self.page("/typical-cases" + query)
        return [a.text_content() for a in doc.cssselect(".sz-case-title a")]


class TestListing(ListingTestCase):
    def test_newest_first(self):
        titles = self.titles()
        self.assertEqual(len(titles), 7)
        self.assertEqual(titles[0], "景区季节工工资纠纷在服务点就地化解")
        self.assertEqual(titles[-1], "监察、公安联动两周追回23名农民工工资")

    def test_filters(self):
        self.assertEqual(
            self.titles("?dispute_type=wage_arrears"),
            [
                "景区季节工工资纠纷在服务点就地化解",
                "食品企业旺季加班未付加班费，工会调解补发",
                "监察、公安联动两周追回23名农民工工资",
            ],
        )
        self.assertEqual(self.titles("?district=guangshui"), ["监察、公安联动两周追回23名农民工工资"])
        self.assertEqual(len(self.titles("?year=2026")), 7)
        self.assertEqual(self.titles("?year=2025"), [])
        self.assertEqual(len(self.titles("?year=abc&district=nowhere")), 7)

    def test_year_options_from_the_cases(self):
        with api.env.adopt_roles(["Manager"]):
            old = api.content.create(
                container=self.portal["typical-cases"],
                type="TypicalCase",
                id="old-case",
                title="二〇二四年的一个典型案例",
                dispute_types=["overtime"],
                district="city",
                case_date=datetime.date(2024, 6, 1),
                summary="摘要",
            )
            api.content.transition(obj=old, to_state="published")
        transaction.commit()
        doc = self.page("/typical-cases")
        self.assertEqual([o.get("value") for o in doc.cssselect("#sz-c-year option")], ["", "2026", "2024"])
        self.assertEqual(self.titles("?year=2024"), ["二〇二四年的一个典型案例"])

    def test_private_cases_not_listed(self):
        with api.env.adopt_roles(["Manager"]):
            api.content.create(
                container=self.portal["typical-cases"],
                type="TypicalCase",
                id="draft",
                title="草稿案例",
                dispute_types=["overtime"],
                district="city",
                summary="摘要",
            )
        transaction.commit()
        self.assertNotIn("草稿案例", self.titles())

    def test_case_page(self):
        doc = self.page("/typical-cases/rider-occupational-injury-mediation")
        headings = [h.text_content() for h in doc.cssselect(".sz-card-heading")]
        self.assertEqual(headings[:3], ["基本案情", "办理过程", "处理结果"])
        self.assertIn("典型意义", headings)
        self.assertIn("办结日期", doc.cssselect(".sz-case")[0].text_content())
        guides = [a.text_content() for a in doc.cssselect(".sz-card-section .sz-link-list a")]
        self.assertTrue(guides)

    def test_news_listing(self):
        doc = self.page("/news")
        titles = [a.text_content() for a in doc.cssselect(".sz-case-title a")]
        self.assertEqual(titles[0], "根治欠薪冬季专项行动启动，设立欠薪线索反映专窗")
        self.assertEqual(len(titles), 4)


class TestAnonymisationReminder(ListingTestCase):
    def setUp(self):
        super().setUp()
        make_user("xuanchuan", groups=["publicity_staff"])
        transaction.commit()
        self.browser.addHeader("Authorization", f"Basic xuanchuan:{PASSWORD}")

    def test_on_add_and_edit_forms(self):
        doc = self.page("/typical-cases/++add++TypicalCase")
        reminder = doc.get_element_by_id("sz-anonymisation-reminder")
        self.assertIn("发布前请脱敏", reminder.text_content())
        self.assertIn("身份证号码", reminder.text_content())
        doc = self.page("/typical-cases/overtime-pay-food-factory/edit")
        self.assertTrue(doc.cssselect("#sz-anonymisation-reminder"))

    def test_not_on_other_forms(self):
        doc = self.page("/news/++add++News%20Item")
        self.assertTrue(doc.cssselect("#form-widgets-IDublinCore-title"))
        self.assertFalse(doc.cssselect("#sz-anonymisation-reminder"))


class TestReview(unittest.TestCase):
    """Publicity staff submit; the reviewers group is mailed; only reviewers publish."""

    layer = DEMO_INTEGRATION_TESTING

    def setUp(self):
        chinese_site()
        self.portal = self.layer["portal"]
        self.portal._original_MailHost = self.portal.MailHost
        self.portal.MailHost = self.mailhost = MockMailHost("MailHost")
        self.portal.getSiteManager().registerUtility(self.mailhost, provided=IMailHost)
        api.portal.set_registry_record("plone.email_from_address", "noreply@example.org")
        make_user("xuanchuan", groups=["publicity_staff"])
        make_user("shenhe", groups=["reviewers"])
        make_user("shenhe2", groups=["reviewers"])

    def tearDown(self):
        self.portal.MailHost = self.portal._original_MailHost
        self.portal.getSiteManager().registerUtility(self.portal.MailHost, provided=IMailHost)

    def write(self, container="typical-cases", type_="TypicalCase", **fields):
        login(self.portal, "xuanchuan")
        fields.setdefault("title", "某物流公司拖欠装卸工工资案")
        if type_ == "TypicalCase":
            fields.update(dispute_types=["wage_arrears"], district="zengdu", summary="摘要")
        return api.content.create(container=self.portal[container], type=type_, **fields)

    def mails(self):
        return [email.message_from_bytes(m) if isinstance(m, bytes) else m for m in self.mailhost.messages]

    def test_staff_submit_reviewers_publish(self):
        case = self.write(id="loader-wages")
        transitions = [t["id"] for t in api.portal.get_tool("portal_workflow").getTransitionsFor(case)]
        self.assertIn("submit", transitions)
        self.assertNotIn("publish", transitions)
        api.content.transition(obj=case, transition="submit")
        self.assertEqual(api.content.get_state(case), "pending")
        logout()
        self.assertFalse(api.user.has_permission("View", obj=case))
        login(self.portal, "shenhe")
        api.content.transition(obj=case, transition="publish")
        self.assertEqual(api.content.get_state(case), "published")

    def test_reviewers_mailed_on_submit(self):
        case = self.write(id="loader-wages")
        self.assertEqual(self.mailhost.messages, [])
        api.content.transition(obj=case, transition="submit")
        mails = self.mails()
        self.assertEqual(sorted(m["To"] for m in mails), ["shenhe2@example.org", "shenhe@example.org"])
        subject = str(email.header.make_header(email.header.decode_header(mails[0]["Subject"])))
        self.assertIn("待审核", subject)
        self.assertIn("某物流公司拖欠装卸工工资案", subject)
        body = mails[0].get_payload(decode=True).decode("utf-8")
        self.assertIn(case.absolute_url(), body)
        self.assertIn("脱敏", body)
        self.assertNotIn("摘要", body)  # the text stays on the site

    def test_guides_and_news_too(self):
        guide = self.write("guides", "Guide", id="g", title="新指南")
        api.content.transition(obj=guide, transition="submit")
        news = self.write("news", "News Item", id="n", title="新消息")
        api.content.transition(obj=news, transition="submit")
        self.assertEqual(len(self.mails()), 4)

    def test_no_mail_for_other_transitions_or_when_off(self):
        api.portal.set_registry_record("suizhou.laborrights.public.notify_reviewers", False)
        case = self.write(id="quiet")
        api.content.transition(obj=case, transition="submit")
        api.content.transition(obj=case, transition="retract")
        self.assertEqual(self.mails(), [])

    def test_no_sender_configured_does_not_fail_the_submit(self):
        api.portal.set_registry_record("plone.email_from_address", "")
        case = self.write(id="no-sender")
        api.content.transition(obj=case, transition="submit")
        self.assertEqual(api.content.get_state(case), "pending")
