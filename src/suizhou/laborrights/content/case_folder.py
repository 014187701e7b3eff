"""CaseFolder (维权事项登记簿): the case register and its district and month bins.

Unordered BTree containers: concurrent filings add keys to different buckets instead of
rewriting one ordered id list, which is what loses creates to write conflicts on stock folders.
"""

from plone.dexterity.content import Container
from plone.supermodel import model
from zope.interface import implementer


class ICaseFolder(model.Schema):
    """No fields: the register's structure is /cases/<district>/<yyyy-mm>/<reference>."""


@implementer(ICaseFolder)
class CaseFolder(Container):
    _ordering = "unordered"
