"""GET <case>/@case-timeline: the case's history, for the staff who may see the case."""

from tests.api_helpers import ApiTestCase


class TestCaseTimeline(ApiTestCase):
    def setUp(self):
        super().setUp()
        self.reference = self.post_case().json()["reference"]
        case = self.move_case(self.reference, "route", comment="转曾都区仲裁院调解", route="mediation")
        self.url = f"{case.absolute_url()}/@case-timeline"

    def test_staff_see_the_timeline(self):
        response = self.supervisor.get(self.url)
        self.assertEqual(response.status_code, 200, response.text)
        self.assertConforms(response, "/{case}/@case-timeline", "get")
        timeline = response.json()
        self.assertEqual(timeline["reference"], self.reference)
        self.assertEqual(timeline["review_state"], "routed")
        steps = [(e["action"], e["review_state"], e["action_title"]) for e in timeline["workflow"]]
        self.assertEqual(steps, [(None, "registered", "登记"), ("route", "routed", "分办")])
        self.assertEqual(timeline["workflow"][-1]["comments"], "转曾都区仲裁院调解")
        self.assertTrue(timeline["workflow"][-1]["time"])
        self.assertEqual(response.headers["Cache-Control"], "no-store")

    def test_without_credentials_it_is_not_found_like_a_made_up_reference(self):
        response = self.anonymous.get(self.url)
        made_up = self.anonymous.get(self.url.replace(self.reference, "SZ-2026-999999"))
        self.assertEqual(response.status_code, 404)
        self.assertEqual(response.json(), made_up.json())
        self.assertConforms(response, "/{case}/@case-timeline", "get")
        self.assertNoPersonalData(response)

    def test_others_are_refused_like_a_made_up_reference(self):
        for session in (self.member, self.hotline):
            response = session.get(self.url)
            made_up = session.get(self.url.replace(self.reference, "SZ-2026-999999"))
            self.assertEqual(response.status_code, 404)
            # The same answer, but for the address it names.
            self.assertEqual(response.text.replace(self.reference, "SZ-2026-999999"), made_up.text)
            self.assertConforms(response, "/{case}/@case-timeline", "get")
            self.assertNoPersonalData(response)
