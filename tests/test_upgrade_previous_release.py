"""A site built by the previous release upgrades in place and keeps working.

The database in ``tests/fixtures/previous-release/`` was built by an earlier commit of this
repository (``make start``'s site with its demo content; see the README there for the commit and
the commands). Each run unpacks a copy, opens it with today's code, runs the upgrade steps of
``suizhou.laborrights:default`` to the newest version, and then looks at what a user would notice:
the demo cases are found by their reference and their pages render for a Manager, nothing the
catalog lists is a broken object, the public pages render for an anonymous visitor, the progress
lookup answers, and the four public forms still file a case through their stored actions model.

Modules that move must leave the database's stored names resolvable (see the fixture's README for
the list). The register and the lookup are imported inside the tests, from where they are now or
from where the previous release had them, so that this test runs on both sides of a move. For the
same reason this module uses nothing from ``tests.helpers``, which imports the register at the top.
"""

from Acquisition import aq_base
from pathlib import Path
from plone.testing import Layer
from plone.testing import zope
from plone.testing.zope import Browser
from stdnum.cn import ric
from stdnum.cn import uscc
from suizhou.laborrights import background
from suizhou.laborrights.testing import DrainBackground
from suizhou.laborrights.testing import FIXTURE
from urllib.parse import parse_qs
from urllib.parse import urlparse
from ZODB.broken import Broken
from ZODB.DB import DB
from ZODB.FileStorage import FileStorage
from ZODB.serialize import referencesf
from ZODB.utils import load_current
from ZODB.utils import z64
from zope.component.hooks import setSite

import gzip
import importlib
import io
import lxml.html
import pickletools
import shutil
import tarfile
import tempfile
import transaction
import unittest


FIXTURE_DIR = Path(__file__).parent / "fixtures" / "previous-release"
SITE_ID = "Plone"
PROFILE = "suizhou.laborrights:default"
PACKAGE = "suizhou.laborrights"
MANAGER = ("upgrade-test-manager", "upgrade-test-password")
OWN_TYPES = (
    "Case",
    "CaseAttachment",
    "CaseFolder",
    "District",
    "Guide",
    "MediationSession",
    "Mediator",
    "ServiceStation",
    "TypicalCase",
)
PUBLIC_PAGES = (
    "",
    "/stations",
    "/stations/zengdu",
    "/guides/wage-arrears-checklist",
    "/typical-cases/no-written-contract-double-wages",
    "/apply/complaint",
    "/apply/mediation",
    "/apply/arbitration",
    "/apply/employer-service",
)


def _import_moved(new, old):
    """The module at its new dotted name, or at the one the previous release had."""
    try:
        return importlib.import_module(new)
    except ModuleNotFoundError as error:
        if error.name not in (new, new.rpartition(".")[0]):
            raise  # the new module is there but imports something missing
        return importlib.import_module(old)


def case_register():
    return _import_moved("suizhou.laborrights.cases.register", "suizhou.laborrights.register")


def case_lookup():
    return _import_moved("suizhou.laborrights.cases.lookup", "suizhou.laborrights.status")


def upgrade(site):
    """Run the add-on's upgrade steps to the newest version, as the site's administrator would
    in the add-ons control panel; returns (version before, version after, step titles)."""
    from AccessControl.SecurityManagement import newSecurityManager
    from AccessControl.SecurityManagement import noSecurityManager
    from zope.globalrequest import setRequest

    app = site.aq_parent
    setSite(site)
    setRequest(site.REQUEST)
    newSecurityManager(None, app.acl_users.getUser("admin").__of__(app.acl_users))
    try:
        setup = site.portal_setup
        before = setup.getLastVersionForProfile(PROFILE)
        steps = [step["title"] for step in setup.listUpgrades(PROFILE)]
        setup.upgradeProfile(PROFILE)
        return before, setup.getLastVersionForProfile(PROFILE), steps
    finally:
        noSecurityManager()
        setRequest(None)
        setSite(None)


class KeptOpenFileStorage(FileStorage):
    """Closed by its layer only: a test's DemoStorage closes its base storage when it closes."""

    def close(self):
        pass

    def close_for_good(self):
        super().close()


