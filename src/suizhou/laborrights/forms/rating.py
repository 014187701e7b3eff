"""The applicant's rating of the service (服务评价): once, after the case is closed.

Kept in the case's annotations as ``{"score": 1–5, "comment": str, "rated": datetime}``;
the comment is plain text (templates escape it).
"""

from persistent.mapping import PersistentMapping
from suizhou.laborrights import _
from suizhou.laborrights.cases.lookup import citizen_status
from suizhou.laborrights.cases.register import now
from zope.annotation.interfaces import IAnnotations


ANNOTATION_KEY = "suizhou.laborrights.rating"
SCORES = (1, 2, 3, 4, 5)
MAX_COMMENT = 500


class RatingRefused(Exception):
    """The rating cannot be taken; ``message`` says why (a message id)."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def get_rating(case):
    rating = IAnnotations(case).get(ANNOTATION_KEY)
    return dict(rating) if rating is not None else None


def can_rate(case):
    return citizen_status(case)["status"] == "closed" and get_rating(case) is None


def rate(case, score, comment=""):
    """Record the rating; raises RatingRefused if the case is open, rated, or input is bad."""
    if citizen_status(case)["status"] != "closed":
        raise RatingRefused(_("error_rating_open", default="事项办结后才能评价。"))
    if get_rating(case) is not None:
        raise RatingRefused(_("error_rating_twice", default="您已评价过本事项，每件事项只能评价一次。"))
    try:
        score = int(score)
    except (TypeError, ValueError):
        score = None
    if score not in SCORES:
        raise RatingRefused(_("error_rating_score", default="请选择 1 至 5 星的评分。"))
    comment = (comment or "").strip()
    if len(comment) > MAX_COMMENT:
        raise RatingRefused(
            _(
                "error_rating_comment",
                default="评价意见请不超过 ${max} 字。",
                mapping={"max": MAX_COMMENT},
            )
        )
    IAnnotations(case)[ANNOTATION_KEY] = PersistentMapping(score=score, comment=comment, rated=now())
    return get_rating(case)
