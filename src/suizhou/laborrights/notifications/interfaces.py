"""The SMS gateway a deployment plugs in: a named utility providing ``ISMSGateway``."""

from zope.interface import Attribute
from zope.interface import Interface


class SMSError(Exception):
    """The gateway could not take the message (it is logged; the case is not affected)."""


class ISMSGateway(Interface):
    """Sends one short text message to one mobile number.

    Register an implementation as a named utility and put its name in the notification
    settings (``suizhou.laborrights.notifications.sms_gateway``)::

        <utility factory=".aliyun.AliyunGateway" name="aliyun" />

    ``send`` is called after the transaction that queued the message has committed, once per
    message, in the process's sender thread (``notifications.outbox``); it should not touch the
    database. Raise ``SMSError`` when the provider refuses.
    """

    title = Attribute("What the administrator sees, e.g. 仅记录日志（不发送）")

    def send(phone, text):
        """Send ``text`` (already signed) to ``phone`` (11-digit mobile number)."""
