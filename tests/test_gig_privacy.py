"""A job seeker's registration reaches only the staff of the station it was made at: not the
public, not members, not another station's staff; by no page, search, listing, feed, sitemap or
REST call. The station's staff, the control, do see it."""

from plone import api
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from tests.gig_helpers import GigSessions
from tests.gig_helpers import make_gig_station
from tests.gig_helpers import make_seeker
from tests.gig_helpers import SEEKER_ID_NUMBER
from tests.gig_helpers import SEEKER_NAME
from tests.gig_helpers import SEEKER_PHONE
from tests.gig_helpers import SEEKER_SKILLS
from tests.helpers import make_user

import gzip
import transaction
import unittest


SECRETS = (SEEKER_NAME, SEEKER_PHONE, SEEKER_ID_NUMBER, SEEKER_SKILLS)


class TestSeekersArePrivate(GigSessions, unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def setUp(self):
        station = make_gig_station()
        make_gig_station("other-gig", staff="otherstaff")
        make_user("member")
        api.portal.set_registry_record("plone.enable_sitemap", True)
        seeker = make_seeker(station)
        self.reference = seeker.getId()
        self.path = f"job-seekers/{self.reference}"
        transaction.commit()

    def text(self, response):
        body = response.content
        if body[:2] == b"\x1f\x8b":
            body = gzip.decompress(body)
        return body.decode("utf-8", "replace")

    def assertNoSeeker(self, response, where):
        self.assertLess(response.status_code, 500, where)
        text = self.text(response)
        # A search page shows the words searched for; nothing else may appear.
        for secret in (secret for secret in SECRETS if secret not in where):
            self.assertNotIn(secret, text, where)

    def visitors(self, accept_json=False):
        return {
            who: self.session(user, accept_json)
            for who, user in (("anonymous", None), ("member", "member"), ("other station", "otherstaff"))
        }

    def test_pages_listings_feeds_and_sitemap(self):
        paths = [
            self.path,
            f"{self.path}/view",
            f"{self.path}/edit",
            "job-seekers",
            "job-seekers/folder_contents",
            "job-seekers/RSS",
            "job-seekers/rss.xml",
            "RSS",
            "rss.xml",
            "atom.xml",
            "sitemap.xml.gz",
            f"@@search?SearchableText={SEEKER_NAME}",
            "@@search?portal_type=JobSeeker",
            f"@@search?SearchableText={self.reference}",
            f"search_rss?SearchableText={SEEKER_NAME}",
            "search_rss?portal_type=JobSeeker",
            "@@gig-matching",
            "@@gig-jobs",
            "stations/zengdu/test-gig/@@gig-station",
        ]
        for who, session in self.visitors().items():
            for path in paths:
                with self.subTest(who=who, path=path):
                    response = session.get(path, allow_redirects=False)
                    self.assertNoSeeker(response, f"{who} {path}")
                    self.assertNotIn(f"/job-seekers/{self.reference}", self.text(response).replace(path, ""))

    def test_rest(self):
        paths = [
            self.path,
            "job-seekers",
            "job-seekers?fullobjects=1",
            "@search?portal_type=JobSeeker&fullobjects=1",
            f"@search?SearchableText={SEEKER_NAME}",
            "@search?path.query=/plone/job-seekers&metadata_fields=_all",
            "@gig-postings",
            f"@vocabularies/plone.app.vocabularies.Catalog?title={self.reference}",
        ]
        for who, session in self.visitors(accept_json=True).items():
            for path in paths:
                with self.subTest(who=who, path=path):
                    response = session.get(path, allow_redirects=False)
                    self.assertNoSeeker(response, f"{who} {path}")
                    if path.startswith("@search"):
                        self.assertEqual(response.json()["items_total"], 0)
        for who, session in self.visitors(accept_json=True).items():
            with self.subTest(who=who):
                self.assertIn(session.get(self.path).status_code, (401, 403, 404))

    def test_the_station_s_staff_see_the_record(self):
        staff = self.session("gigstaff", accept_json=True)
        self.assertEqual(staff.get(self.path).json()["real_name"], SEEKER_NAME)
        found = staff.get("@search?portal_type=JobSeeker").json()
        self.assertEqual([item["@id"].rsplit("/", 1)[-1] for item in found["items"]], [self.reference])
        self.assertIn(SEEKER_NAME, self.session("gigstaff").get("@@gig-matching").text)
