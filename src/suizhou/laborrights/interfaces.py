"""The browser layer and marker interfaces of the add-on."""

from zope.interface import Interface
from zope.publisher.interfaces.browser import IDefaultBrowserLayer


class IBrowserLayer(IDefaultBrowserLayer):
    """Marker for requests on a site with suizhou.laborrights installed."""


class IStationDirectory(Interface):
    """The folder of service stations, whose page is always the station finder."""
