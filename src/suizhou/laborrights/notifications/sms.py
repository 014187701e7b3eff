"""The default SMS gateway: writes the message to the log and sends nothing.

A site keeps it until a provider's gateway is registered (see ``interfaces.ISMSGateway``).
"""

from suizhou.laborrights import _
from suizhou.laborrights import logger
from suizhou.laborrights.masking import mask_phone
from suizhou.laborrights.masking import mask_text
from suizhou.laborrights.notifications.interfaces import ISMSGateway
from zope.interface import implementer


DEFAULT_GATEWAY = "log"


@implementer(ISMSGateway)
class LoggingSMSGateway:
    title = _("sms_gateway_log", default="仅记录日志（不发送）")

    def send(self, phone, text):
        logger.info("SMS to %s (not sent, logging gateway): %s", mask_phone(phone), mask_text(text))
