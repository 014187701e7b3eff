"""1015 → 1016: the applicants' star ratings become 好差评 levels (issue 16 item 4).

Ratings were 1–5 stars; the progress page now asks for the five levels of the national
好差评. Every stored star rating gets the level of its stars (5 非常满意, 4 满意, 3 基本满意,
2 不满意, 1 非常不满意); its ``score`` (the stars) and comment stay, so counts and averages over
old and new ratings agree. A rating without a reason at 不满意 or below keeps having none: the
reason is asked only of new ratings."""

from plone import api
from suizhou.laborrights import logger
from suizhou.laborrights.forms.rating import ANNOTATION_KEY
from suizhou.laborrights.forms.rating import LEVEL_OF_SCORE
from zope.annotation.interfaces import IAnnotations


def upgrade(context):
    catalog = api.portal.get_tool("portal_catalog")
    mapped = 0
    for brain in catalog.unrestrictedSearchResults(portal_type="Case"):
        rating = IAnnotations(brain._unrestrictedGetObject()).get(ANNOTATION_KEY)
        if rating is not None and "level" not in rating and rating.get("score") in LEVEL_OF_SCORE:
            rating["level"] = LEVEL_OF_SCORE[rating["score"]]
            mapped += 1
    logger.info("Upgraded to 1016: %s star ratings given their 好差评 level.", mapped)
