"""GET @hotline-updates?since=<ISO 8601>: the 12345 cases whose status changed since then.

For the hotline's integration account. Each item is the case's current citizen status with its
ticket number and the time of its latest change; ``next_since`` is what to ask with next time
(a little overlap: a change may come twice, never not at all). At most ``LIMIT`` cases per
answer; ``more`` says there are further changes to fetch straight away.
"""

from datetime import datetime
from plone import api
from suizhou.laborrights import _
from suizhou.laborrights.cases.channels import hotline_may_see
from suizhou.laborrights.cases.channels import HOTLINE_PERMISSION
from suizhou.laborrights.cases.register import find_case
from suizhou.laborrights.restapi import hotline
from suizhou.laborrights.restapi.citizen import public_status
from suizhou.laborrights.restapi.errors import bad_request
from suizhou.laborrights.restapi.errors import unauthorized_or_forbidden
from suizhou.laborrights.restapi.service import JsonService
from suizhou.laborrights.timezone import SHANGHAI

import re


LIMIT = 500


def parse_since(value):
    """An ISO 8601 date or time; without a zone it is Beijing time."""
    # An unencoded "+08:00" in a query string arrives as " 08:00".
    value = re.sub(r" (\d\d:?\d\d)$", r"+\1", value)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise bad_request(
            {
                "since": _(
                    "api_error_since",
                    default="请按 ISO 8601 格式填写起始时间，如 2026-03-01T08:00:00+08:00。",
                )
            }
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=SHANGHAI)
    return moment


class HotlineUpdatesGet(JsonService):
    def answer(self):
        self.no_store()
        if not api.user.has_permission(HOTLINE_PERMISSION, obj=api.portal.get()):
            raise unauthorized_or_forbidden()
        value = self.param("since")
        if not value:
            raise bad_request({"since": _("api_error_since_missing", default="请填写起始时间。")})
        since = parse_since(value)
        asked_at = hotline.utcnow()
        changes, resume = hotline.changes_since(since, LIMIT)
        items = []
        for reference, changed in changes:
            case = find_case(reference)
            if case is None or not hotline_may_see(case):
                continue  # removed, or its ticket number taken off since
            items.append(
                dict(public_status(case), hotline_ticket=case.hotline_ticket, changed=changed.isoformat())
            )
        if resume is not None:
            next_since = hotline.from_stamp(resume)
        else:
            next_since = max(since, asked_at - hotline.overlap()).astimezone(SHANGHAI)
        return {
            "since": since.isoformat(),
            "next_since": next_since.isoformat(),
            "more": resume is not None,
            "items": items,
            "items_total": len(items),
        }
