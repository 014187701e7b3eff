"""``@@laborrights-api-keys`` (维权平台：接口密钥): the administrator issues a key to a known
client (its name and filing budget per hour) and revokes keys. A new key is shown on the answer
to the issuing request only (never stored, never in a redirect's address); the list shows each
key's client, hint, budget, when it was issued and whether it is revoked."""

from datetime import datetime
from datetime import timezone
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.statusmessages.interfaces import IStatusMessage
from suizhou.laborrights import _
from suizhou.laborrights.http import no_store
from suizhou.laborrights.restapi import api_keys
from suizhou.laborrights.timezone import format_datetime


MAX_CLIENT_LENGTH = 60
MAX_BUDGET = 100000

MSG_CLIENT = _("api_keys_error_client", default="请填写客户端名称（不超过60个字）。")
MSG_BUDGET = _("api_keys_error_budget", default="请填写1至100000之间的整数。")


def _moment(seconds):
    return datetime.fromtimestamp(seconds, timezone.utc) if seconds else None


class ApiKeysView(BrowserView):
    new_key = None

    def __call__(self):
        no_store(self.request.response)
        self.errors = {}
        form = self.request.form
        self.client_value = form.get("client", "") if isinstance(form.get("client"), str) else ""
        self.budget_value = form.get("budget", str(api_keys.DEFAULT_BUDGET))
        if self.request.method == "POST" and "form.issue" in form:
            CheckAuthenticator(self.request)
            self.issue()
        elif self.request.method == "POST" and "form.revoke" in form:
            CheckAuthenticator(self.request)
            self.revoke(form.get("key_id"))
            return self.request.response.redirect(f"{self.context.absolute_url()}/@@laborrights-api-keys")
        return self.index()

    def issue(self):
        client = self.client_value.strip()
        if not client or len(client) > MAX_CLIENT_LENGTH:
            self.errors["client"] = MSG_CLIENT
        try:
            budget = int(str(self.budget_value).strip())
        except ValueError:
            budget = None
        if budget is None or not 1 <= budget <= MAX_BUDGET:
            self.errors["budget"] = MSG_BUDGET
        if self.errors:
            return
        self.new_key = api_keys.issue(client, budget)
        self.new_client = client
        self.client_value, self.budget_value = "", str(api_keys.DEFAULT_BUDGET)

    def revoke(self, key_id):
        if isinstance(key_id, str) and api_keys.revoke(key_id):
            IStatusMessage(self.request).add(_("api_keys_revoked", default="接口密钥已停用。"), "info")

    def rows(self):
        return [
            {
                "key_id": key_id,
                "client": entry["client"],
                "hint": f"{entry['hint']}…",
                "budget": entry["budget"],
                "issued": format_datetime(_moment(entry["issued"])),
                "revoked": format_datetime(_moment(entry["revoked"])),
            }
            for key_id, entry in api_keys.entries()
        ]
