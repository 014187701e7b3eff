"""District (区县): the folder of one district's stations and mediators.

Its id is the district's code; district administrators get local roles here only.
"""

from plone.dexterity.content import Container
from plone.supermodel import model
from suizhou.laborrights import _
from zope import schema
from zope.interface import implementer


class IDistrict(model.Schema):
    district = schema.Choice(
        title=_("label_district", default="区县"),
        vocabulary="suizhou.laborrights.vocabularies.Districts",
    )
    address = schema.TextLine(
        title=_("label_center_address", default="维权中心地址"),
        required=False,
    )


@implementer(IDistrict)
class District(Container):
    pass
