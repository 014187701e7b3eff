"""At process start the collector leaves what the start built alone and runs less often
(garbage_collection.py; the pauses it shortens are measured in docs/performance.md)."""

from suizhou.laborrights.garbage_collection import THRESHOLDS
from suizhou.laborrights.testing import INTEGRATION_TESTING
from unittest import mock
from zope.event import notify
from zope.processlifetime import ProcessStarting

import gc
import signal
import unittest


class TestTheCollectorAfterStart(unittest.TestCase):
    layer = INTEGRATION_TESTING

    def test_what_the_start_built_is_no_longer_walked_by_collections(self):
        self.addCleanup(gc.set_threshold, *gc.get_threshold())
        self.addCleanup(gc.unfreeze)
        built_at_start = {"registrations": []}  # a container the collector tracks
        self.assertTrue(gc.is_tracked(built_at_start))
        with mock.patch.object(signal, "signal"):  # the stop handler, also run at start
            notify(ProcessStarting())
        self.assertFalse(any(tracked is built_at_start for tracked in gc.get_objects()))
        self.assertGreater(gc.get_freeze_count(), 0)
        self.assertEqual(gc.get_threshold(), THRESHOLDS)
        made_later = {"request": []}
        self.assertTrue(any(tracked is made_later for tracked in gc.get_objects()))  # still collected
