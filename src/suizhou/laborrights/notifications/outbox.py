"""Messages are queued in the transaction and sent only after it commits.

``queue_mail`` and ``queue_sms`` put a message in the outbox of the current transaction; once
the commit has succeeded, an after-commit hook hands the outbox to the process's sender thread
(``background.Worker``), which makes the attachments and sends: the request answers without
waiting for the PDF, the mail server or the SMS platform (whose timeout is seconds). An aborted
transaction, including a request that failed with a ConflictError and is retried by Zope,
drops its outbox with it: the retry queues the messages again and they go out once, when it
commits. The same message queued twice in one transaction is sent once. What is queued must not
need the request's database connection: an attachment is made from data taken at queue time.

Before the hand-over the messages are written to the process's spool on disk (``spool``), and
removed from it once sent: what a process killed before sending had committed is sent by the
next process of the buildout to start (``send_orphans``). So a message and its
attachment's maker must pickle (``functools.partial`` of a module's function, plain data).

Sending happens after the data is safe but may fail (a mail server down, an SMS provider
refusing): a failure never undoes the committed change; the message is kept in the database and
tried again later (``retries``), then listed for the administrator. A mail whose attachment
cannot be made is logged and not sent (trying again would not make it).
"""

from Acquisition import aq_base
from email.message import EmailMessage
from email.utils import formataddr
from plone import api
from Products.MailHost.interfaces import IMailHost
from suizhou.laborrights import logger
from suizhou.laborrights.background import in_site
from suizhou.laborrights.background import place_of
from suizhou.laborrights.background import Worker
from suizhou.laborrights.notifications import retries
from suizhou.laborrights.notifications import spool
from suizhou.laborrights.notifications.interfaces import ISMSGateway
from suizhou.laborrights.notifications.sms import DEFAULT_GATEWAY
from suizhou.laborrights.settings import setting
from zope.component import getUtility
from zope.component import queryUtility
from zope.component.hooks import getSite

import transaction


_OUTBOX_KEY = object()  # the key of the outbox in the transaction's data


class Mail:
    """An e-mail of the outbox: its attachments are made, then it is sent, after the commit."""

    kind = "mail"

    def __init__(self, message, attachments):
        self.message = message
        self.attachments = attachments
        self.recipient = str(message["To"])
        self.summary = str(message["Subject"])
        self.description = f"{retries.describe(self.kind, self.recipient)}: {self.summary}"

    def prepare(self):
        for filename, content_type, make in self.attachments:
            maintype, _slash, subtype = content_type.partition("/")
            self.message.add_attachment(make(), maintype=maintype, subtype=subtype, filename=filename)

    def send(self):
        getUtility(IMailHost).send(self.message, immediate=True)

    def payload(self):
        return self.message.as_bytes()


class SMS:
    """A text message of the outbox, sent through the gateway configured when it was queued,
    found again by its name when it is sent (the one configured then if it was removed, as for
    a retry: ``retries.deliver``)."""

    kind = "sms"

    def __init__(self, gateway_name, phone, text):
        self.gateway_name = gateway_name
        self.recipient = self.phone = phone
        self.summary = self.text = text
        self.description = retries.describe(self.kind, phone)

    def prepare(self):
        pass

    def send(self):
        retries.deliver(self.kind, self.phone, self.payload())

    def payload(self):
        return (self.gateway_name, self.text)


class Outbox:
    """The messages of one transaction, in the order they were queued."""

    def __init__(self, place=None):
        self.place = place  # where the sender finds the site (None while it is not stored)
        self.messages = {}  # key -> Mail | SMS
        self.told = {}  # (case UID, "applicant" | "staff") -> kinds of news queued

    def add(self, key, message):
        self.messages.setdefault(key, message)

    def __len__(self):
        return len(self.messages)

    def flush(self, committed):
        """The after-commit hook: hand everything to the sender if the transaction committed
        (send it here while the site is not stored yet: no thread could find it, and a failed
        message could not be kept)."""
        if not committed:
            logger.info("Transaction failed: %d notification(s) not sent", len(self.messages))
            return
        messages = list(self.messages.values())
        self.messages.clear()
        if messages and self.place is not None:
            _sending.put(self.place, (_spooled(self.place, messages), messages))
        elif messages:
            send(None, messages)


