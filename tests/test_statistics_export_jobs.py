"""Big statistics exports are built in the background: the statistics page's download sends a big
selection to @@statistics-exports, the request records a job, a worker builds the workbook after
the commit and keeps it for the requester; the list shows each export's state and a download
link; only the requester and the city's administrators download it; files expire; asking and
downloading are in the access log; a job whose worker died is built by the timer's run."""

from datetime import timedelta
from io import BytesIO
from openpyxl import load_workbook
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.restapi.testing import RelativeSession
from suizhou.laborrights import background
from suizhou.laborrights.audit.log import entries
from suizhou.laborrights.background import place_of
from suizhou.laborrights.cases.register import now
from suizhou.laborrights.handling.periods import today
from suizhou.laborrights.statistics import export_jobs
from suizhou.laborrights.statistics.selection import Period
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from tests.assessment_helpers import form_fields
from tests.helpers import chinese_site
from tests.helpers import make_user
from tests.helpers import PASSWORD
from tests.helpers import staff_session
from tests.statistics_helpers import Q1
from tests.statistics_helpers import statistics_cases
from unittest import mock

import lxml.html
import transaction
import unittest


QUERY = "start=2026-01-01&end=2026-03-31"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def sheets(data):
    """Every sheet's cell values of a workbook."""
    book = load_workbook(BytesIO(data))
    return {sheet.title: [[cell.value for cell in row] for row in sheet.iter_rows()] for sheet in book}


