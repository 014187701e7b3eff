"""HTTP caching of the public pages, beyond what plone.app.caching configures by itself."""

from AccessControl import getSecurityManager
from plone.app.caching.operations.etags import ObjectLocked


class LockedForEditors(ObjectLocked):
    """The ``locked`` ETag component, looked up only for logged-in users.

    Whether a page is locked shows only in the editors' toolbar; anonymous visitors get the same
    page either way, so their ETag (and RAM cache key) skips the lock lookup, the dearest part of
    answering a cached page.
    """

    def __call__(self):
        if getSecurityManager().getUser().getId() is None:
            return "0"
        return super().__call__()