class PreviousReleaseSite(Layer):
    """A copy of the previous release's database in place of the test database, upgraded once;
    the add-on's ZCML is loaded by the project's own fixture underneath."""

    defaultBases = (FIXTURE,)

    def setUp(self):
        self.directory = Path(tempfile.mkdtemp(prefix="previous-release-"))
        data_fs = self.directory / "Data.fs"
        with gzip.open(FIXTURE_DIR / "Data.fs.gz") as source, data_fs.open("wb") as target:
            shutil.copyfileobj(source, target)
        with tarfile.open(FIXTURE_DIR / "blobstorage.tar.gz") as archive:
            archive.extractall(self.directory, filter="data")
        self.storage = KeptOpenFileStorage(str(data_fs), blob_dir=str(self.directory / "blobstorage"))
        # Shadows the test database: the Zope app and the test browser open this one.
        self["zodbDB"] = DB(self.storage)
        with zope.zopeApp() as app:  # commits the upgrade into the copy
            self["upgrade"] = upgrade(app[SITE_ID])
            app.acl_users._doAddUser(MANAGER[0], MANAGER[1], ["Manager"], [])

    def tearDown(self):
        background.drain()
        self["zodbDB"].close()
        self.storage.close_for_good()
        del self["zodbDB"]
        del self["upgrade"]
        shutil.rmtree(self.directory)


PREVIOUS_RELEASE = PreviousReleaseSite(name="PreviousReleaseSite")
# Each test on a DemoStorage over the upgraded copy: tests may commit.
class PreviousReleaseFunctional(DrainBackground, zope.FunctionalTesting):
    pass


PREVIOUS_RELEASE_FUNCTIONAL = PreviousReleaseFunctional(
    bases=(PREVIOUS_RELEASE,), name="PreviousReleaseSite:Functional"
)


class UpgradedSiteTestCase(unittest.TestCase):
    layer = PREVIOUS_RELEASE_FUNCTIONAL

    def setUp(self):
        self.app = self.layer["app"]
        self.site = self.app[SITE_ID]
        self.site_url = self.site.absolute_url()
        setSite(self.site)
        self.addCleanup(setSite, None)
        self.catalog = self.site.portal_catalog

    def browser(self, manager=False):
        browser = Browser(self.app)
        browser.handleErrors = False  # an error is raised with its traceback
        browser.addHeader("Accept-Language", "zh-CN")
        if manager:
            browser.addHeader("Authorization", "Basic {}:{}".format(*MANAGER))
        return browser

    def cases(self):
        brains = self.catalog.unrestrictedSearchResults(portal_type="Case", sort_on="getId")
        return [brain._unrestrictedGetObject() for brain in brains]


class TestUpgrade(UpgradedSiteTestCase):
    def test_the_profile_is_upgraded_to_the_newest_version(self):
        before, after, steps = self.layer["upgrade"]
        setup = self.site.portal_setup
        self.assertEqual(after, setup.getLastVersionForProfile(PROFILE))
        self.assertEqual(after, (setup.getVersionForProfile(PROFILE),), f"from {before} by {steps}")
        self.assertEqual(setup.listUpgrades(PROFILE), [])

    def test_no_object_the_catalog_lists_is_broken(self):
        brains = self.catalog.unrestrictedSearchResults(portal_type=list(OWN_TYPES))
        self.assertGreater(len(brains), 100)
        broken = []
        for brain in brains:
            obj = aq_base(brain._unrestrictedGetObject())
            if isinstance(obj, Broken):  # ZODB.broken.PersistentBroken too: its class is gone
                broken.append(f"{brain.getPath()}: {obj.__class__!r}")
        self.assertEqual(broken, [])

    def test_every_class_and_interface_the_database_names_still_imports(self):
        """What would come back as a broken object or a broken interface: every module global
        of this package that the database's pickles refer to."""
        names = stored_globals(self.layer["zodbDB"].storage)
        self.assertIn("suizhou.laborrights.content.case.Case", names)
        missing = unimportable(names)
        self.assertFalse(missing, "\n".join(["stored names that no longer import:", *missing]))


def unimportable(names):
    missing = []
    for name in sorted(names):
        module, _dot, attribute = name.rpartition(".")
        try:
            getattr(importlib.import_module(module), attribute)
        except (ImportError, AttributeError) as error:
            missing.append(f"{name}: {error}")
    return missing


