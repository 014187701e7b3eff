from suizhou.laborrights.register import get_register
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
import unittest


class Dbg(unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def test_seq(self):
        r = get_register()
        print("SEQ", getattr(r, "_reference_sequences", None) and dict(r._reference_sequences), r._p_jar.db().storage)
