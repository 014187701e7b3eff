"""A case's evidence files downloaded (``attachment/@@download/file``, the links of the case
page) are recorded in the access log, as the case page itself is."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from plone.namedfile.browser import Download
from suizhou.laborrights.audit.log import record_access


class LoggedDownload(Download):
    def __call__(self):
        data = super().__call__()  # not found or not allowed: raised before anything is logged
        record_access(self.request, "download", case=aq_parent(aq_inner(self.context)))
        return data
