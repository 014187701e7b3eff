"""CaseFolder (维权事项登记簿): the case register and its district and month bins.

Unordered BTree containers: concurrent filings add keys to a tree instead of rewriting one
ordered id list, which is what loses creates to write conflicts on stock folders. Case ids are
reference numbers, so new keys always land in the last bucket; large buckets make the bucket
splits (the one change of a tree that cannot be merged) rare.
"""

from BTrees.OOBTree import OOBTree
from plone.dexterity.content import Container
from plone.supermodel import model
from zope.interface import implementer


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

    def notifyModified(self):
        """Keep the folder's modification date when a case is added.

        Plone reindexes a container whenever something is added to it, which by default
        rewrites the container itself; every concurrent filing would then conflict on it.
        """
