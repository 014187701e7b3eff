"""Messages are queued in the transaction and sent only after it commits.

``queue_mail`` and ``queue_sms`` put a message in the outbox of the current transaction; the
outbox is sent by an after-commit hook, and only if the commit succeeded. An aborted
transaction, including a request that failed with a ConflictError and is retried by Zope,
drops its outbox with it: the retry queues the messages again and they go out once, when it
commits. The same message queued twice in one transaction is sent once.

Sending happens after the data is safe but may fail (a mail server down, an SMS provider
refusing): failures are logged and never undo the committed change.
"""

from email.message import EmailMessage
from email.utils import formataddr
from plone import api
from Products.MailHost.interfaces import IMailHost
from suizhou.laborrights import logger
from suizhou.laborrights.notifications.interfaces import ISMSGateway
from suizhou.laborrights.notifications.sms import DEFAULT_GATEWAY
from suizhou.laborrights.notifications.sms import mask_phone
from suizhou.laborrights.settings import setting
from zope.component import getUtility
from zope.component import queryUtility

import transaction


_OUTBOX_KEY = object()  # the key of the outbox in the transaction's data


class Outbox:
    """The messages of one transaction, in the order they were queued."""

    def __init__(self):
        self.messages = {}  # key -> (send callable, description for the log)
        self.told = {}  # (case UID, "applicant" | "staff") -> kinds of news queued

    def add(self, key, send, description):
        self.messages.setdefault(key, (send, description))

    def __len__(self):
        return len(self.messages)

    def flush(self, committed):
        """The after-commit hook: send everything if the transaction committed."""
        if not committed:
            logger.info("Transaction failed: %d notification(s) not sent", len(self.messages))
            return
        for send, description in self.messages.values():
            try:
                send()
            except Exception:  # one failed message must not stop the others
                logger.exception("Notification not sent: %s", description)
            else:
                logger.info("Notification sent: %s", description)
        self.messages.clear()


def current_outbox():
    """The outbox of the current transaction, created (and hooked) on first use."""
    txn = transaction.get()
    try:
        return txn.data(_OUTBOX_KEY)
    except KeyError:
        outbox = Outbox()
        txn.set_data(_OUTBOX_KEY, outbox)
        txn.addAfterCommitHook(outbox.flush)
        return outbox


def _sender():
    address = api.portal.get_registry_record("plone.email_from_address", default=None)
    name = api.portal.get_registry_record("plone.email_from_name", default=None) or ""
    return formataddr((name, address)) if address else None


def queue_mail(to, subject, body, attachments=()):
    """Send an e-mail to ``to`` (one address) once this transaction commits.

    ``attachments``: (filename, content type, make) where ``make()`` returns the bytes; it is
    called when the mail is sent, after the commit (a failure is logged, the mail not sent).
    Returns False (and queues nothing) when the site has no sender address configured.
    """
    sender = _sender()
    if not sender:
        logger.warning("No e-mail sent: the site has no sender address (邮件设置)")
        return False
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = sender
    message["To"] = to
    message.set_content(body)
    mailhost = getUtility(IMailHost)  # looked up now, while the site is set

    def send():
        for filename, content_type, make in attachments:
            maintype, _slash, subtype = content_type.partition("/")
            message.add_attachment(make(), maintype=maintype, subtype=subtype, filename=filename)
        mailhost.send(message, immediate=True)

    current_outbox().add(("mail", to, subject, body), send, f"e-mail to {to}: {subject}")
    return True


def sms_gateway():
    """The configured gateway, or the logging one when the configured name is unknown."""
    name = setting("notifications", "sms_gateway", DEFAULT_GATEWAY) or DEFAULT_GATEWAY
    gateway = queryUtility(ISMSGateway, name=name)
    if gateway is None:
        logger.warning("SMS gateway %r is not registered: using %r", name, DEFAULT_GATEWAY)
        gateway = getUtility(ISMSGateway, name=DEFAULT_GATEWAY)
    return gateway


def queue_sms(phone, text):
    """Send ``text``, signed, to the mobile ``phone`` once this transaction commits."""
    text = f"{setting('notifications', 'sms_signature', '') or ''}{text}"
    gateway = sms_gateway()

    def send():
        gateway.send(phone, text)

    current_outbox().add(("sms", phone, text), send, f"SMS to {mask_phone(phone)}")
    return True
