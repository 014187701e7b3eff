"""Test doubles for what leaves the site: e-mail (collective.MockMailHost) and SMS.

Notifications are sent after commit (``notifications.outbox``), in the sender thread with a
connection of its own; the doubles are therefore registered globally and never stored, so
recording a message does not write to the database. A MockMailHost is an Acquisition object,
which the site manager cannot hand out from the global registry: a plain stand-in forwards to it.
Reading what a double recorded first waits for the sender (``background.drain``): what a
committed transaction queued has then been sent.
"""

from collective.MockMailHost.MockMailHost import MockMailHost
from plone import api
from Products.MailHost.interfaces import IMailHost
from suizhou.laborrights import background
from suizhou.laborrights.notifications.interfaces import ISMSGateway
from zope.component import getGlobalSiteManager
from zope.interface import implementer

import transaction


SENDER = "noreply@wq.example.gov.cn"


@implementer(IMailHost)
class _ForwardingMailHost:
    def __init__(self, mock):
        self.mock = mock

    def __getattr__(self, name):
        return getattr(self.mock, name)


def sent_by_now():
    """Wait until what committed transactions queued has been sent (a stuck sender fails the
    test instead of hanging the run)."""
    if not background.drain(timeout=60):
        raise AssertionError("The background workers did not finish within 60 seconds")


def commit_and_send():
    """Commit, and wait until the sender has tried what the transaction queued."""
    transaction.commit()
    sent_by_now()


class _Recorded:
    """The mock, read once the sender has sent what is queued."""

    def __init__(self, mock):
        object.__setattr__(self, "mock", mock)

    def __getattr__(self, name):
        sent_by_now()
        return getattr(self.mock, name)

    def __setattr__(self, name, value):  # e.g. a test's failing send
        setattr(self.mock, name, value)

    def __delattr__(self, name):
        delattr(self.mock, name)


def swap_mailhost(testcase, portal):
    """Replace the site's MailHost by a MockMailHost for this test; returns the mock (its
    ``messages`` and the rest read once the sender is done)."""
    site_manager = portal.getSiteManager()
    original = site_manager.getUtility(IMailHost)
    mock = MockMailHost("MailHost")
    stand_in = _ForwardingMailHost(mock)
    site_manager.unregisterUtility(original, provided=IMailHost)
    getGlobalSiteManager().registerUtility(stand_in, IMailHost)
    api.portal.set_registry_record("plone.email_from_address", SENDER)
    api.portal.set_registry_record("plone.email_from_name", "随州劳动维权")

    def restore():
        sent_by_now()  # what this test queued goes to its mock
        getGlobalSiteManager().unregisterUtility(stand_in, IMailHost)
        site_manager.registerUtility(original, IMailHost)

    testcase.addCleanup(restore)
    return _Recorded(mock)


@implementer(ISMSGateway)
class RecordingSMSGateway:
    title = "recording"

    def __init__(self):
        self._sent = []

    @property
    def sent(self):
        sent_by_now()
        return self._sent

    def send(self, phone, text):
        self._sent.append((phone, text))


def swap_sms_gateway(testcase, name="recording"):
    """Register a recording gateway under ``name`` and select it; returns the gateway."""
    gateway = RecordingSMSGateway()
    getGlobalSiteManager().registerUtility(gateway, ISMSGateway, name=name)
    api.portal.set_registry_record("suizhou.laborrights.notifications.sms_gateway", name)
    testcase.addCleanup(getGlobalSiteManager().unregisterUtility, gateway, ISMSGateway, name)
    testcase.addCleanup(sent_by_now)  # runs first: what this test queued goes to its gateway
    return gateway