def _spooled(place, messages):
    """The spool file now holding ``messages`` (None without a spool, or if it failed: they
    are sent all the same, only not kept through a hard kill)."""
    _db, site_path, address = place
    try:
        process_spool = spool.process_spool()
        return process_spool.write((site_path, address, messages)) if process_spool else None
    except Exception:
        logger.exception("Notifications not spooled (sent, but lost if the process is killed first)")
        return None


def send(site, messages):
    """Send ``messages``; keep what could not be sent in ``site`` for a retry."""
    for message in messages:  # one failed message must not stop the others
        try:
            message.prepare()
        except Exception:
            logger.exception("Notification not sent: %s", message.description)
            continue
        try:
            message.send()
        except Exception as error:
            retries.keep(site, message.kind, message.recipient, message.summary, message.payload(), error)
        else:
            logger.info("Notification sent: %s", message.description)


def _send_step(place, batches):
    """The sender thread's run: the messages of the transactions committed since its last
    (each batch: its spool file, its messages)."""
    messages = [message for _path, batch in batches for message in batch]
    sent = False
    try:
        with in_site(place) as site:
            for path, batch in batches:
                send(aq_base(site), batch)
                spool.done(path)
            sent = True
    except Exception:
        if sent:
            logger.exception("Notifications sent; the sender's connection did not close cleanly")
        else:  # the database is gone (a stopping process, ZEO down): say what is lost
            logger.exception(
                "%d notification(s) not sent after commit: %s",
                len(messages),
                "; ".join(message.description for message in messages),
            )


_sending = Worker("outbox", _send_step)


def send_orphans(event):
    """On start (``IDatabaseOpenedWithRoot``): send what processes of the buildout that ended
    without sending (killed hard) left in their spools. Never stops the start."""
    count = 0
    try:
        process_spool = spool.process_spool()
        for path, (site_path, address, messages) in process_spool.orphans() if process_spool else ():
            _sending.put((event.database, site_path, address), (path, messages))
            count += len(messages)
    except Exception:
        logger.exception("Unsent notifications of ended processes not taken")
    if count:
        logger.info("Sending %d notification(s) left unsent by a process that ended", count)


def current_outbox():
    """The outbox of the current transaction, created (and hooked) on first use."""
    txn = transaction.get()
    try:
        return txn.data(_OUTBOX_KEY)
    except KeyError:
        site = getSite()
        outbox = Outbox(place_of(site._p_jar, site) if getattr(site, "_p_jar", None) is not None else None)
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
    called when the mail is sent, after the commit, in the sender thread: it must not hold on to
    persistent objects (make it from plain data taken now; a failure is logged, the mail not
    sent).
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
    current_outbox().add(("mail", to, subject, body), Mail(message, attachments))
    return True


def _gateway_name():
    """The configured gateway's name, or the logging one's when that name is not registered."""
    name = setting("notifications", "sms_gateway", DEFAULT_GATEWAY) or DEFAULT_GATEWAY
    if queryUtility(ISMSGateway, name=name) is None:
        logger.warning("SMS gateway %r is not registered: using %r", name, DEFAULT_GATEWAY)
        return DEFAULT_GATEWAY
    return name


def sms_gateway():
    """The configured gateway, or the logging one when the configured name is unknown."""
    return getUtility(ISMSGateway, name=_gateway_name())


def queue_sms(phone, text):
    """Send ``text``, signed, to the mobile ``phone`` once this transaction commits."""
    text = f"{setting('notifications', 'sms_signature', '') or ''}{text}"
    current_outbox().add(("sms", phone, text), SMS(_gateway_name(), phone, text))
    return True
