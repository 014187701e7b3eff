"""Viewing and submitting forms leaves nothing behind in the server's memory.

collective.easyform (a field's validator and default) and z3c.form (an object widget's
template) made a new class per lookup, kept for good by zope.interface's lookup cache
(class_per_interface.py): a server's memory grew with every view of a form until a restart.
"""

from suizhou.laborrights import background
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from tests.form_helpers import complaint_values
from tests.form_helpers import FormsTestCase
from tests.helpers import browser_for
from tests.helpers import make_user
from tests.helpers import new_case

import gc
import transaction
import unittest


def live_classes():
    """The classes alive once the background work of the requests (rules, mail) is done."""
    background.drain(timeout=60)
    gc.collect()
    return [obj for obj in gc.get_objects() if isinstance(obj, type)]


def new_classes(before):
    """The names of the classes alive now that were not in ``before`` (which, holding them,
    keeps their ids from being reused)."""
    known = {id(cls) for cls in before}
    return sorted(cls.__qualname__ for cls in live_classes() if id(cls) not in known)


class TestPublicFormMemory(FormsTestCase):
    def test_views_and_submissions_of_a_form_make_no_new_classes(self):
        self.file("complaint", complaint_values())  # the first time compiles and caches
        self.file("complaint", complaint_values(applicant_phone=""))
        before = live_classes()
        for _view in range(3):
            self.open_form("complaint")
        self.file("complaint", complaint_values(applicant_phone=""))  # refused: phone missing
        self.assertIn("请填写", self.browser.contents)
        self.file("complaint", complaint_values(applicant_name="另一位投诉人"))
        self.assertIn("@@filing-receipt", self.browser.url)
        self.assertEqual(new_classes(before), [])


class TestCaseEditFormMemory(unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def test_views_of_a_cases_edit_form_make_no_new_classes(self):
        make_user("memory_admin", roles=["Manager"])
        url = new_case().absolute_url()
        transaction.commit()
        browser = browser_for(self.layer["app"], "memory_admin")
        browser.open(f"{url}/edit")  # the first time compiles and caches
        before = live_classes()
        for _view in range(3):
            browser.open(f"{url}/edit")
            self.assertIn("form.widgets.claims", browser.contents)  # the claims grid (object widgets)
        self.assertEqual(new_classes(before), [])
