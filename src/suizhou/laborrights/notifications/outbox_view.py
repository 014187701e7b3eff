"""``@@laborrights-outbox`` (维权平台：未发出的通知): the e-mails and SMS that could not be sent,
for the administrator: what, to whom (masked), how often tried, the last error, the next try;
"retry now" sends the chosen ones (or all) again at once (``retries.retry``)."""

from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.statusmessages.interfaces import IStatusMessage
from suizhou.laborrights import _
from suizhou.laborrights.notifications import retries
from suizhou.laborrights.timezone import format_datetime

import datetime
import transaction


KIND_TITLES = {
    "mail": _("outbox_kind_mail", default="电子邮件"),
    "sms": _("outbox_kind_sms", default="短信"),
}


def _moment(seconds):
    return datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc) if seconds else None


class OutboxView(BrowserView):
    def __call__(self):
        if self.request.method == "POST" and "form.retry" in self.request.form:
            self.retry_now()
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
                    "what": entry.summary if entry.kind == "mail" else entry.summary[:40],
                    "tries": entry.tries,
                    "first_try": format_datetime(_moment(entry.created)),
                    "last_try": format_datetime(_moment(entry.last_try)),
                    "last_error": entry.last_error,
                    "next_try": format_datetime(_moment(entry.next_try)),
                    "given_up": entry.given_up,
                }
            )
        return sorted(rows, key=lambda row: not row["given_up"])
