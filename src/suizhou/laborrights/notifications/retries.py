"""Failed notifications, kept and tried again with back-off, then listed for the administrator.

A message that the after-commit send (``outbox``) could not deliver is kept in the ZODB, in a
short transaction of its own (``in_own_transaction``): a ``PendingMessage`` in a BTree in the
site's annotations, holding what is needed to send it again (the e-mail as it was made, with its
attachments; the SMS text and gateway). ``retry_due`` (run every few minutes by
scripts/outbox_retry.py, and by the daily sweep) tries again each message whose next try is due;
the intervals are the notification setting ``retry_minutes`` (5, 30, 120, 720 minutes). A
message that fails its last try stays, no longer tried, listed on ``@@laborrights-outbox`` with
what, to whom (masked), how often it was tried and the last error; "retry now" sends it again.

Each message is sent once: before sending, a run claims the entry in a transaction of its own
(it writes the entry, so of two runs claiming the same entry at once one gets a write conflict,
and on its retry sees the claim and leaves the entry); a message sent is removed; a claim lapses
after ``LEASE`` seconds (a run that died between claiming and settling).
"""

from Acquisition import aq_base
from BTrees.OOBTree import OOBTree
from email import message_from_bytes
from email import policy
from persistent import Persistent
from Products.MailHost.interfaces import IMailHost
from suizhou.laborrights import logger
from suizhou.laborrights.background import as_system
from suizhou.laborrights.background import open_site
from suizhou.laborrights.cases.own_transaction import in_own_transaction
from suizhou.laborrights.masking import mask_email
from suizhou.laborrights.masking import mask_phone
from suizhou.laborrights.masking import mask_text
from suizhou.laborrights.notifications.interfaces import ISMSGateway
from suizhou.laborrights.settings import setting
from zope.annotation.interfaces import IAnnotations
from zope.component import getUtility
from zope.component import queryUtility

import time
import uuid


ANNOTATION_KEY = "suizhou.laborrights.outbox"
TAKEN_KEY = "suizhou.laborrights.outbox.taken"  # set-aside file name -> when its messages were kept
LEASE = 600  # seconds a claimed message is left to the run that claimed it
ERROR_LENGTH = 300  # characters of the last error kept


class PendingMessage(Persistent):
    """A mail or SMS not delivered yet. Times are seconds since the epoch (``time.time()``)."""

    def __init__(self, kind, recipient, summary, payload, error, at):
        self.kind = kind  # "mail" | "sms"
        self.recipient = recipient  # the e-mail address, or the mobile number
        self.summary = summary  # the mail's subject, or the SMS text
        self.payload = payload  # mail: the message's bytes; sms: (gateway name, text)
        self.created = at
        self.tries = 1
        self.last_try = at
        self.last_error = error
        self.next_try = next_try(1, at)
        self.claimed_until = 0

    @property
    def given_up(self):
        return self.next_try is None

    def due(self, at):
        return self.next_try is not None and self.next_try <= at and self.claimed_until <= at

    def masked_recipient(self):
        return masked(self.kind, self.recipient)


def intervals():
    """Minutes to wait after the 1st, 2nd … failed try (the setting ``retry_minutes``)."""
    return [int(minutes) for minutes in setting("notifications", "retry_minutes") or () if minutes]


def next_try(tries, at):
    """When to try again after ``tries`` failed tries, or None after the last one."""
    waits = intervals()
    return at + 60 * waits[tries - 1] if tries <= len(waits) else None


def _queue(site, create=False):
    annotations = IAnnotations(aq_base(site))
    queue = annotations.get(ANNOTATION_KEY)
    if queue is None and create:
        queue = annotations[ANNOTATION_KEY] = OOBTree()
    return queue


def masked(kind, recipient):
    return mask_phone(recipient) if kind == "sms" else mask_email(recipient)


def describe(kind, recipient):
    return f"{'SMS' if kind == 'sms' else 'e-mail'} to {masked(kind, recipient)}"


def keep(site, kind, recipient, summary, payload, error):
    """Keep a message whose send failed (after the commit), in a transaction of its own; its
    key, or None if it could not be kept."""
    keys = keep_all(site, [(kind, recipient, summary, payload)], error)
    return keys[0] if keys else None