class TestBeforeUpgrade(unittest.TestCase):
    """Between deploying the new code and running the upgrade steps, the stored site still opens:
    every name its pickles refer to imports (e.g. the settings schemas that registry records
    name, whose modules moved)."""

    def test_every_name_the_previous_release_stored_imports_before_upgrading(self):
        with tempfile.TemporaryDirectory() as directory:
            data_fs = Path(directory) / "Data.fs"
            with gzip.open(FIXTURE_DIR / "Data.fs.gz") as source, data_fs.open("wb") as target:
                shutil.copyfileobj(source, target)
            storage = FileStorage(str(data_fs), read_only=True)
            try:
                names = stored_globals(storage)
            finally:
                storage.close()
        self.assertIn("suizhou.laborrights.forms.settings.IFilingSettings", names)
        missing = unimportable(names)
        self.assertFalse(missing, "\n".join(["stored names that no longer import:", *missing]))


def stored_globals(storage):
    """{'module.Name'} of this package that the objects reachable from the root of ``storage``
    refer to by module global in their pickles: classes of objects and of persistent references,
    interfaces an object provides or a registry record names. Only what is reachable now: the
    old revisions an upgrade has replaced are not looked at."""
    names, seen, todo = set(), {z64}, [z64]
    while todo:
        data = load_current(storage, todo.pop())[0]
        names.update(_globals_in(data))
        for oid in referencesf(data):
            if oid not in seen:
                seen.add(oid)
                todo.append(oid)
    return names


def _globals_in(data):
    stream = io.BytesIO(data)
    while stream.tell() < len(data):  # a ZODB record: the class pickle, then the state pickle
        memo, strings = {}, []
        for opcode, argument, _position in pickletools.genops(stream):
            name = opcode.name
            if name == "GLOBAL":
                module, attribute = argument.split(" ", 1)
                if module.startswith(PACKAGE):
                    yield f"{module}.{attribute}"
            elif name == "STACK_GLOBAL" and len(strings) >= 2:
                module, attribute = strings[-2], strings[-1]
                if isinstance(module, str) and module.startswith(PACKAGE):
                    yield f"{module}.{attribute}"
            elif name in ("SHORT_BINUNICODE", "BINUNICODE", "BINUNICODE8", "UNICODE"):
                strings.append(argument)
            elif name in ("BINPUT", "LONG_BINPUT", "PUT") and strings:
                memo[argument] = strings[-1]
            elif name == "MEMOIZE" and strings:
                memo[len(memo)] = strings[-1]
            elif name in ("BINGET", "LONG_BINGET", "GET"):
                strings.append(memo.get(argument))
            elif name == "STOP":
                break


class TestDemoCases(UpgradedSiteTestCase):
    def test_every_case_is_found_by_its_reference(self):
        register = case_register()
        cases = self.cases()
        self.assertGreater(len(cases), 50)
        claimed = register._claimed(register.get_register())
        self.assertEqual(sorted(claimed.keys()), [case.getId() for case in cases])
        for case in cases:
            found = register.find_case(case.getId())
            self.assertIsNotNone(found, case.getId())
            self.assertIs(aq_base(found), aq_base(case))
            self.assertEqual(found.absolute_url(), case.absolute_url())

    def test_a_manager_sees_the_pages_of_every_case(self):
        browser = self.browser(manager=True)
        states = set()
        for case in self.cases():
            reference = case.getId()
            browser.open(case.absolute_url())
            self.assertEqual(browser.headers["status"], "200 OK", reference)
            self.assertIn(reference, browser.contents)
            if "@@case-document" in browser.contents:  # the documents viewlet links the list
                browser.open(f"{case.absolute_url()}/@@case-document")
                self.assertEqual(browser.headers["status"], "200 OK", reference)
            states.add(self.site.portal_workflow.getInfoFor(case, "review_state"))
        self.assertGreater(len(states), 3)  # cases along the whole workflow, not only new ones


class TestPublicSite(UpgradedSiteTestCase):
    def test_the_public_pages_render_for_an_anonymous_visitor(self):
        browser = self.browser()
        for path in PUBLIC_PAGES:
            browser.open(self.site_url + path)
            self.assertEqual(browser.headers["status"], "200 OK", path)
            self.assertEqual(browser.url, self.site_url + path)  # not sent to a login form
        # an anonymous visitor does not see the register
        browser.raiseHttpErrors = False
        browser.handleErrors = True
        browser.open(self.cases()[0].absolute_url())
        self.assertEqual(browser.headers["status"], "404 Not Found")

    def test_the_progress_of_a_demo_case_is_looked_up_by_reference_and_phone(self):
        lookup = case_lookup()
        case = self.cases()[0]
        reference, phone = case.getId(), case.applicant_phone
        self.assertIs(aq_base(lookup.lookup(reference, phone)), aq_base(case))
        self.assertIsNone(lookup.lookup(reference, "13000000000"))

        browser = self.browser()
        browser.open(f"{self.site_url}/@@case-progress")
        browser.getControl(name="ref").value = reference
        browser.getControl(name="phone").value = phone
        browser.getControl(name="lookup").click()
        page = lxml.html.fromstring(browser.contents)
        result = page.xpath('//section[contains(@class, "laborrights-progress-result")]')
        self.assertTrue(result, "no result shown")
        self.assertIn(reference, result[0].text_content())
        self.assertNotIn(case.applicant_name, browser.contents)


