"""The applicant's rating of the service (好差评): once, after the case is closed.

Five levels, as the national 政务服务"好差评" asks (非常满意 … 非常不满意); for the last two a
reason is required. Kept in the case's annotations as ``{"level": code, "score": 5–1,
"comment": str, "rated": datetime}``; ``score`` runs the same way as the star ratings stored
before the five levels (5 best), so counts and averages over old and new ratings agree. Old
ratings carry only ``score`` (their stars) until upgrade 1015 adds their level; ``get_rating``
reads either. The comment is plain text (templates escape it).
"""

from persistent.mapping import PersistentMapping
from suizhou.laborrights import _
from suizhou.laborrights.cases.lookup import citizen_status
from suizhou.laborrights.cases.register import now
from suizhou.laborrights.i18n import zh
from zope.annotation.interfaces import IAnnotations


ANNOTATION_KEY = "suizhou.laborrights.rating"
# (code, title, score): best first, as the page lists them.
LEVELS = (
    ("very_satisfied", _("rating_very_satisfied", default="非常满意"), 5),
    ("satisfied", _("rating_satisfied", default="满意"), 4),
    ("basically_satisfied", _("rating_basically_satisfied", default="基本满意"), 3),
    ("dissatisfied", _("rating_dissatisfied", default="不满意"), 2),
    ("very_dissatisfied", _("rating_very_dissatisfied", default="非常不满意"), 1),
)
LEVEL_OF_SCORE = {score: code for code, _title, score in LEVELS}
SCORE_OF_LEVEL = {code: score for code, _title, score in LEVELS}
TITLES = {code: title for code, title, _score in LEVELS}
REASON_REQUIRED = ("dissatisfied", "very_dissatisfied")
MAX_COMMENT = 500


class RatingRefused(Exception):
    """The rating cannot be taken; ``message`` says why (a message id); ``field``: the
    form field it is about (``level`` or ``comment``), or None for the rating as a whole."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.message, self.field = message, field


def levels():
    """The five levels for a form: ``[{"code", "title"}]``, best first, titles in Chinese."""
    return [{"code": code, "title": zh(title)} for code, title, _score in LEVELS]


def level_title(code):
    return zh(TITLES[code]) if code in TITLES else ""


def get_rating(case):
    """The rating with its level and the level's Chinese title, or None. A star rating
    stored before the five levels gets the level of its stars."""
    stored = IAnnotations(case).get(ANNOTATION_KEY)
    if stored is None:
        return None
    rating = dict(stored)
    rating.setdefault("level", LEVEL_OF_SCORE.get(rating.get("score")))
    rating["level_title"] = level_title(rating["level"])
    return rating


def can_rate(case):
    return citizen_status(case)["status"] == "closed" and get_rating(case) is None


def check(level, comment):
    """The level and the stripped comment, or RatingRefused naming the field to fix."""
    if level not in SCORE_OF_LEVEL:
        raise RatingRefused(
            _("error_rating_level", default="请选择满意程度（非常满意、满意、基本满意、不满意或非常不满意）。"),
            "level",
        )
    comment = (comment or "").strip() if isinstance(comment, str) else ""
    if level in REASON_REQUIRED and not comment:
        raise RatingRefused(
            _("error_rating_reason", default="选择“不满意”或“非常不满意”时，请填写不满意的原因。"),
            "comment",
        )
    if len(comment) > MAX_COMMENT:
        raise RatingRefused(
            _(
                "error_rating_comment",
                default="评价意见请不超过 ${max} 字。",
                mapping={"max": MAX_COMMENT},
            ),
            "comment",
        )
    return level, comment


def rate(case, level, comment=""):
    """Record the rating; raises RatingRefused if the case is open, rated, or input is bad."""
    if citizen_status(case)["status"] != "closed":
        raise RatingRefused(_("error_rating_open", default="事项办结后才能评价。"))
    if get_rating(case) is not None:
        raise RatingRefused(_("error_rating_twice", default="您已评价过本事项，每件事项只能评价一次。"))
    level, comment = check(level, comment)
    IAnnotations(case)[ANNOTATION_KEY] = PersistentMapping(
        level=level, score=SCORE_OF_LEVEL[level], comment=comment, rated=now()
    )
    case.reindexObject(idxs=["closed"])  # refreshes the statistics record (statistics/store.py)
    return get_rating(case)
