"""CaseFolder (维权事项登记簿): the case register and its district and month bins.

Unordered BTree containers: concurrent filings add keys to a tree instead of rewriting one
ordered id list, which is what loses creates to write conflicts on stock folders. Case ids are
reference numbers, so new keys always land in the last bucket; large buckets make the bucket
splits (the one change of a tree that cannot be merged) rare.

For a request that logs nobody in (no credentials, or credentials that are not valid), the
register and everything in it is not found: a case answers exactly like a reference that does
not exist (404), instead of asking to log in. A logged-in user who may not view a case (another
unit's staff, the 12345 integration, a publicity or partner account) gets that same 404 for the
case and everything below it (``Case.__before_publishing_traverse__``).
"""

from Acquisition import aq_inner
from Acquisition import aq_parent
from BTrees.OIBTree import OIBTree
from BTrees.OOBTree import OOBTree
from OFS.event import ObjectWillBeAddedEvent
from plone.dexterity.content import Container
from plone.supermodel import model
from Products.CMFCore.utils import getToolByName
from Products.PluggableAuthService.interfaces.authservice import IPluggableAuthService
from zope.event import notify
from zope.interface import implementer
from zope.lifecycleevent import ObjectAddedEvent


class LargeBucketTree(OOBTree):
    """An OOBTree that splits its buckets after 500 keys instead of 30."""

    max_leaf_size = 500
    max_internal_size = 500


class LargeBucketOIBTree(OIBTree):
    """An OIBTree that splits its buckets after 500 keys instead of 60 (a bin's meta-type
    index of its ids: one key per case, in sequence)."""

    max_leaf_size = 500
    max_internal_size = 500


class ICaseFolder(model.Schema):
    """No fields: the register's structure is /cases/<district>/<yyyy-mm>/<reference>."""


def logs_someone_in(context, request):
    """Do the request's credentials (session cookie, HTTP basic, a REST token) identify a user
    of the site or of the Zope root (the instance's administrator)? The extraction and
    authentication that ZPublisher runs once traversal is done."""
    site = getToolByName(context, "portal_url").getPortalObject()
    for user_folder in (site.acl_users, aq_parent(aq_inner(site)).acl_users):
        if IPluggableAuthService.providedBy(user_folder):
            if user_folder._extractUserIds(request, user_folder.plugins):
                return True
            continue
        name, password = user_folder.identify(request._auth)  # a plain Zope user folder
        if name and user_folder.authenticate(name, password, request):
            return True
    return False


def may_not_view(case, request):
    """Does the request log in a user (of the site, or of the Zope root) who lacks View on
    ``case``? The same users ZPublisher would find once traversal is done, asked now, while
    every address below the case is still alike. Nobody logged in: False (the register has
    already answered for the anonymous visitor)."""
    site = getToolByName(case, "portal_url").getPortalObject()
    for user_folder in (site.acl_users, aq_parent(aq_inner(site)).acl_users):
        if IPluggableAuthService.providedBy(user_folder):
            plugins = user_folder.plugins
            users = (
                user_folder._findUser(plugins, user_id, login, request=request)
                for user_id, login in user_folder._extractUserIds(request, plugins)
            )
        else:
            name, password = user_folder.identify(request._auth)  # a plain Zope user folder
            found = user_folder.authenticate(name, password, request) if name else None
            users = [found.__of__(user_folder)] if found is not None else []
        for user in users:
            if user is not None:
                return not user.has_permission("View", case)
    return False


def not_found_here(request):
    """Answer as the folder above would for a name that is not in it: not found."""
    request["PARENTS"].pop()
    request.response.notFoundError(request["URL"])


@implementer(ICaseFolder)
class CaseFolder(Container):
    _ordering = "unordered"

    def __before_publishing_traverse__(self, arg1, arg2=None):
        """Not found for anonymous visitors, before traversal goes any further.

        ZPublisher authenticates only once traversal is done, and would then answer the
        anonymous visitor of an existing case (a made-up session cookie is anonymous too) with
        a login form, and of a made-up reference with a 404, telling the two apart. Here, in the
        register (the first folder of the path; the bins below it need not ask again), every
        address below it is still alike. As Zope says of ``forbiddenError``: if a resource is
        forbidden, why reveal that it exists?
        """
        request = arg2 or arg1
        in_register = ICaseFolder.providedBy(aq_parent(aq_inner(self)))
        if not in_register and not logs_someone_in(self, request):
            # The error page belongs to the folder above, as for any name that is not there.
            not_found_here(request)
        super().__before_publishing_traverse__(arg1, arg2)

    def _initBTrees(self):
        super()._initBTrees()
        self._tree = LargeBucketTree()

    def _setOb(self, id, object):
        """Store as usual; the meta-type index's set of ids (one key per case, in sequence)
        is a large-bucket tree too."""
        meta_type = getattr(object, "meta_type", None)
        if meta_type is not None and self._mt_index.get(meta_type) is None:
            self._mt_index[meta_type] = LargeBucketOIBTree()
        super()._setOb(id, object)

    def _setObject(self, id, object, roles=None, user=None, set_owner=1, suppress_events=False):
        """Add as usual, but without the container-modified event.

        Plone answers that event by reindexing the whole folder and setting its modification
        date: every filing would pay a second catalog pass and rewrite the bin itself, on which
        concurrent filings would then conflict.
        """
        if suppress_events:
            return super()._setObject(id, object, roles, user, set_owner, suppress_events=True)
        notify(ObjectWillBeAddedEvent(object, self, id))
        id = super()._setObject(id, object, roles, user, set_owner, suppress_events=True)
        notify(ObjectAddedEvent(self._getOb(id), self, id))
        return id
