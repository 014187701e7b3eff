"""The case page made for handlers and the /cases register, read as the staff read them: the
summary header with the clock and the actions allowed now, the evidence files, sessions,
documents and the timeline; empty fields left out; Chinese dates; and the same answer as a
made-up address for whoever may not see the case."""

from plone import api
from plone.app.testing import logout
from plone.namedfile.file import NamedBlobFile
from suizhou.laborrights.audit import log as access_log
from suizhou.laborrights.handling import clocks
from suizhou.laborrights.handling import periods
from suizhou.laborrights.handling.assignment import route
from suizhou.laborrights.setuphandlers import district_admins_group
from suizhou.laborrights.setuphandlers import district_clerks_group
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from suizhou.laborrights.timezone import beijing_date
from tests.handling_helpers import PAYSLIP
from tests.handling_helpers import routed_case_with_payslip
from tests.helpers import at
from tests.helpers import browser_for
from tests.helpers import make_user
from tests.helpers import new_case
from tests.helpers import PASSWORD
from tests.helpers import RoutingFixture
from unittest import mock

import datetime
import lxml.html
import os
import requests
import shutil
import tempfile
import transaction
import unittest


MADE_UP = "SZ-2026-999999"


def text_of(html, selector):
    return " ".join(" ".join(e.text_content().split()) for e in lxml.html.fromstring(html).cssselect(selector))


def named(username, fullname):
    with api.env.adopt_roles(["Manager"]):
        api.user.get(username=username).setMemberProperties({"fullname": fullname})


class CaseViewFixture(RoutingFixture):
    def make_case(self):
        self.app = self.layer["app"]
        self.portal = self.layer["portal"]
        self.make_people()
        named("staff_a", "李承办")
        named("clerk", "周窗口")
        self.case = routed_case_with_payslip(
            self.a,
            claim_amount=None,
            claims=[
                {"kind": "wages", "amount": 12000, "note": "8月至10月"},
                {"kind": "overtime_pay", "amount": 3000, "note": ""},
            ],
            workers_involved=3,
        )
        self.url = self.case.absolute_url()
        transaction.commit()