def keep_all(site, messages, error, taken_from=None):
    """Keep ``messages`` ((kind, recipient, summary, payload) each) all in one transaction of
    their own, or none of them; their keys, or None. ``taken_from``: the set-aside spool file
    they come from, noted in the same transaction (``was_taken``); if it was noted before,
    nothing is kept again (no keys)."""
    at = time.time()
    keys = [f"{at:017.6f}-{uuid.uuid4().hex[:8]}" for _message in messages]  # in order of failure
    error = _error_text(error)

    def work(committed_site):
        if taken_from is not None:
            taken = IAnnotations(aq_base(committed_site)).setdefault(TAKEN_KEY, OOBTree())
            if taken_from in taken:
                return []  # kept already, by a request that seemed to have died
            taken[taken_from] = at
        queue = _queue(committed_site, create=True)
        for key, (kind, recipient, summary, payload) in zip(keys, messages):
            queue[key] = PendingMessage(kind, recipient, summary, payload, error, at)
        return keys

    described = "; ".join(describe(kind, recipient) for kind, recipient, _summary, _payload in messages)
    try:
        kept = in_own_transaction(site, work) if site is not None else None
    except Exception:
        logger.exception("Notification not kept for a retry: %s", described)
        return None
    if kept is None:
        logger.error("Notification not kept for a retry (no stored site): %s", described)
    elif kept:
        logger.warning("Notification not sent, kept for a retry: %s (%s)", described, error)
    else:
        logger.info("Set-aside notifications of %s kept before, not again: %s", taken_from, described)
    return kept


def was_taken(site, name):
    """Whether the messages of set-aside spool file ``name`` were kept (``keep_all``)."""
    taken = IAnnotations(aq_base(site)).get(TAKEN_KEY)
    return taken is not None and name in taken


def _error_text(error):
    text = f"{type(error).__name__}: {error}" if isinstance(error, BaseException) else str(error)
    return mask_text(text)[:ERROR_LENGTH]  # a refused recipient's address is in the text


def pending(site):
    """(key, PendingMessage) of every kept message, oldest first, as last committed."""
    queue = _queue(site)
    return list(queue.items()) if queue else []


def _claim(site, key, at, force):
    """Claim ``key`` for this run; a snapshot (kind, recipient, payload) or None."""

    def work(committed_site):
        entry = (_queue(committed_site) or {}).get(key)
        if entry is None or entry.claimed_until > at or not (force or entry.due(at)):
            return False
        entry.claimed_until = at + LEASE
        return (entry.kind, entry.recipient, entry.payload)

    return in_own_transaction(site, work) or None


def _settle(site, key, error, at):
    """Remove a sent message, or count the failed try and set the next one; returns
    "sent", "failed" or "given_up" (failed its last try)."""

    def work(committed_site):
        queue = _queue(committed_site)
        entry = queue.get(key) if queue else None
        if error is None:
            if entry is not None:
                del queue[key]
            return "sent"
        if entry is None:
            return "failed"
        entry.tries += 1
        entry.last_try = at
        entry.last_error = _error_text(error)
        entry.next_try = next_try(entry.tries, at)
        entry.claimed_until = 0
        return "given_up" if entry.given_up else "failed"

    return in_own_transaction(site, work)


def deliver(kind, recipient, payload):
    """Send a kept message again; raises what the mail host or the gateway raises."""
    if kind == "mail":
        message = message_from_bytes(payload, policy=policy.SMTP)
        getUtility(IMailHost).send(message, immediate=True)
        return
    name, text = payload
    gateway = queryUtility(ISMSGateway, name=name)
    if gateway is None:  # the gateway was removed: the one configured now
        from suizhou.laborrights.notifications.outbox import sms_gateway

        gateway = sms_gateway()
    gateway.send(recipient, text)


def retry(site, keys=None, at=None, force=False):
    """Try again the due messages (or ``keys``, due or not when ``force``, e.g. given up).

    Returns {"sent": n, "failed": n, "given_up": n} (given_up: failed their last try now)."""
    at = time.time() if at is None else at
    counts = {"sent": 0, "failed": 0, "given_up": 0}
    for key, entry in pending(site):
        if (keys is not None and key not in keys) or not (force or entry.due(at)):
            continue
        claimed = _claim(site, key, at, force)
        if claimed is None:
            continue  # another run has it, or it was sent meanwhile
        kind, recipient, payload = claimed
        try:
            deliver(kind, recipient, payload)
        except Exception as error:
            logger.warning("Notification retry failed: %s (%s)", describe(kind, recipient), _error_text(error))
            outcome = _settle(site, key, error, at)
            counts["failed"] += 1
            counts["given_up"] += outcome == "given_up"
        else:
            logger.info("Notification sent on retry: %s", describe(kind, recipient))
            _settle(site, key, None, at)
            counts["sent"] += 1
    return counts


def retry_due(site, at=None):
    """The scheduled run: try again every message whose next try is due."""
    counts = retry(site, at=at)
    if any(counts.values()):
        logger.info(
            "Notification retries: %d sent, %d failed (%d after their last try).",
            counts["sent"],
            counts["failed"],
            counts["given_up"],
        )
    return counts


def main(app, site_id="Plone"):
    """For ``bin/instance run`` (scripts/outbox_retry.py): the scheduled run on site ``site_id``."""

    site = open_site(as_system(app), site_id)
    return retry_due(site)
