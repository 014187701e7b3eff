"""The five control panels on a site whose settings were stored before the panels moved.

Each registry record remembers the dotted name of the schema it was made from. Up to 1007 the
schemas were ``controlpanels.settings.IStatutorySettings`` / ``IVocabularySettings``,
``forms.settings.IFilingSettings``, ``notifications.settings.INotificationSettings`` and
``public.settings.IPublicSettings``; now each panel has its own module under ``controlpanels/``
and the records keep their names (the prefixes never change). Such a site must read its
values, show and save every panel, and keep its values, once, when the registry is imported
again (as upgrade steps do).
"""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.registry import Record
from plone.testing.zope import Browser
from suizhou.laborrights import settings
from suizhou.laborrights.testing import FUNCTIONAL_TESTING

import transaction
import unittest


PROFILE = "profile-suizhou.laborrights:default"
# group -> the schema's dotted name as a site of release 1007 stored it in its records
OLD_SCHEMAS = {
    "statutory": "suizhou.laborrights.controlpanels.settings.IStatutorySettings",
    "vocabularies": "suizhou.laborrights.controlpanels.settings.IVocabularySettings",
    "filing": "suizhou.laborrights.forms.settings.IFilingSettings",
    "notifications": "suizhou.laborrights.notifications.settings.INotificationSettings",
    "public": "suizhou.laborrights.public.settings.IPublicSettings",
}
# (group, panel view, field, the administrator's value, as the form shows it, entered, saved)
PANELS = (
    ("statutory", "laborrights-statutory", "mediation_days", 20, "20", "25", 25),
    (
        "vocabularies",
        "laborrights-vocabularies",
        "mediator_titles",
        ("gold|金牌调解员", "mediator|调解员"),
        "gold|金牌调解员\nmediator|调解员",
        "gold|金牌调解员\nsenior|资深调解员",
        ("gold|金牌调解员", "senior|资深调解员"),
    ),
    ("filing", "laborrights-filing", "attachment_max_count", 3, "3", "4", 4),
    (
        "notifications",
        "laborrights-notifications",
        "sms_signature",
        "【测试】",
        "【测试】",
        "【随州】",
        "【随州】",
    ),
    ("public", "laborrights-public", "map_zoom", 11, "11", "12", 12),
)


def records_of(group):
    """{record name: interface name} of every record under the group's prefix."""
    records = api.portal.get_tool("portal_registry").records
    prefix = settings.panel(group)[0] + "."
    return {name: records[name].interfaceName for name in records.keys() if name.startswith(prefix)}


class TestStoredSettings(unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def setUp(self):
        """The records as a site of release 1007 has them, with the administrator's values."""
        records = api.portal.get_tool("portal_registry").records
        for group, _view, field_name, value, *_rest in PANELS:
            for name in records_of(group):
                record = records[name]
                field = record.field
                field.interfaceName = OLD_SCHEMAS[group]
                records[name] = Record(field, record.value, _validate=False)
            api.portal.set_registry_record(settings.record_name(group, field_name), value)
        transaction.commit()
        self.browser = Browser(self.layer["app"])
        self.browser.handleErrors = False
        self.browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")

    def test_the_stored_records_are_the_old_ones(self):
        for group, *_rest in PANELS:
            self.assertEqual(set(records_of(group).values()), {OLD_SCHEMAS[group]}, group)

    def test_the_values_are_read(self):
        registry = api.portal.get_tool("portal_registry")
        for group, _view, field_name, value, *_rest in PANELS:
            self.assertEqual(settings.setting(group, field_name), value, group)
            prefix, schema = settings.panel(group)
            self.assertEqual(getattr(registry.forInterface(schema, prefix=prefix), field_name), value)

    def test_every_group_reads_its_installed_records(self):
        registry = api.portal.get_tool("portal_registry")
        for group in settings.GROUPS:
            prefix, schema = settings.panel(group)
            proxy = registry.forInterface(schema, prefix=prefix)  # KeyError: a field without record
            for name in schema.names():
                self.assertEqual(settings.setting(group, name, None), getattr(proxy, name), group)

    def test_every_panel_shows_and_saves(self):
        portal_url = self.layer["portal"].absolute_url()
        for group, view, field_name, _value, shown, entered, saved in PANELS:
            self.browser.open(f"{portal_url}/@@{view}")
            control = self.browser.getControl(name=f"form.widgets.{field_name}")
            self.assertEqual(control.value.replace("\r\n", "\n"), shown, view)
            control.value = entered
            self.browser.getControl(name="form.buttons.save").click()
            transaction.begin()  # see what the browser's request committed
            self.assertEqual(settings.setting(group, field_name), saved, view)

    def test_importing_the_registry_again_keeps_every_value_once(self):
        before = {group: records_of(group) for group in OLD_SCHEMAS}
        setup = api.portal.get_tool("portal_setup")
        setup.runImportStepFromProfile(PROFILE, "plone.app.registry", run_dependencies=False)
        for group, _view, field_name, value, *_rest in PANELS:
            after = records_of(group)
            self.assertEqual(set(after), set(before[group]), f"{group}: records added or lost")
            self.assertEqual(settings.setting(group, field_name), value, group)
            schema = settings.panel(group)[1]
            self.assertEqual(set(after.values()), {schema.__identifier__}, group)
            self.assertEqual(len(after), len(schema.names()), group)
