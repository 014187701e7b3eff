"""The applicant's satisfaction with a case as one number, read in one place (好差评).

``forms.rating.get_rating`` reads the five levels and the star ratings stored before them
alike; here a level becomes its score, 5 = 非常满意 … 1 = 非常不满意, which every figure uses.
"""

from suizhou.laborrights.forms.rating import get_rating
from suizhou.laborrights.forms.rating import LEVELS
from suizhou.laborrights.forms.rating import SCORE_OF_LEVEL


TITLES = {score: title for _code, title, score in LEVELS}  # best first
SATISFIED = (5, 4, 3)  # 非常满意, 满意, 基本满意; 不满意 and 非常不满意 are 差评


def satisfaction_level(case):
    """The score (1–5) of the applicant's rating of ``case``, or None when it is not rated."""
    rating = get_rating(case)
    return SCORE_OF_LEVEL.get(rating["level"]) if rating else None
