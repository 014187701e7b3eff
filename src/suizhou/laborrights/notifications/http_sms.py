"""The SMS gateway ``http``: an HTTP SMS platform configured in the notifications control panel.

The platform's address, account, key, sign name and timeout are the notification settings
``sms_http_*``. Each message is one POST of a JSON object, the whole text with no template::

    {"account": "...", "key": "...", "sign_name": "随州劳动维权",
     "phone": "13907221234", "text": "【随州劳动维权】您的维权事项……"}

Any 2xx answer is a message taken. An error status (4xx, 5xx), a timeout or an unreachable
platform raises ``SMSError``: the outbox keeps the message and tries it again later.
"""

from suizhou.laborrights import _
from suizhou.laborrights.notifications.interfaces import ISMSGateway
from suizhou.laborrights.notifications.interfaces import SMSError
from suizhou.laborrights.settings import setting
from zope.interface import implementer

import json
import urllib.error
import urllib.request


@implementer(ISMSGateway)
class HTTPSMSGateway:
    title = _("sms_gateway_http", default="HTTP短信平台（在本页填写接口地址和账号）")

    def config(self):
        """The settings, read when the message is sent (in the sender thread, the site set) or
        retried."""
        return {
            "url": (setting("notifications", "sms_http_url") or "").strip(),
            "account": setting("notifications", "sms_http_account") or "",
            "key": setting("notifications", "sms_http_key") or "",
            "sign_name": setting("notifications", "sms_http_sign_name") or "",
            "timeout": setting("notifications", "sms_http_timeout") or 10,
        }

    def send(self, phone, text, config=None):
        config = config or self.config()
        if not config["url"]:
            raise SMSError("The HTTP SMS platform has no address (notification settings)")
        body = {
            "account": config["account"],
            "key": config["key"],
            "sign_name": config["sign_name"],
            "phone": phone,
            "text": text,
        }
        request = urllib.request.Request(
            config["url"],
            data=json.dumps(body, ensure_ascii=False).encode("utf-8"),
            headers={"Content-Type": "application/json; charset=utf-8"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=config["timeout"]) as response:  # noqa: S310
                response.read()
        except urllib.error.HTTPError as error:
            raise SMSError(f"The SMS platform answered {error.code}") from error
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            raise SMSError(f"The SMS platform did not answer: {getattr(error, 'reason', error)}") from error
