"""The access log (issue 13 item 7): who read which case, downloaded, exported or searched,
when and from where; only the city administrator reads it, and nobody edits it on the web."""

from AccessControl import Unauthorized
from datetime import date
from datetime import datetime
from plone import api
from suizhou.laborrights.audit import log
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from suizhou.laborrights.testing import INTEGRATION_TESTING
from suizhou.laborrights.timezone import SHANGHAI
from tests.audit_helpers import LogDirectory
from tests.helpers import browser_for
from tests.helpers import chinese_site
from tests.helpers import make_user
from tests.helpers import new_case
from tests.helpers import RoutingFixture
from unittest import mock

import glob
import json
import lxml.html
import os
import transaction
import unittest


class TestRecordAccess(LogDirectory, unittest.TestCase):
    layer = INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.request = self.layer["request"]
        self.use_own_log_directory()
        chinese_site()
        self.case = new_case()
        make_user("clerk", roles=["IntakeClerk"])

    def test_an_entry_says_who_when_which_case_and_from_where(self):
        self.request._client_addr = "10.1.2.3"  # what HTTPRequest made of REMOTE_ADDR / the proxy's header
        with api.env.adopt_user(username="clerk"):
            log.record_access(self.request, "view", case=self.case)
        (entry,) = self.lines()
        self.assertEqual(entry["user"], "clerk")
        self.assertEqual(entry["kind"], "view")
        self.assertEqual(entry["case"], self.case.getId())
        self.assertEqual(entry["client"], "10.1.2.3")
        self.assertTrue(entry["time"].endswith("+08:00"), entry["time"])

    def test_the_day_of_the_file_is_the_beijing_day(self):
        # 2026-03-06 17:30 UTC is already the 7th in Beijing
        moment = datetime(2026, 3, 7, 1, 30, tzinfo=SHANGHAI)
        log.record_access(self.request, "download", case="ZD-X", now=moment)
        (path,) = glob.glob(os.path.join(self.log_dir, "*.jsonl"))
        self.assertIn("access-2026-03-07.", os.path.basename(path))
        self.assertEqual(self.lines()[0]["time"], "2026-03-07T01:30:00+08:00")

    def test_a_search_keeps_its_terms(self):
        with api.env.adopt_user(username="clerk"):
            log.record_access(self.request, "search", query={"name": "王小明", "phone": "", "reference": None})
        self.assertEqual(self.lines()[0]["query"], {"name": "王小明"})

    def test_a_failed_write_leaves_the_search_terms_out_of_the_event_log(self):
        query = {"name": "王小明", "phone": "13907221234", "id_number": "421302199001011234"}
        missing = os.path.join(self.log_dir, "gone", "access.jsonl")
        with mock.patch.object(log, "_file", return_value=missing):
            with api.env.adopt_user(username="clerk"), self.assertLogs("suizhou.laborrights", "ERROR") as logged:
                log.record_access(self.request, "search", query=query)
                log.record_access(self.request, "view", case=self.case)
        text = "\n".join(logged.output)
        for typed in query.values():
            self.assertNotIn(typed, text)
        self.assertEqual(len(logged.records), 2)
        self.assertIn("kind=search user=clerk case=-", logged.output[0])
        self.assertIn(f"kind=view user=clerk case={self.case.getId()}", logged.output[1])
        self.assertIn("No such file or directory", text)  # the error, for whoever watches the log
        self.assertEqual(self.lines(), [])

    def test_an_unknown_kind_is_refused(self):
        with self.assertRaises(ValueError):
            log.record_access(self.request, "edit", case=self.case)
        self.assertEqual(self.lines(), [])

    def test_recording_writes_nothing_to_the_database(self):
        transaction.savepoint()  # what the test set-up stored is no longer pending
        connection = self.portal._p_jar
        before = list(connection._registered_objects)
        log.record_access(self.request, "view", case=self.case)
        self.assertEqual(list(connection._registered_objects), before)
        self.assertEqual(len(self.lines()), 1)

    def test_the_files_of_every_instance_are_read_as_one_log(self):
        day = date(2026, 3, 7)
        for instance, hour, user in (("host1-instance", 9, "a"), ("host2-instance2", 10, "b")):
            path = os.path.join(self.log_dir, f"access-{day.isoformat()}.{instance}.jsonl")
            with open(path, "a", encoding="utf-8") as out:
                entry = {"time": f"2026-03-07T{hour:02d}:00:00+08:00", "user": user, "kind": "view"}
                out.write(json.dumps(entry) + "\n")
        self.assertEqual([entry["user"] for entry in log.entries(day, day)], ["b", "a"])
        self.assertEqual([entry["user"] for entry in log.entries(day, day, user="a")], ["a"])

    def test_a_line_cut_short_is_skipped_not_fatal(self):
        log.record_access(self.request, "view", case="ZD-1")
        (path,) = glob.glob(os.path.join(self.log_dir, "*.jsonl"))
        with open(path, "a", encoding="utf-8") as out:
            out.write('{"time": "2026-')
        today = datetime.now(SHANGHAI).date()
        self.assertEqual([entry["case"] for entry in log.entries(today, today)], ["ZD-1"])


