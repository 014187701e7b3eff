"""CaseFolder (维权事项登记簿): the case register and its district and month bins.

Unordered BTree containers: concurrent filings add keys to a tree instead of rewriting one
ordered id list, which is what loses creates to write conflicts on stock folders. Case ids are
reference numbers, so new keys always land in the last bucket; large buckets make the bucket
splits (the one change of a tree that cannot be merged) rare.
"""

from BTrees.OOBTree import OOBTree
from OFS.event import ObjectWillBeAddedEvent
from plone.dexterity.content import Container
from plone.supermodel import model
from zope.event import notify
from zope.interface import implementer
from zope.lifecycleevent import ObjectAddedEvent


class LargeBucketTree(OOBTree):
    """An OOBTree that splits its buckets after 500 keys instead of 30."""

    max_leaf_size = 500
    max_internal_size = 500


class ICaseFolder(model.Schema):
    """No fields: the register's structure is /cases/<district>/<yyyy-mm>/<reference>."""


@implementer(ICaseFolder)
class CaseFolder(Container):
    _ordering = "unordered"

    def _initBTrees(self):
        super()._initBTrees()
        self._tree = LargeBucketTree()

    def _setObject(self, id, object, roles=None, user=None, set_owner=1, suppress_events=False):
        """Add as usual, but without the container-modified event.

        Plone answers that event by reindexing the whole folder, which costs every filing a
        second catalog pass and changes nothing a bin is found by.
        """
        if suppress_events:
            return super()._setObject(id, object, roles, user, set_owner, suppress_events=True)
        notify(ObjectWillBeAddedEvent(object, self, id))
        id = super()._setObject(id, object, roles, user, set_owner, suppress_events=True)
        notify(ObjectAddedEvent(self._getOb(id), self, id))
        return id

    def notifyModified(self):
        """Keep the folder's modification date when a case is added.

        Plone reindexes a container whenever something is added to it, which by default
        rewrites the container itself; every concurrent filing would then conflict on it.
        """
