"""The demo site raises the warning of its cluster: twelve complaints against one employer in
one week, each of one worker, become one red warning of twelve workers, being handled."""

from suizhou.laborrights.demo.cases import COLLECTIVE_WEEK_START
from suizhou.laborrights.demo.employers import employers_by_key
from suizhou.laborrights.demo.warnings import cluster_cases
from suizhou.laborrights.testing import DEMO_INTEGRATION_TESTING
from tests.warnings_helpers import warnings_of

import unittest


class TestDemoWarnings(unittest.TestCase):
    layer = DEMO_INTEGRATION_TESTING

    def test_the_cluster_is_one_red_warning_being_handled(self):
        hengchi = employers_by_key()["hengchi"]
        [warning] = [w for w in warnings_of("employer") if w.key == f"code:{hengchi['credit_code']}"]
        self.assertEqual((warning.level, warning.state), ("red", "handling"))
        cluster = [
            case for case in cluster_cases(hengchi["credit_code"]) if case.received.date() >= COLLECTIVE_WEEK_START
        ]
        self.assertEqual(len(cluster), 12)
        evidence = {reference for reference, _district, _workers in warning.cases.values()}
        self.assertLessEqual({case.getId() for case in cluster}, evidence)
        # with the employer's earlier complaints of the 30 days before, one worker each
        self.assertEqual(warning.workers, len(evidence))
        self.assertEqual(warning.districts, ["hitech"])
        self.assertIn("约谈企业负责人", warning.notes[0]["text"])

    def test_the_collective_filing_of_18_workers_is_a_red_warning(self):
        [warning] = [w for w in warnings_of("collective") if w.workers == 18]
        self.assertEqual((warning.level, warning.state), ("red", "open"))

    def test_the_rest_of_the_demo_raises_few_warnings(self):
        # 64 cases over a year: the default thresholds leave the ordinary ones alone
        self.assertLessEqual(len(warnings_of()), 6, [(w.rule, w.subject) for w in warnings_of()])
