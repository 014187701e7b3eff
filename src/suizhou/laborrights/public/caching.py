"""HTTP caching of the site, beyond what plone.app.caching configures by itself.

Only anonymous visitors are served content from a cache: what logged-in users see (case pages,
API answers, search results) may carry personal data, and is never cached or ETagged.
"""

from AccessControl import getSecurityManager
from plone.app.caching.lookup import ContentItemLookup


UNCACHED = "suizhou.laborrights.uncached"
# plone.app.caching's rulesets for content; files keep theirs (private, revalidated each time).
CONTENT_RULESETS = {
    "plone.content.itemView",
    "plone.content.folderView",
    "plone.content.dynamic",
    "plone.content.feed",
}


class ContentLookup(ContentItemLookup):
    """plone.app.caching's ruleset of a view or template, except for logged-in users."""

    def __call__(self):
        ruleset = super().__call__()
        if ruleset in CONTENT_RULESETS and getSecurityManager().getUser().getId() is not None:
            return UNCACHED
        return ruleset


class NotLocked:
    """The ``locked`` ETag component, always "0".

    Only anonymous visitors get cached pages (see ContentLookup), and a lock shows only in the
    editors' toolbar; so the lock lookup, the dearest part of answering a cached page, is saved,
    and locking a page does not throw away the visitors' copies.
    """

    def __init__(self, published, request):
        pass

    def __call__(self):
        return "0"
