"""``@@laborrights-outbox`` (维权平台：未发出的通知): the e-mails and SMS that could not be sent,
for the administrator: what, to whom (masked), how often tried, the last error, the next try;
"retry now" sends the chosen ones (or all) again at once (``retries.retry``). Below them, the
files of unsent messages this site's processes set aside (``spool.set_aside``: taken over by
three processes and still not sent, or unreadable); "move to the list" keeps their messages
with the others, to be tried again."""

from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.statusmessages.interfaces import IStatusMessage
from suizhou.laborrights import _
from suizhou.laborrights import logger
from suizhou.laborrights.notifications import retries
from suizhou.laborrights.notifications import spool
from suizhou.laborrights.timezone import format_datetime

import datetime
import transaction


KIND_TITLES = {
    "mail": _("outbox_kind_mail", default="电子邮件"),
    "sms": _("outbox_kind_sms", default="短信"),
}


# the "last error" of a message moved from a set-aside file
FROM_SET_ASIDE = "从搁置的待发文件转入（进程多次中断，未能自动发送）"


def _moment(seconds):
    return datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc) if seconds else None


def _shown(kind, summary):
    """What a list shows of a message: a mail's subject, an SMS's beginning (its end may hold a
    link that works as a password, e.g. the employer's reply link)."""
    return summary if kind == "mail" else summary[:40]


def _message_row(message):
    return {
        "kind": KIND_TITLES.get(message.kind, message.kind),
        "to": retries.masked(message.kind, message.recipient),
        "what": _shown(message.kind, message.summary),
    }


class OutboxView(BrowserView):
    def __call__(self):
        actions = {"form.retry": self.retry_now, "form.take_set_aside": self.take_set_aside}
        chosen = [action for name, action in actions.items() if name in self.request.form]
        if self.request.method == "POST" and chosen:
            chosen[0]()
            return self.request.response.redirect(f"{self.context.absolute_url()}/@@laborrights-outbox")
        return self.index()

    def retry_now(self):
        CheckAuthenticator(self.request)
        keys = self.request.form.get("keys") or []
        keys = [keys] if isinstance(keys, str) else keys
        transaction.commit()  # nothing to keep from this request: see what the runs committed
        counts = retries.retry(self.context, keys=set(keys) if keys else None, force=True)
        IStatusMessage(self.request).add(
            _(
                "outbox_retried",
                default="已重新发送：成功 ${sent} 条，仍失败 ${failed} 条。",
                mapping={"sent": counts["sent"], "failed": counts["failed"]},
            ),
            "info" if not counts["failed"] else "warning",
        )

    def rows(self):
        """The kept messages, those that failed their last try first."""
        rows = []
        for key, entry in retries.pending(self.context):
            rows.append(
                {
                    "key": key,
                    "kind": KIND_TITLES.get(entry.kind, entry.kind),
                    "to": entry.masked_recipient(),
                    "what": _shown(entry.kind, entry.summary),
                    "tries": entry.tries,
                    "first_try": format_datetime(_moment(entry.created)),
                    "last_try": format_datetime(_moment(entry.last_try)),
                    "last_error": entry.last_error,
                    "next_try": format_datetime(_moment(entry.next_try)),
                    "given_up": entry.given_up,
                }
            )
        return sorted(rows, key=lambda row: not row["given_up"])

    def _set_aside(self):
        """(name, written, messages or None if unreadable) of the set-aside files of this site."""
        path = self.context.getPhysicalPath()
        for name, written, record in spool.set_aside():
            if record is None:
                yield name, written, None
            elif _site_path(record) == path:
                yield name, written, record[2]

    def _settle_claims(self):
        """Settle the claims of requests that died moving a file of this site (the file removed if
        its messages were kept, else listed again); how many of its files requests are moving now."""
        path = self.context.getPhysicalPath()
        moving = 0
        for claimed, name, stale, record in spool.claims():
            if record is not None and _site_path(record) != path:
                continue  # another site's: its own outbox page settles it
            if not stale:
                moving += record is not None  # an unreadable file is nobody's to count
                continue
            try:
                if retries.was_taken(self.context, name):
                    spool.done(claimed)
                else:
                    spool.release_set_aside(claimed, name)
            except FileNotFoundError:  # settled by another request meanwhile
                pass
            except OSError:  # the page still lists the rest
                logger.exception("Claimed set-aside file %s not settled", claimed)
        return moving

    def set_aside_section(self):
        """{"files": this site's set-aside files, "moving": how many more requests are moving}."""
        moving = self._settle_claims()
        files = [
            {
                "name": name,
                "written": format_datetime(_moment(written)),
                "messages": [_message_row(message) for message in messages or ()],
                "unreadable": messages is None,
            }
            for name, written, messages in self._set_aside()
        ]
        return {"files": files, "moving": moving}

    def take_set_aside(self):
        """Keep the chosen set-aside files' messages (all readable ones of this site if none is
        chosen) in the list, made anew (the receipt's PDF), and remove the file; a file whose
        messages could not be made or kept stays as it was."""
        CheckAuthenticator(self.request)
        chosen = self.request.form.get("files") or []
        chosen = {chosen} if isinstance(chosen, str) else set(chosen)
        transaction.commit()  # nothing to keep from this request
        self._settle_claims()
        moved = left = 0
        for name, _written, messages in list(self._set_aside()):
            if messages is None or (chosen and name not in chosen):
                continue
            claimed = spool.claim_set_aside(name)
            if claimed is None:
                continue  # moved by another request meanwhile
            kept = self._keep(messages, name)
            if kept is not None:
                spool.done(claimed)
                moved += kept
            else:
                try:
                    spool.release_set_aside(claimed, name)
                except FileNotFoundError:  # this request outlived its claim; the page settled it
                    pass
                left += 1
        IStatusMessage(self.request).add(
            _(
                "outbox_taken_set_aside",
                default="已转入未发出的通知 ${moved} 条；未能转入的文件 ${left} 个。",
                mapping={"moved": moved, "left": left},
            ),
            "info" if not left else "warning",
        )

    def _keep(self, messages, name):
        """How many of set-aside file ``name``'s ``messages`` this request kept for a retry (made
        first; none if one fails): all, or 0 if they were kept before; None if they are not kept."""
        try:
            for message in messages:
                message.prepare()
        except Exception:
            logger.exception("Set-aside notification not made again: %s", message.description)
            return None
        kept = [(m.kind, m.recipient, m.summary, m.payload()) for m in messages]
        keys = retries.keep_all(self.context, kept, FROM_SET_ASIDE, taken_from=name)
        return None if keys is None else len(keys)


def _site_path(record):
    """The path of the site a spool record belongs to (None if it is not a record)."""
    try:
        site_path, _address, _messages = record
        return tuple(site_path)
    except (TypeError, ValueError):
        return None
