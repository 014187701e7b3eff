"""The level at which a closed matter was settled (小事不出村、大事不出镇): the handling unit's level
unless the handler names another (a partner unit), refused when none can be told."""

from decimal import Decimal
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.app.z3cform.interfaces import IPloneFormLayer
from plone.protect.authenticator import createToken
from plone.testing.zope import Browser
from suizhou.laborrights.cases.closure import close_case
from suizhou.laborrights.cases.closure import CloseCaseForm
from suizhou.laborrights.handling.assignment import route
from suizhou.laborrights.handling.errors import Refused
from suizhou.laborrights.interfaces import IBrowserLayer
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from suizhou.laborrights.testing import INTEGRATION_TESTING
from tests.helpers import make_station
from tests.helpers import new_case
from zope.interface import alsoProvides

import transaction
import unittest


class TestResolutionLevel(unittest.TestCase):
    layer = INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.request = self.layer["request"]
        alsoProvides(self.request, IBrowserLayer, IPloneFormLayer)
        setRoles(self.portal, TEST_USER_ID, ["Manager"])

    def routed_case(self, level):
        unit = make_station(f"unit-{level}", title=f"测试{level}", level=level)
        case = new_case()
        route(case, unit=unit.UID(), route="inspection")
        return case

    def test_the_units_level_is_recorded_by_default(self):
        for level in ("point", "station", "center"):
            case = self.routed_case(level)
            close_case(case, "inspection_closed", Decimal("0"), 1)
            self.assertEqual(case.resolution_level, level)

    def test_the_handler_records_a_partner_unit(self):
        case = self.routed_case("station")
        close_case(case, "inspection_closed", Decimal("0"), 1, resolution_level="partner")
        self.assertEqual(case.resolution_level, "partner")

    def test_an_unknown_level_is_refused_and_nothing_is_kept(self):
        case = self.routed_case("station")
        with self.assertRaises(Refused) as refused:
            close_case(case, "inspection_closed", Decimal("0"), 1, resolution_level="province")
        self.assertIn("请选择化解层级", str(refused.exception))
        self.assertEqual(api.content.get_state(case), "routed")
        self.assertIsNone(getattr(case, "resolution_level", None))

    def test_the_close_form_offers_the_levels(self):
        case = self.routed_case("point")
        self.request.form.update({"form.widgets.outcome": ["inspection_closed"], "_authenticator": createToken()})
        form = CloseCaseForm(case, self.request)
        form.update()
        html = form.render()
        self.assertIn("化解层级", html)
        self.assertIn("服务点（村、社区）", html)
        self.assertIn("1+X 合作单位", html)


class TestStationPage(unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def test_the_station_page_shows_counts_per_level_and_no_case(self):
        portal = self.layer["portal"]
        setRoles(portal, TEST_USER_ID, ["Manager"])
        unit = make_station("unit-levels", title="测试层级服务站", level="station")
        for level in ("station", "station", "partner"):
            case = new_case(applicant_name="层级测试申请人")
            route(case, unit=unit.UID(), route="inspection")
            close_case(case, "inspection_closed", Decimal("0"), 1, resolution_level=level)
        if api.content.get_state(unit) != "published":
            api.content.transition(unit, to_state="published")
        transaction.commit()
        browser = Browser(self.layer["app"])
        browser.open(unit.absolute_url())
        self.assertIn("本站承办事项的化解层级", browser.contents)
        self.assertIn("服务站（乡镇、街道）：2 件", browser.contents)
        self.assertIn("1+X 合作单位（法院、工会、公安等）：1 件", browser.contents)
        self.assertNotIn("层级测试申请人", browser.contents)