class TestBackgroundExports(unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        chinese_site()
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        statistics_cases()  # 曾都区 and one case of 广水市 received in 2026's first quarter
        make_user("city", groups=["city_admins"])
        make_user("admin_zengdu", groups=["district_admins_zengdu"])
        make_user("admin_zengdu2", groups=["district_admins_zengdu"])
        make_user("clerk", groups=["intake_clerks_zengdu"])
        transaction.commit()
        # a "big" selection is anything over two cases received, so the test data is big
        patcher = mock.patch.object(export_jobs, "BACKGROUND_CASES", 2)
        patcher.start()
        self.addCleanup(patcher.stop)

    def tearDown(self):
        background.drain()

    def session(self, user=None):
        return staff_session(self, user)

    def ask(self, user, query=QUERY):
        """Download the statistics as ``user``: sent to the background page, confirm there."""
        session = self.session(user)
        answer = session.get(f"@@statistics.xlsx?{query}", allow_redirects=False)
        self.assertEqual(answer.status_code, 302)
        self.assertIn("@@statistics-exports?", answer.headers["Location"])
        page = session.get(answer.headers["Location"])
        self.assertIn("期间受理", lxml.html.fromstring(page.text).get_element_by_id("export-summary").text)
        queued = session.post("@@statistics-exports", data=form_fields(page.text) | {"export": "1"})
        self.assertEqual(queued.status_code, 200)
        self.assertIn("已开始在后台生成", queued.text)
        background.drain()
        return session

    def listed(self, user):
        page = self.session(user).get("@@statistics-exports")
        self.assertEqual(page.status_code, 200)
        doc = lxml.html.fromstring(page.text)
        return [
            {
                "state": row.xpath("string(td[@class='export-state'])").split()[0],
                "link": (row.xpath(".//a[@class='export-download']/@href") or [""])[0].split("/")[-1],
                "text": row.text_content(),
            }
            for row in doc.xpath("//table[@id='export-jobs']/tbody/tr")
        ]

    def stored_jobs(self):
        transaction.begin()
        return export_jobs.jobs(self.portal)

    def test_a_big_export_is_built_in_the_background_with_the_same_numbers(self):
        session = self.ask("city")
        [job] = self.listed("city")
        self.assertEqual(job["state"], "已完成")
        self.assertIn("2026-01-01 至 2026-03-31", job["text"])
        answer = session.get(job["link"])
        self.assertEqual(answer.status_code, 200)
        self.assertEqual(answer.headers["Content-Type"], XLSX)
        self.assertIn("statistics-2026-01-01-2026-03-31.xlsx", answer.headers["Content-Disposition"])
        built = sheets(answer.content)

        # the same selection built at once (under the threshold) holds the same numbers
        with mock.patch.object(export_jobs, "BACKGROUND_CASES", 10_000):
            direct = session.get(f"@@statistics.xlsx?{QUERY}", allow_redirects=False)
        self.assertEqual(direct.status_code, 200)
        self.assertEqual(built, sheets(direct.content))
        official = {row[0].strip("　 "): row[1] for row in built["劳动争议处理情况"][1:] if row and row[0]}
        self.assertEqual(official["上期未结案件数"], 1)  # as tests/test_statistics_page.py counts by hand

        today_ = today()
        asked = [e for e in entries(today_, today_, user="city", kind="export") if "background" in e["query"]]
        self.assertEqual(asked[0]["query"]["start"], "2026-01-01")
        self.assertEqual(asked[0]["query"]["districts"], "city,zengdu,suixian,guangshui,hitech,dahongshan")
        downloaded = entries(today_, today_, user="city", kind="download")
        self.assertEqual(downloaded[0]["query"]["export"], job["link"].split("id=")[-1])

    def test_a_long_period_goes_to_the_background_whatever_its_size(self):
        with mock.patch.object(export_jobs, "BACKGROUND_CASES", 10_000):
            answer = self.session("city").get(
                "@@statistics.xlsx?start=2024-01-01&end=2026-03-31", allow_redirects=False
            )
            self.assertEqual(answer.status_code, 302)
            small = self.session("city").get(f"@@statistics.xlsx?{QUERY}", allow_redirects=False)
            self.assertEqual(small.headers["Content-Type"], XLSX)  # small: at once, as before
        newest = entries(today(), today(), user="city", kind="export")[0]  # the direct export is logged too
        self.assertEqual((newest["query"]["start"], newest["query"]["end"]), ("2026-01-01", "2026-03-31"))
        self.assertNotIn("background", newest["query"])

    def test_only_the_requester_and_the_city_download_it(self):
        self.ask("admin_zengdu", QUERY + "&district=zengdu")
        [job] = self.listed("admin_zengdu")
        self.assertEqual(job["state"], "已完成")
        self.assertEqual(self.listed("admin_zengdu2"), [])  # another's exports are not listed
        [seen_by_city] = self.listed("city")
        self.assertIn("admin_zengdu", seen_by_city["text"])  # the city sees who asked

        self.assertEqual(self.session("admin_zengdu").get(job["link"]).headers["Content-Type"], XLSX)
        self.assertEqual(self.session("city").get(job["link"]).headers["Content-Type"], XLSX)
        self.assertEqual(self.session("admin_zengdu2").get(job["link"], allow_redirects=False).status_code, 404)
        for user in ("clerk", None):
            answer = self.session(user).get(job["link"], allow_redirects=False)
            self.assertIn(answer.status_code, (302, 401, 403), user)
            self.assertNotEqual(answer.headers.get("Content-Type"), XLSX)
        # the district administrator's export holds their district only
        built = sheets(self.session("admin_zengdu").get(job["link"]).content)
        self.assertEqual([row[0] for row in built["按区县"][1:] if row[0] and row[1] is not None], ["曾都区"])

    def test_an_expired_file_is_neither_listed_for_download_nor_served_and_is_removed(self):
        self.ask("city")
        [job] = self.listed("city")
        [stored] = self.stored_jobs()
        stored["expires"] = now() - timedelta(minutes=1)
        transaction.commit()
        [listed] = self.listed("city")
        self.assertEqual(listed["state"], "已过期")
        self.assertEqual(listed["link"], "")
        self.assertEqual(self.session("city").get(job["link"], allow_redirects=False).status_code, 404)
        counts = export_jobs.run_pending(self.portal)
        self.assertEqual(counts["removed"], 1)
        self.assertEqual(self.listed("city"), [])

    def test_a_failed_build_says_so(self):
        with mock.patch.object(export_jobs, "workbook", side_effect=RuntimeError("disk full")):
            self.ask("city")
        [job] = self.listed("city")
        self.assertEqual(job["state"], "失败")
        self.assertIn("生成失败，请稍后重新导出", job["text"])
        self.assertEqual(job["link"], "")

    def test_a_job_left_queued_is_built_by_the_timers_run(self):
        with mock.patch.object(export_jobs, "_start_worker"):  # the instance stopped before its worker ran
            self.ask("city")
        self.assertEqual(self.listed("city")[0]["state"], "排队中")
        counts = export_jobs.run_pending(self.portal)
        self.assertEqual(counts["built"], 1)
        [job] = self.listed("city")
        self.assertEqual(job["state"], "已完成")
        self.assertEqual(self.session("city").get(job["link"]).headers["Content-Type"], XLSX)

    def test_the_period_label_and_threshold_of_a_job(self):
        job = export_jobs.request(Period(Q1.start, Q1.end), ["zengdu"], start_worker=False)
        self.assertEqual(job["period_label"], "2026-01-01 至 2026-03-31（按北京时间）")
        self.assertEqual(job["state"], "queued")
        self.assertTrue(export_jobs.is_big(Q1, ["zengdu", "guangshui"]))
        with mock.patch.object(export_jobs, "BACKGROUND_CASES", 10_000):
            self.assertFalse(export_jobs.is_big(Q1, ["zengdu", "guangshui"]))


class TestManyExports(unittest.TestCase):
    """Many exports asked at once are built one after the other by the instance's one export
    worker, and asking again for an export still under way gives that export, not a second one."""

    layer = FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        chinese_site()
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        make_user("admin_zengdu", groups=["district_admins_zengdu"])
        transaction.commit()

    def tearDown(self):
        background.drain()

    def ask(self, districts=("zengdu",), user=None):
        if user is None:  # the test user
            job = export_jobs.request(Period(Q1.start, Q1.end), list(districts), start_worker=False)
        else:
            with api.env.adopt_user(username=user):
                job = export_jobs.request(Period(Q1.start, Q1.end), list(districts), start_worker=False)
        transaction.commit()
        return job["id"]

    def test_the_same_selection_asked_twice_while_queued_is_one_job(self):
        first = self.ask()
        self.assertEqual(self.ask(), first)
        self.assertNotEqual(self.ask(("zengdu", "guangshui")), first)  # another selection
        self.assertNotEqual(self.ask(user="admin_zengdu"), first)  # another requester
        self.assertEqual(len(export_jobs.jobs(self.portal)), 3)
        export_jobs.run_pending(self.portal)
        self.assertNotEqual(self.ask(), first)  # built: asking again builds it again

    def test_the_page_asked_twice_lists_one_export(self):
        session = RelativeSession(self.portal.absolute_url() + "/")
        session.auth = ("admin_zengdu", PASSWORD)
        self.addCleanup(session.close)
        with mock.patch.object(export_jobs, "_start_worker"):  # still queued at the second click
            for _click in range(2):
                page = session.get(f"@@statistics-exports?{QUERY}&district=zengdu")
                queued = session.post("@@statistics-exports", data=form_fields(page.text) | {"export": "1"})
                self.assertIn("已开始在后台生成", queued.text)
        listing = lxml.html.fromstring(session.get("@@statistics-exports").text)
        self.assertEqual(len(listing.xpath("//table[@id='export-jobs']/tbody/tr")), 1)

    def test_exports_asked_together_are_all_built(self):
        ids = [self.ask(), self.ask(("guangshui",)), self.ask(("suixian",))]
        place = place_of(self.portal._p_jar, self.portal)
        for job_id in ids:
            export_jobs._start_worker(True, place, job_id)
        self.assertTrue(background.drain(timeout=60))
        transaction.begin()
        self.assertEqual([export_jobs.find(job_id, self.portal)["state"] for job_id in ids], ["done"] * 3)