# Each form as an applicant fills it (the arbitration form asks what the law requires).
# Identity numbers are valid ones of someone born in 随州市, credit codes valid ones of a firm there.
def _id_number(seq):
    first17 = f"421300199001{seq % 28 + 1:02d}{seq % 1000:03d}"
    return first17 + ric.calc_check_digit(first17 + "0")  # stdnum drops the last character


def _credit_code(seq):
    first17 = f"91421300MA4{seq % 1000000:06d}"
    return first17 + uscc.calc_check_digit(first17)


APPLICANT = {
    "applicant_name": "升级测试申请人",
    "applicant_id_number": _id_number(11),
    "applicant_phone": "13907229876",
    "applicant_address": "随州市曾都区测试路8号",
    "employer_name": "随州市升级测试建材有限公司",
    "employer_credit_code": _credit_code(11),
    "employer_address": "随州市曾都区工业园1号",
    "district": ["zengdu"],
    "confirm": True,
}
FILINGS = {
    "complaint": dict(
        APPLICANT,
        dispute_types=["wage_arrears"],
        claim_amount="12,000.50",
        workers_involved="1",
        facts="2026年8月至10月的工资一直未发放。",
        request="责令支付拖欠工资12000.50元。",
    ),
    "mediation": dict(
        APPLICANT,
        dispute_types=["dismissal"],
        mediation_kind=["union"],
        workers_involved="1",
        facts="2026年9月被口头辞退，未支付经济补偿。",
        request="支付经济补偿金8000元。",
    ),
    "arbitration": dict(
        APPLICANT,
        dispute_types=["labor_contract"],
        workers_involved="1",
        applicant_gender=["male"],
        applicant_birth_date="1990年1月",
        applicant_occupation="焊工",
        employer_contact="王总",
        employer_representative_title="总经理",
        request="1. 裁决支付未签劳动合同二倍工资24000元。",
        facts="2025年3月入职，至今未签订书面劳动合同。",
        evidence="工资条 6 份，证明劳动关系和工资标准，本人持有。",
    ),
}


class TestFilingForms(UpgradedSiteTestCase):
    def fill(self, browser, values):
        for name, value in values.items():
            if value is True:
                browser.getControl(name=f"form.widgets.{name}:list").value = ["selected"]
            elif isinstance(value, list):
                browser.getControl(name=f"form.widgets.{name}:list").value = value
            else:
                browser.getControl(name=f"form.widgets.{name}").value = value

    def test_each_form_files_a_case_through_its_stored_create_case_action(self):
        from collective.easyform.api import get_actions

        register = case_register()
        for form in self.site["apply"].objectValues():
            # The stored actions model names the action's type by a dotted name: it still loads.
            # (Upgrade 1025 gave the employer-service form the enterprise service order's action.)
            if form.getId() == "employer-service":
                self.assertIn("create_service_order", get_actions(form))
                continue
            action = get_actions(form).get("create_case")
            self.assertEqual(type(action).__name__, "CreateCase", form.getId())

        for form_id, values in FILINGS.items():
            browser = self.browser()
            browser.open(f"{self.site_url}/apply/{form_id}")
            self.fill(browser, values)
            browser.getControl(name="form.buttons.submit").click()
            self.assertIn("@@filing-receipt", browser.url, form_id)
            reference = parse_qs(urlparse(browser.url).query)["ref"][0]
            self.assertIn(reference, browser.contents, form_id)
            transaction.begin()  # see what the browser's request committed
            case = register.find_case(reference)
            self.assertIsNotNone(case, form_id)
            self.assertEqual(case.channel, "web", form_id)
            self.assertEqual(case.applicant_phone, values["applicant_phone"], form_id)
            self.assertEqual(self.site.portal_workflow.getInfoFor(case, "review_state"), "registered")
            self.assertEqual(
                [brain.getId for brain in self.catalog.unrestrictedSearchResults(getId=reference)],
                [reference],
            )
