"""The assessments, one per district and year, in the site's annotations (made by the first
save: no upgrade step). An assessment is ``draft`` while the district fills it, ``submitted``
when the district handed it in, ``reviewed`` when the city finished its review.

Per criterion it keeps the district's score, note and evidence files (blobs), and the city's
review: the accepted or changed score and the reason of a change.
"""

from BTrees.OOBTree import OOBTree
from persistent.list import PersistentList
from persistent.mapping import PersistentMapping
from plone import api
from zope.annotation.interfaces import IAnnotations


ANNOTATION_KEY = "suizhou.laborrights.assessments"


def _store(create=False):
    annotations = IAnnotations(api.portal.get())
    if ANNOTATION_KEY not in annotations and create:
        annotations[ANNOTATION_KEY] = OOBTree()
    return annotations.get(ANNOTATION_KEY)


def find(district, year):
    store = _store()
    return store.get(f"{year}/{district}") if store is not None else None


def get_or_create(district, year):
    store = _store(create=True)
    key = f"{year}/{district}"
    if key not in store:
        store[key] = PersistentMapping(
            district=district, year=year, state="draft", entries=PersistentMapping(), submitted=None, reviewed=None
        )
    return store[key]


def entry(assessment, code, create=False):
    entries = assessment["entries"]
    if code not in entries and create:
        entries[code] = PersistentMapping(
            score=None, note="", files=PersistentList(), review_score=None, review_reason="", reviewer=None
        )
    return entries.get(code)
