"""Cases read in bulk through the REST API are in the access log, one line per case.

``audit.publication`` records a request that traversed through a case (``GET ++api++/<case>``).
``@search?fullobjects=1``, ``@search?metadata_fields=…`` or a folder listing with them hand out
many cases' data while the request traverses none of them. So these serialisers note each case
they give out, with the service's name as the page (``REST GET @search``), and the publisher
subscriber records them with the rest once the request succeeded (a failed or retried request
adds nothing; a single case GET is recorded once). A summary without extra metadata fields gives
only the reference and the state, so it is not a reading.
"""

from plone.restapi.interfaces import ISerializeToJson
from plone.restapi.interfaces import ISerializeToJsonSummary
from plone.restapi.serializer.dxcontent import SerializeFolderToJson
from plone.restapi.serializer.summary import DefaultJSONSummarySerializer
from Products.ZCatalog.interfaces import ICatalogBrain
from suizhou.laborrights.audit.publication import read_in_bulk
from suizhou.laborrights.audit.publication import rest_page
from suizhou.laborrights.content.case import ICase
from suizhou.laborrights.interfaces import IBrowserLayer
from zope.component import adapter
from zope.interface import implementer


def record_bulk_reading(request, case):
    reference = case if isinstance(case, str) else case.getId()
    steps = list(getattr(request, "steps", ()) or ())
    read_in_bulk(request, reference, rest_page(request, steps[-1:]))


@adapter(ICase, IBrowserLayer)
@implementer(ISerializeToJson)
class CaseSerializer(SerializeFolderToJson):
    def __call__(self, *args, **kwargs):
        result = super().__call__(*args, **kwargs)
        record_bulk_reading(self.request, self.context)
        return result


class CaseSummarySerializer(DefaultJSONSummarySerializer):
    def __call__(self):
        result = super().__call__()
        if self.metadata_fields() - self.default_metadata_fields:
            record_bulk_reading(self.request, self.context if ICase.providedBy(self.context) else self.context.getId)
        return result


@adapter(ICase, IBrowserLayer)
@implementer(ISerializeToJsonSummary)
class CaseObjectSummarySerializer(CaseSummarySerializer):
    pass


@adapter(ICatalogBrain, IBrowserLayer)
@implementer(ISerializeToJsonSummary)
class BrainSummarySerializer(CaseSummarySerializer):
    def __call__(self):
        if getattr(self.context, "portal_type", None) != "Case":
            return DefaultJSONSummarySerializer.__call__(self)
        return super().__call__()
