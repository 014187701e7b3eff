"""The demo site's gig-worker station data: what a visitor and the station's staff see."""

from plone import api
from plone.app.testing import logout
from suizhou.laborrights.gig.listing import public_postings
from suizhou.laborrights.testing import DEMO_INTEGRATION_TESTING

import unittest


class TestGigDemo(unittest.TestCase):
    layer = DEMO_INTEGRATION_TESTING

    def test_postings_and_seekers(self):
        portal = self.layer["portal"]
        states = {}
        for posting in portal["jobs"].objectValues():
            states.setdefault(api.content.get_state(posting), []).append(posting.title)
        self.assertEqual(states["pending"], ["餐厅帮厨"])
        self.assertIn("香菇采摘工", states["published"])
        self.assertEqual(len(portal["job-seekers"].objectValues()), 2)
        logout()
        shown = [posting.title for posting in public_postings()]
        self.assertIn("装卸搬运工", shown)
        self.assertNotIn("香菇采摘工", shown)  # expired
        self.assertNotIn("餐厅帮厨", shown)  # pending
        self.assertEqual(len(api.content.find(portal_type="JobSeeker")), 0)
        seeker = next(s for s in portal["job-seekers"].objectValues() if s.real_name == "张建军")
        self.assertEqual(seeker.referrals[0]["outcome"], "hired")
