"""The "登记为维权事项" EasyForm action as a component, the settings, and the forms' set-up."""

from collective.easyform.api import get_actions
from collective.easyform.interfaces import IActionFactory
from plone import api
from plone.supermodel import loadString
from plone.supermodel import serializeSchema
from suizhou.laborrights.enterprise.action import ICreateServiceOrder
from suizhou.laborrights.forms.action import CreateCase
from suizhou.laborrights.forms.action import ICreateCase
from suizhou.laborrights.forms.install import create_forms
from suizhou.laborrights.forms.install import MODELS
from suizhou.laborrights.testing import INTEGRATION_TESTING
from zope.component import getUtility
from zope.interface import Invalid
from zope.schema.interfaces import IVocabularyFactory

import unittest


class TestAction(unittest.TestCase):
    layer = INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]

    def test_registered_as_an_easyform_action(self):
        name = "suizhou.laborrights.forms.action.CreateCase"
        factory = getUtility(IActionFactory, name=name)
        self.assertEqual(factory.title.default, "登记为维权事项")
        self.assertIsInstance(factory(__name__="create_case", title="登记"), CreateCase)
        form = self.portal["apply"]["complaint"]
        with api.env.adopt_roles(["Manager"]):
            vocabulary = getUtility(IVocabularyFactory, name="EasyFormActions")(form)
        self.assertIn(factory, [term.value for term in vocabulary])  # offered in the actions editor

    def test_the_actions_model_round_trips(self):
        xml = (MODELS / "arbitration.actions.xml").read_text(encoding="utf-8")
        action = loadString(xml).schema["create_case"]
        self.assertTrue(ICreateCase.providedBy(action))
        self.assertIn("evidence|facts", action.mapping)
        self.assertIn("${arbitration_acceptance_days}", action.time_limit)
        again = loadString(serializeSchema(loadString(xml).schema)).schema["create_case"]
        self.assertEqual(again.mapping, action.mapping)
        self.assertEqual(again.matters, action.matters)

    def test_mapping_names_only_case_fields(self):
        self.assertTrue(ICreateCase["mapping"].constraint(["name|applicant_name"]))
        with self.assertRaises(Invalid):
            ICreateCase["mapping"].constraint(["name|applicant_nickname"])

    def test_each_form_has_the_action(self):
        for form in self.portal["apply"].objectValues():
            actions = get_actions(form)
            if form.getId() == "employer-service":
                # an order for 仲裁员进企业 is no case: the enterprise service order's action
                self.assertTrue(ICreateServiceOrder.providedBy(actions["create_service_order"]))
                continue
            self.assertTrue(ICreateCase.providedBy(actions["create_case"]), form.getId())

    def test_set_up_again_keeps_the_forms_as_edited(self):
        form = self.portal["apply"]["complaint"]
        form.submitLabel = "提交"
        create_forms(self.portal)
        self.assertEqual(self.portal["apply"]["complaint"].submitLabel, "提交")
        self.assertEqual(len(self.portal["apply"].objectIds()), 4)


class TestSettings(unittest.TestCase):
    layer = INTEGRATION_TESTING

    def test_defaults_in_the_registry(self):
        prefix = "suizhou.laborrights.filing"
        self.assertEqual(api.portal.get_registry_record(f"{prefix}.attachment_max_size_mb"), 10)
        self.assertEqual(api.portal.get_registry_record(f"{prefix}.attachment_max_count"), 5)
        self.assertEqual(
            api.portal.get_registry_record(f"{prefix}.attachment_extensions"),
            ("pdf", "jpg", "jpeg", "png", "doc", "docx"),
        )
        self.assertFalse(api.portal.get_registry_record(f"{prefix}.challenge_enabled"))
        self.assertEqual(api.portal.get_registry_record(f"{prefix}.duplicate_window_days"), 7)

    def test_control_panel(self):
        portal = self.layer["portal"]
        with api.env.adopt_roles(["Manager"]):
            html = portal.restrictedTraverse("@@laborrights-filing")()
        self.assertIn("维权平台：网上申请", html)
        self.assertIn("启用验证问题", html)
        configlets = [action.getId() for action in portal.portal_controlpanel.listActions()]
        self.assertIn("laborrights-filing", configlets)
