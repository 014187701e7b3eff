"""The criteria the city edits, kept in the site's annotations (no upgrade step: the defaults
below serve until the city first saves its own list).

One line per criterion: ``code|标题|满分|来源|阈值``. The source is ``district`` (the district
enters the score, 自查自评) or a figure of ``scoring.FIGURES`` (scored from the statistics);
the thresholds of a figure are a ladder ``95:20,90:10`` (≥ 95 % scores 20, ≥ 90 % scores 10,
below scores 0), as cities write them (docs/supervision-guide.md, 考核).
"""

from dataclasses import dataclass
from persistent.list import PersistentList
from plone import api
from suizhou.laborrights import _
from suizhou.laborrights.i18n import zh
from zope.annotation.interfaces import IAnnotations


ANNOTATION_KEY = "suizhou.laborrights.assessment_criteria"
DISTRICT = "district"

LADDER_MESSAGE = _("assessment_error_ladder", default="阈值应写作“百分比:得分”，得分不超过满分，例如 95:20,90:10。")

DEFAULT_LINES = (
    "center|劳动保障维权中心建成并配备专职人员|15|district|",
    "stations|乡镇（街道）、村（社区）服务站点覆盖|15|district|",
    "hotline_authorisation|12345热线授权（直派）到位|10|district|",
    "mediation_success|调解成功率|20|mediation_success_rate|80:20,60:10",
    "on_time|按期办结率|20|on_time_rate|95:20,90:10",
    "typical_cases|典型案例发布|10|district|",
    "hotline_completion|12345工单办结率|10|hotline_completion_rate|95:10,90:5",
)


@dataclass(frozen=True)
class Criterion:
    code: str
    title: str
    max_score: int
    source: str  # DISTRICT or a figure name
    ladder: tuple = ()  # ((percent, score), …), highest first

    @property
    def from_data(self):
        return self.source != DISTRICT

    def score_for(self, value):
        """The ladder's score for a rate (a Fraction), or None without a rate."""
        if value is None:
            return None
        percent = value * 100
        for threshold, score in self.ladder:
            if percent >= threshold:
                return score
        return 0

    def line(self):
        ladder = ",".join(f"{threshold}:{score}" for threshold, score in self.ladder)
        return f"{self.code}|{self.title}|{self.max_score}|{self.source}|{ladder}"


class CriteriaError(ValueError):
    """``message``: why the lines cannot be the criteria, in Chinese, naming the line."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def _error(number, text):
    return CriteriaError(
        zh(_("assessment_error_line", default="第 ${line} 行：${text}", mapping={"line": number, "text": text}))
    )


def _int(text):
    try:
        value = int(text.strip())
    except ValueError:
        return None
    return value if value >= 0 else None


def parse(lines):
    """Criteria from the lines; ``CriteriaError`` on the first line that is not one."""
    from suizhou.laborrights.assessment.scoring import FIGURES

    criteria, codes = [], set()
    for number, line in enumerate((line for line in lines if line.strip()), start=1):
        parts = [part.strip() for part in line.split("|")]
        if len(parts) != 5 or not parts[0] or not parts[1]:
            raise _error(number, zh(_("assessment_error_parts", default="应为“代码|标题|满分|来源|阈值”五项。")))
        code, title, max_text, source, ladder_text = parts
        max_score = _int(max_text)
        if max_score is None:
            raise _error(number, zh(_("assessment_error_max", default="满分应为不小于 0 的整数。")))
        if code in codes:
            raise _error(number, zh(_("assessment_error_code", default="代码重复。")))
        if source != DISTRICT and source not in FIGURES:
            raise _error(number, zh(_("assessment_error_source", default="来源应为 district 或统计指标名。")))
        ladder = []
        for step in filter(None, (s.strip() for s in ladder_text.split(","))):
            threshold, _sep, score = step.partition(":")
            threshold, score = _int(threshold), _int(score)
            if threshold is None or score is None or threshold > 100 or score > max_score:
                raise _error(
                    number,
                    zh(
                        _(
                            "assessment_error_ladder",
                            default="阈值应写作“百分比:得分”，得分不超过满分，例如 95:20,90:10。",
                        )
                    ),
                )
            ladder.append((threshold, score))
        if source != DISTRICT and not ladder:
            raise _error(number, zh(_("assessment_error_no_ladder", default="按数据计分的指标须有阈值。")))
        codes.add(code)
        criteria.append(Criterion(code, title, max_score, source, tuple(sorted(ladder, reverse=True))))
    if not criteria:
        raise CriteriaError(zh(_("assessment_error_empty", default="请至少填写一项考核指标。")))
    return criteria


def stored_lines():
    return IAnnotations(api.portal.get()).get(ANNOTATION_KEY)


def criteria():
    return parse(stored_lines() or DEFAULT_LINES)


def save(lines):
    """Store the lines as the criteria (checked first: nothing is stored when one is wrong)."""
    parsed = parse(lines)
    IAnnotations(api.portal.get())[ANNOTATION_KEY] = PersistentList(c.line() for c in parsed)
    return parsed
