"""A case's times in the REST API in Beijing time (“2026-03-07T07:30:00+08:00”), where
plone.restapi would give UTC."""

from plone.restapi.interfaces import IFieldSerializer
from plone.restapi.serializer.dxfields import DefaultFieldSerializer
from suizhou.laborrights.content.case import ICase
from suizhou.laborrights.interfaces import IBrowserLayer
from suizhou.laborrights.timezone import w3c
from zope.component import adapter
from zope.interface import implementer
from zope.schema.interfaces import IDatetime


@adapter(IDatetime, ICase, IBrowserLayer)
@implementer(IFieldSerializer)
class BeijingDatetimeFieldSerializer(DefaultFieldSerializer):
    def __call__(self):
        return w3c(self.get_value())
