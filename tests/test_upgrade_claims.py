"""An existing site (profile 1004) gets the claim kinds and the final award's kinds (1005)."""

from decimal import Decimal
from plone import api
from plone.registry.interfaces import IRegistry
from suizhou.laborrights.handling.triage import suggestions
from suizhou.laborrights.testing import INTEGRATION_TESTING
from tests.helpers import new_case
from zope.component import getUtility

import unittest


PROFILE = "suizhou.laborrights:default"
NEW_RECORDS = (
    "suizhou.laborrights.vocabularies.claim_kinds",
    "suizhou.laborrights.statutory.final_award_amount_kinds",
    "suizhou.laborrights.statutory.final_award_standard_kinds",
)


class TestClaimsUpgrade(unittest.TestCase):
    layer = INTEGRATION_TESTING

    def test_an_existing_site_gets_the_records_and_keeps_its_settings(self):
        setup = api.portal.get_tool("portal_setup")
        registry = getUtility(IRegistry)
        # As a 1004 site was: none of the new records; a wage the administrator had set.
        for name in NEW_RECORDS:
            del registry.records[name]
        api.portal.set_registry_record("suizhou.laborrights.statutory.monthly_minimum_wage", Decimal("2010"))
        setup.setLastVersionForProfile(PROFILE, "1004")

        with api.env.adopt_roles(["Manager"]):
            setup.upgradeProfile(PROFILE)

        self.assertEqual(setup.getLastVersionForProfile(PROFILE), (setup.getVersionForProfile(PROFILE),))
        for name in NEW_RECORDS:
            self.assertIn(name, registry.records)
        kinds = api.portal.get_registry_record("suizhou.laborrights.vocabularies.claim_kinds")
        self.assertIn("labour_relation|确认劳动关系", kinds)
        self.assertIn(
            "social_insurance",
            api.portal.get_registry_record("suizhou.laborrights.statutory.final_award_standard_kinds"),
        )
        self.assertEqual(
            api.portal.get_registry_record("suizhou.laborrights.statutory.monthly_minimum_wage"),
            Decimal("2010"),
        )
        # and triage judges claims with them: 12 × 2,010 = 24,120
        case = new_case(claims=[{"kind": "wages", "amount": Decimal("24000"), "note": None}])
        self.assertTrue(suggestions(case)["final_award"].applies)
