"""The default SMS gateway: writes the message to the log and sends nothing.

A site keeps it until a provider's gateway is registered (see ``interfaces.ISMSGateway``).
"""

from suizhou.laborrights import _
from suizhou.laborrights import logger
from suizhou.laborrights.notifications.interfaces import ISMSGateway
from zope.interface import implementer


DEFAULT_GATEWAY = "log"


def mask_phone(phone):
    """139****1234: enough to tell messages apart in a log, not enough to call someone."""
    return f"{phone[:3]}****{phone[-4:]}" if len(phone) >= 8 else "****"


@implementer(ISMSGateway)
class LoggingSMSGateway:
    title = _("sms_gateway_log", default="仅记录日志（不发送）")

    def send(self, phone, text):
        logger.info("SMS to %s (not sent, logging gateway): %s", mask_phone(phone), text)
