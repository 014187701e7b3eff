"""Test layers: the add-on installed in a Plone site, with the demo content on top."""

from plone import api
from plone.app.testing import applyProfile
from plone.app.testing import FunctionalTesting
from plone.app.testing import IntegrationTesting
from plone.app.testing import PLONE_FIXTURE
from plone.app.testing import PloneSandboxLayer
from plone.testing.zope import WSGI_SERVER_FIXTURE
from suizhou.laborrights import background
from suizhou.laborrights.staff import lockout

import collective.easyform
import collective.z3cform.datagridfield
import plone.restapi
import suizhou.laborrights


class LaborRightsLayer(PloneSandboxLayer):
    defaultBases = (PLONE_FIXTURE,)

    def setUpZope(self, app, configurationContext):
        for package in (
            plone.restapi,
            collective.easyform,
            collective.z3cform.datagridfield,
            suizhou.laborrights,
        ):
            self.loadZCML(package=package)
        background.start_all()

    def setUpPloneSite(self, portal):
        # As on a real site (the test fixture leaves the default chain empty and speaks English).
        portal.portal_workflow.setDefaultChain("simple_publication_workflow")
        api.portal.set_registry_record("plone.default_language", "zh-cn")
        api.portal.set_registry_record("plone.available_languages", ["zh-cn", "en"])
        applyProfile(portal, "suizhou.laborrights:default")

    def testSetUp(self):
        # Failed-login counts live in the instance's memory, which the test's database rollback
        # does not reach: a test that locks an account must not lock it for the next test.
        lockout.forget_all()


class LaborRightsDemoLayer(PloneSandboxLayer):
    defaultBases = ()

    def setUp(self):
        super().setUp()
        background.drain()  # the demo's filings raise their warnings, as on the demo site

    def setUpPloneSite(self, portal):
        applyProfile(portal, "suizhou.laborrights:demo")


class DrainBackground:
    """For layers whose tests commit: the background work of a test's commits (the warning
    rules, mail and SMS) is done in that test's database and with its test doubles, before
    they are thrown away."""

    def testTearDown(self):
        background.drain()
        super().testTearDown()


class Functional(DrainBackground, FunctionalTesting):
    pass


FIXTURE = LaborRightsLayer()
DEMO_FIXTURE = LaborRightsDemoLayer(bases=(FIXTURE,), name="LaborRightsDemoLayer:Fixture")

INTEGRATION_TESTING = IntegrationTesting(bases=(FIXTURE,), name="LaborRights:Integration")
FUNCTIONAL_TESTING = Functional(
    bases=(FIXTURE, WSGI_SERVER_FIXTURE), name="LaborRights:Functional"
)
DEMO_INTEGRATION_TESTING = IntegrationTesting(bases=(DEMO_FIXTURE,), name="LaborRights:DemoIntegration")
DEMO_FUNCTIONAL_TESTING = Functional(
    bases=(DEMO_FIXTURE, WSGI_SERVER_FIXTURE), name="LaborRights:DemoFunctional"
)
