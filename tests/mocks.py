"""Test doubles for what leaves the site: e-mail (collective.MockMailHost) and SMS.

Notifications are sent after commit (``notifications.outbox``), when the committed transaction
can no longer be joined; the doubles are therefore registered globally and never stored, so
recording a message does not write to the database. A MockMailHost is an Acquisition object,
which the site manager cannot hand out from the global registry: a plain stand-in forwards to it.
"""

from collective.MockMailHost.MockMailHost import MockMailHost
from plone import api
from Products.MailHost.interfaces import IMailHost
from suizhou.laborrights.notifications.interfaces import ISMSGateway
from zope.component import getGlobalSiteManager
from zope.interface import implementer


SENDER = "noreply@wq.example.gov.cn"


@implementer(IMailHost)
class _ForwardingMailHost:
    def __init__(self, mock):
        self.mock = mock

    def __getattr__(self, name):
        return getattr(self.mock, name)


def swap_mailhost(testcase, portal):
    """Replace the site's MailHost by a MockMailHost for this test; returns the mock."""
    site_manager = portal.getSiteManager()
    original = site_manager.getUtility(IMailHost)
    mock = MockMailHost("MailHost")
    stand_in = _ForwardingMailHost(mock)
    site_manager.unregisterUtility(original, provided=IMailHost)
    getGlobalSiteManager().registerUtility(stand_in, IMailHost)
    api.portal.set_registry_record("plone.email_from_address", SENDER)
    api.portal.set_registry_record("plone.email_from_name", "随州劳动维权")

    def restore():
        getGlobalSiteManager().unregisterUtility(stand_in, IMailHost)
        site_manager.registerUtility(original, IMailHost)

    testcase.addCleanup(restore)
    return mock


@implementer(ISMSGateway)
class RecordingSMSGateway:
    title = "recording"

    def __init__(self):
        self.sent = []

    def send(self, phone, text):
        self.sent.append((phone, text))


def swap_sms_gateway(testcase, name="recording"):
    """Register a recording gateway under ``name`` and select it; returns the gateway."""
    gateway = RecordingSMSGateway()
    getGlobalSiteManager().registerUtility(gateway, ISMSGateway, name=name)
    api.portal.set_registry_record("suizhou.laborrights.notifications.sms_gateway", name)
    testcase.addCleanup(getGlobalSiteManager().unregisterUtility, gateway, ISMSGateway, name)
    return gateway