class TestAccessLogPage(LogDirectory, RoutingFixture, unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.use_own_log_directory()
        self.make_people()
        make_user("city_admin", roles=["Site Administrator"])
        self.case = new_case(district="zengdu")
        self.other = new_case(district="zengdu")
        request = self.layer["request"]
        with api.env.adopt_user(username="clerk"):
            log.record_access(request, "view", case=self.case)
            log.record_access(request, "search", query={"name": "王小明"})
        with api.env.adopt_user(username="staff_a"):
            log.record_access(request, "download", case=self.other)
        transaction.commit()
        self.url = self.portal.absolute_url() + "/@@access-log"

    def page(self, username="city_admin", query=""):
        browser = browser_for(self.layer["app"], username)
        browser.open(self.url + query)
        return browser, lxml.html.fromstring(browser.contents)

    def rows(self, html):
        return [[cell.text_content().strip() for cell in row.xpath("td")] for row in html.xpath("//table//tbody/tr")]

    def test_the_city_administrator_sees_every_entry_newest_first(self):
        _browser, html = self.page()
        rows = self.rows(html)
        self.assertEqual(len(rows), 3)
        self.assertEqual([row[2] for row in rows], ["下载文书/材料", "检索案件", "查看案件"])
        self.assertIn(self.case.getId(), rows[2][3])
        self.assertIn("王小明", rows[1][4])

    def test_filters_by_user_case_and_kind(self):
        _browser, html = self.page(query="?user=clerk")
        self.assertEqual(len(self.rows(html)), 2)
        _browser, html = self.page(query=f"?case={self.other.getId().lower()}")
        self.assertEqual([row[3] for row in self.rows(html)], [self.other.getId()])
        _browser, html = self.page(query="?kind=search")
        self.assertEqual([row[2] for row in self.rows(html)], ["检索案件"])

    def test_a_date_range_without_the_entries_shows_none(self):
        _browser, html = self.page(query="?start=2020-01-01&end=2020-01-31")
        self.assertEqual(self.rows(html), [])

    def test_a_wrong_date_is_answered_at_the_field_and_kept(self):
        _browser, html = self.page(query="?start=2026-13-45&user=clerk")
        self.assertIn("请按", html.get_element_by_id("access-start-error").text_content())
        self.assertEqual(html.get_element_by_id("access-start").value, "2026-13-45")
        self.assertEqual(html.get_element_by_id("access-user").value, "clerk")

    def test_the_page_has_no_way_to_change_the_log(self):
        before = self.lines()
        browser = browser_for(self.layer["app"], "city_admin")
        browser.post(self.url, "delete=1&case=" + self.case.getId())
        html = lxml.html.fromstring(browser.contents)
        self.assertEqual(html.xpath("//form[@method='post']"), [])
        self.assertEqual(self.lines(), before)

    def assert_denied(self, browser):
        browser.handleErrors = True
        browser.raiseHttpErrors = False
        browser.open(self.url)
        # Plone's answers to Unauthorized: the login form, or "insufficient privileges" when logged in
        self.assertRegex(browser.url, r"/(login|require_login|insufficient-privileges)\b")
        self.assertNotIn(self.case.getId(), browser.contents)
        self.assertNotIn("王小明", browser.contents)

    def test_nobody_else_may_read_it(self):
        for username in ("clerk", "staff_a", "mediator", "admin_zengdu"):
            with self.subTest(username=username):
                self.assert_denied(browser_for(self.layer["app"], username))

    def test_anonymous_may_not_read_it(self):
        browser = browser_for(self.layer["app"], "nobody", "wrong")
        self.assert_denied(browser)


class TestAccessLogView(LogDirectory, unittest.TestCase):
    layer = INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.request = self.layer["request"]
        self.use_own_log_directory()
        chinese_site()

    def test_a_site_administrator_reads_it(self):
        log.record_access(self.request, "export", query="worklist")
        with api.env.adopt_roles(["Site Administrator"]):
            html = self.portal.restrictedTraverse("@@access-log")()
        self.assertIn("导出清单", html)

    def test_staff_roles_may_not_traverse_to_it(self):
        for roles in (["IntakeClerk"], ["CaseHandler"], ["CaseSupervisor"], ["Editor", "Reviewer"]):
            with self.subTest(roles=roles), api.env.adopt_roles(roles), self.assertRaises(Unauthorized):
                self.portal.restrictedTraverse("@@access-log")
