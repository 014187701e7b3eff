"""A data-scored criterion's ladder: the score of a step from its threshold on, not one below."""

from fractions import Fraction
from suizhou.laborrights.assessment.criteria import CriteriaError
from suizhou.laborrights.assessment.criteria import Criterion
from suizhou.laborrights.assessment.criteria import parse
from suizhou.laborrights.testing import INTEGRATION_TESTING

import unittest


class TestLadder(unittest.TestCase):
    layer = INTEGRATION_TESTING

    def test_each_step_scores_from_its_threshold(self):
        [criterion] = parse(["on_time|按期办结率|20|on_time_rate|90:10,95:20"])
        self.assertEqual(criterion.ladder, ((95, 20), (90, 10)))  # highest first, however typed
        self.assertEqual(criterion.score_for(Fraction(95, 100)), 20)
        self.assertEqual(criterion.score_for(Fraction(9499, 10000)), 10)
        self.assertEqual(criterion.score_for(Fraction(90, 100)), 10)
        self.assertEqual(criterion.score_for(Fraction(8999, 10000)), 0)
        self.assertIsNone(criterion.score_for(None))  # nothing to divide by: no score

    def test_a_line_is_written_back_as_it_is_read(self):
        line = "mediation_success|调解成功率|20|mediation_success_rate|80:20,60:10"
        self.assertEqual(parse([line])[0].line(), line)
        self.assertIsInstance(parse([line])[0], Criterion)

    def test_wrong_lines_are_named_in_chinese(self):
        cases = {
            "a|标题|x|district|": "第 1 行：满分应为不小于 0 的整数。",
            "a|标题|10|unknown_rate|90:10": "第 1 行：来源应为 district 或统计指标名。",
            "a|标题|10|on_time_rate|90:20": "第 1 行：阈值应写作“百分比:得分”，得分不超过满分，例如 95:20,90:10。",
            "a|标题|10": "第 1 行：应为“代码|标题|满分|来源|阈值”五项。",
        }
        for line, message in cases.items():
            with self.assertRaises(CriteriaError) as raised:
                parse([line])
            self.assertEqual(raised.exception.message, message, line)
        with self.assertRaises(CriteriaError) as raised:
            parse(["a|甲|10|district|", "a|乙|10|district|"])
        self.assertEqual(raised.exception.message, "第 2 行：代码重复。")
