"""Viewing and filing a public form leaves nothing behind in the server's memory.

collective.easyform made a new class for each field's validator and default lookup, kept for
good by zope.interface's lookup cache (forms/super_adapter.py): a server's memory grew with every
view of a form until it was restarted.
"""

from tests.form_helpers import complaint_values
from tests.form_helpers import FormsTestCase

import gc


def live_classes():
    gc.collect()
    return sum(1 for obj in gc.get_objects() if isinstance(obj, type))


class TestFormsMemory(FormsTestCase):
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
        self.assertEqual(live_classes() - before, 0)