class TestCaseView(CaseViewFixture, unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def setUp(self):
        self.make_case()

    def page(self, username="staff_a", today=datetime.date(2026, 7, 20)):
        browser = browser_for(self.app, username)
        with (
            mock.patch.object(clocks, "today", return_value=today),
            mock.patch.object(periods, "today", return_value=today),
        ):
            browser.open(self.url)
        return browser.contents

    def test_the_header_sums_the_case_up(self):
        html = self.page()
        header = text_of(html, ".sz-case-header")
        reference = self.case.getId()
        for expected in (
            reference,
            "已分办",
            "申请人 测试申请人王小明",
            "被申请人 随州市某某机械有限公司",
            "受理渠道 窗口",
            "争议类型 拖欠工资",
            "请求金额 15,000.00 元",  # the claims added up (no total given)
            "涉及人数 3 人",
            "受理时间 2026年7月13日",
            "承办单位 曾都区 · 曾都区维权中心",
            "承办人 李承办",  # the full name, never the login id
        ):
            self.assertIn(expected, header)
        self.assertNotIn("staff_a", header)

    def test_the_clock_says_the_days_left_and_the_due_date(self):
        clock = clocks.current(self.case)
        due = clocks.status(clock, on=datetime.date(2026, 7, 20)).due
        header = text_of(self.page(today=datetime.date(2026, 7, 20)), ".sz-clock")
        self.assertIn(f"剩余 {(due - datetime.date(2026, 7, 20)).days} 天", header)
        self.assertIn(f"{due.year}年{due.month}月{due.day}日 到期", header)

    def test_an_overdue_case_says_by_how_many_days(self):
        clock = clocks.current(self.case)
        due = clocks.status(clock, on=datetime.date(2026, 7, 20)).due
        late = due + datetime.timedelta(days=4)
        html = self.page(today=late)
        self.assertIn("已超期 4 天", text_of(html, ".sz-clock"))
        self.assertTrue(lxml.html.fromstring(html).cssselect(".sz-clock.sz-clock-overdue"))

    def test_the_actions_allowed_now_come_first(self):
        html = self.page()
        doc = lxml.html.fromstring(html)
        actions = [a.text_content().strip() for a in doc.cssselect(".sz-case-actions a")]
        self.assertIn("改派 / 指定承办人", actions)
        self.assertIn("暂停计时（补正）", actions)
        self.assertIn("打印受理回执", actions)
        # the actions are in the header, above every section of the case
        body = html
        self.assertLess(body.index("sz-case-actions"), body.index("sz-case-claims"))
        # one place only: no second handling panel below the page
        self.assertNotIn("办理情况", html)
        self.assertEqual(len(doc.cssselect(".sz-case-actions")), 1)

    def test_the_clerk_routes_a_new_case_from_its_page(self):
        """Before routing, the district's clerk sees the case with 分办 as the main action and
        none of the handling unit's forms."""
        fresh = new_case(received=at(2026, 7, 15))
        transaction.commit()
        browser = browser_for(self.app, "clerk")
        browser.open(fresh.absolute_url())
        doc = lxml.html.fromstring(browser.contents)
        [main] = doc.cssselect(".sz-case-actions a.btn-primary")
        self.assertEqual((main.text_content(), main.get("href")), ("分办", f"{fresh.absolute_url()}/@@route-case"))
        actions = text_of(browser.contents, ".sz-case-actions")
        self.assertNotIn("暂停计时", actions)
        self.assertNotIn("sz-clock", browser.contents)  # no clock runs before routing

    def test_claims_facts_and_parties(self):
        html = self.page()
        claims = text_of(html, ".sz-case-claims")
        self.assertIn("劳动报酬（拖欠工资等） 12,000.00 元 8月至10月", claims)
        self.assertIn("加班费 3,000.00 元", claims)
        self.assertIn("支付拖欠工资12000元。", claims)
        self.assertIn("2026年8月至10月工资未发放。", text_of(html, ".sz-case-facts-text"))
        parties = text_of(html, ".sz-case-section")
        self.assertIn("联系电话 13907221234", parties)
        self.assertIn("统一社会信用代码", parties)

    def test_empty_fields_are_left_out(self):
        html = self.page()
        sections = text_of(html, ".sz-case-cards")
        for empty in ("电子邮箱", "单位联系人", "12345工单号", "办结时间", "挽回金额", "灵活就业"):
            self.assertNotIn(empty, sections)
        self.assertNotIn("—", text_of(html, ".sz-case-view"))
        # Plone's default view is gone: no byline, no empty-folder message, no ISO dates
        self.assertNotIn("当前没有任何内容", html)
        self.assertNotIn("documentByLine", html)
        self.assertNotIn("2026-07-13", text_of(html, ".sz-case-view"))

    def test_the_evidence_files_are_listed_with_a_download(self):
        html = self.page()
        files = text_of(html, "#case-attachments")
        self.assertIn("工资条.pdf", files)
        self.assertIn("1.8 KB", files)
        self.assertIn("周窗口", files)  # who uploaded it, by name
        [link] = lxml.html.fromstring(html).cssselect("#case-attachments a.sz-file-name")
        browser = browser_for(self.app, "staff_a")
        browser.open(link.get("href"))
        self.assertEqual(browser.contents, PAYSLIP)

    def test_a_file_the_applicant_uploaded_online_says_so(self):
        logout()  # as the web form stores the uploads of an anonymous applicant
        with api.env.adopt_roles(["Manager"]):
            api.content.create(
                container=self.case,
                type="CaseAttachment",
                id="attachment-2",
                title="劳动合同",
                file=NamedBlobFile(b"contract", filename="合同.jpg", contentType="image/jpeg"),
            )
        transaction.commit()
        rows = lxml.html.fromstring(self.page()).cssselect("#case-attachments li")
        [row] = [r for r in rows if "合同.jpg" in r.text_content()]
        self.assertIn("8 字节 · 申请人（网上）", " ".join(row.text_content().split()))

    def test_documents_and_the_timeline(self):
        html = self.page()
        documents = lxml.html.fromstring(html).cssselect(".sz-case-documents a")
        self.assertIn("受理通知书", [a.text_content() for a in documents])
        self.assertTrue(any(a.get("href").endswith("/@@case-document/acceptance.pdf") for a in documents))
        entries = [
            " ".join(e.text_content().split()) for e in lxml.html.fromstring(html).cssselect(".sz-timeline-entry")
        ]
        # newest first: the registration is the last entry
        self.assertIn("登记", entries[-1])
        [routed] = [e for e in entries if " 分办 " in e]
        self.assertIn("承办人：李承办", routed)  # names, never login ids
        [clock] = [e for e in entries if "开始计时" in e]
        self.assertIn("起算日：2026年7月13日", clock)  # Chinese dates, also in the details
        self.assertRegex(entries[0], r"^\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d ")

    def test_mediation_sessions_are_listed(self):
        with api.env.adopt_roles(["Manager"]):
            api.content.create(
                container=self.case,
                type="MediationSession",
                id="session-1",
                session_date=at(2026, 7, 16, 14),
                mediator="陈调解",
                mediation_kind="people",
                result="continued",
            )
        transaction.commit()
        sessions = text_of(self.page(), ".sz-case-sessions")
        self.assertIn("2026年7月16日 14:00", sessions)
        self.assertIn("陈调解", sessions)
        self.assertIn("继续调解", sessions)

    def test_each_view_and_download_is_in_the_access_log(self):
        directory = tempfile.mkdtemp(prefix="access-log-case-view-")
        self.addCleanup(shutil.rmtree, directory, ignore_errors=True)
        with mock.patch.dict(os.environ, {access_log.ENVIRONMENT: directory}):
            html = self.page("staff_a")
            [link] = lxml.html.fromstring(html).cssselect("#case-attachments a.sz-file-name")
            browser_for(self.app, "staff_a").open(link.get("href"))
            today = beijing_date(datetime.datetime.now(datetime.timezone.utc))
            found = access_log.entries(today, today, case=self.case.getId())
        self.assertEqual(
            sorted((entry["user"], entry["kind"]) for entry in found), [("staff_a", "download"), ("staff_a", "view")]
        )

    def test_the_view_address_shows_the_same_page(self):
        browser = browser_for(self.app, "staff_a")
        browser.open(f"{self.url}/view")
        self.assertIn("sz-case-view", browser.contents)


class TestWhoMaySeeIt(CaseViewFixture, unittest.TestCase):
    """Another unit's staff and anonymous visitors get what a made-up reference gets."""

    layer = FUNCTIONAL_TESTING

    def setUp(self):
        self.make_case()
        self.made_up = f"{self.url.rsplit('/', 1)[0]}/{MADE_UP}"

    def get(self, url, auth=None):
        return requests.get(url, auth=auth, allow_redirects=False, headers={"Accept": "text/html"})

    def assertSameAnswer(self, auth):
        for view in ("", "/view"):
            existing = self.get(self.url + view, auth)
            unknown = self.get(self.made_up + view, auth)
            self.assertEqual(existing.status_code, 404, view)
            self.assertEqual(
                existing.text.replace(self.case.getId(), MADE_UP), unknown.text
            )
            self.assertNotIn("测试申请人王小明", existing.text)

    def test_another_units_staff(self):
        self.assertSameAnswer(("staff_b", PASSWORD))

    def test_another_districts_clerk(self):
        make_user("guangshui_clerk", groups=[district_clerks_group("guangshui")])
        transaction.commit()
        self.assertSameAnswer(("guangshui_clerk", PASSWORD))

    def test_anonymous(self):
        self.assertSameAnswer(None)

    def test_the_case_is_not_cached(self):
        response = self.get(self.url, ("staff_a", PASSWORD))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Cache-Control"], "private, no-store")


class TestRegister(RoutingFixture, unittest.TestCase):
    """Unit A holds three cases of July, unit B two of June; one more awaits routing."""

    layer = FUNCTIONAL_TESTING

    def setUp(self):
        self.app = self.layer["app"]
        self.portal = self.layer["portal"]
        self.make_people()
        make_user("city", groups=["city_admins"])
        make_user("guangshui_admin", groups=[district_admins_group("guangshui")])
        self.mine = []
        for day in (3, 1, 2):  # filed out of order
            case = new_case(received=at(2026, 7, day))
            with api.env.adopt_roles(["Manager"]):
                route(case, self.a)
            self.mine.append(case)
        self.others = [new_case(received=at(2026, 6, 30)), new_case(received=at(2026, 6, 29))]
        with api.env.adopt_roles(["Manager"]):
            for case in self.others:
                route(case, self.b)
        self.waiting = new_case(received=at(2026, 7, 5))
        self.all = sorted([*self.mine, *self.others, self.waiting], key=lambda c: c.received, reverse=True)
        transaction.commit()

    def register(self, username, path="/cases", query=""):
        browser = browser_for(self.app, username)
        browser.open(f"{self.portal.absolute_url()}{path}{query}")
        return browser.contents

    def references(self, html):
        return [a.text_content() for a in lxml.html.fromstring(html).cssselect(".sz-register-table td a")]

    def test_the_city_sees_every_case_latest_first(self):
        html = self.register("city")
        self.assertIn("共 6 件", text_of(html, ".sz-register-count"))
        self.assertNotIn("当前没有任何内容", html)
        self.assertEqual(self.references(html), [c.getId() for c in self.all])
        table = text_of(html, ".sz-register-table")
        self.assertIn("2026年7月5日", table)
        self.assertIn("曾都区 · 曾都区维权中心", table)

    def test_the_district_register_counts_its_cases(self):
        html = self.register("admin_zengdu", path="/cases/zengdu")
        self.assertIn("共 6 件", text_of(html, ".sz-register-count"))

    def test_a_clerk_counts_only_the_cases_the_clerk_may_see(self):
        """The district's clerk sees cases until they are routed: one, not six."""
        html = self.register("clerk", path="/cases/zengdu")
        self.assertIn("共 1 件", text_of(html, ".sz-register-count"))
        self.assertEqual(self.references(html), [self.waiting.getId()])

    def test_a_month_counts_what_is_in_it(self):
        html = self.register("city", path="/cases/zengdu/2026-06")
        self.assertIn("共 2 件", text_of(html, ".sz-register-count"))

    def test_the_listing_is_paged(self):
        with mock.patch("suizhou.laborrights.handling.case_register.PAGE_SIZE", 4):
            first = self.register("city")
            second = self.register("city", query="?b_start=4")
        self.assertEqual(self.references(first), [c.getId() for c in self.all[:4]])
        self.assertEqual(self.references(second), [c.getId() for c in self.all[4:]])
        self.assertIn("共 6 件", text_of(second, ".sz-register-count"))

    def test_another_district_sees_nothing(self):
        for path in ("/cases", "/cases/zengdu"):
            response = requests.get(
                f"{self.portal.absolute_url()}{path}", auth=("guangshui_admin", PASSWORD), allow_redirects=False
            )
            self.assertNotEqual(response.status_code, 200, path)
            self.assertNotIn("SZ-2026", response.text)
        html = self.register("guangshui_admin", path="/cases/guangshui")
        self.assertIn("共 0 件", text_of(html, ".sz-register-count"))
        self.assertIn("这里没有您可查看的维权事项。", html)

    def test_anonymous_sees_nothing(self):
        for path in ("/cases", "/cases/zengdu", "/cases/zengdu/2026-07"):
            response = requests.get(f"{self.portal.absolute_url()}{path}", allow_redirects=False)
            self.assertEqual(response.status_code, 404, path)
            self.assertNotIn("SZ-2026", response.text)
