"""``@@warnings`` (the list) and ``@@warning?id=`` (one warning: its cases, notes and handling),
for the city and the district administrators only (``access``); the link on the worklist."""

from AccessControl import Unauthorized
from plone import api
from plone.app.layout.viewlets.common import ViewletBase
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from suizhou.laborrights import _
from suizhou.laborrights.handling.panel import actor_title
from suizhou.laborrights.http import no_store
from suizhou.laborrights.i18n import zh
from suizhou.laborrights.staff.administered import administered_districts
from suizhou.laborrights.timezone import format_datetime
from suizhou.laborrights.vocabularies import title_of
from suizhou.laborrights.warnings import access
from suizhou.laborrights.warnings import titles
from suizhou.laborrights.warnings.store import get_store
from suizhou.laborrights.warnings.store import SEVERITY
from urllib.parse import urlencode
from zExceptions import NotFound


def visible_warnings(districts, states=("open", "handling")):
    store = get_store()
    if store is None:
        return []
    if states == ("open", "handling"):
        warnings = [store.get(warning_id) for warning_id in store.open_keys.values()]
    else:
        warnings = store.all()
    warnings = [w for w in warnings if w.state in states and access.may_see(w, districts)]
    return sorted(warnings, key=lambda w: (-SEVERITY[w.level], -w.id))


# The badge of each level (red on white text; orange and yellow with black text: contrast ≥ 4.5).
BADGE_STYLES = {
    "red": "background-color: #b02a37; color: #fff",
    "orange": "background-color: #fd7e14; color: #000",
    "yellow": "background-color: #ffc107; color: #000",
}


def row(warning):
    return {
        "id": warning.id,
        "level": warning.level,
        "badge_style": BADGE_STYLES[warning.level],
        "level_title": zh(titles.LEVELS[warning.level]),
        "rule": zh(titles.rule_title(warning.rule)),
        "subject": warning.subject,
        "districts": "、".join(title_of("districts", code) for code in warning.districts),
        "cases": len(warning.cases),
        "workers": warning.workers,
        "raised": format_datetime(warning.raised),
        "updated": format_datetime(warning.updated),
        "state": zh(titles.STATES[warning.state]),
        "url": f"{api.portal.get().absolute_url()}/@@warning?{urlencode({'id': warning.id})}",
    }


class _Guarded(BrowserView):
    def guard(self):
        self.districts = administered_districts()
        if self.districts == frozenset():
            raise Unauthorized("城市和区县管理员专用")
        no_store(self.request.response)


class WarningsView(_Guarded):
    def __call__(self):
        self.guard()
        self.show_closed = self.request.form.get("state") == "closed"
        return self.index()

    def rows(self):
        states = ("closed",) if self.show_closed else ("open", "handling")
        return [row(warning) for warning in visible_warnings(self.districts, states)]


class WarningView(_Guarded):
    def __call__(self):
        self.guard()
        self.warning = self._find()
        self.error = None
        if self.request.method == "POST":
            if self._handle():
                return self.request.response.redirect(row(self.warning)["url"])
        return self.index()

    def _find(self):
        store = get_store()
        try:
            warning = store.get(int(self.request.form.get("id", ""))) if store is not None else None
        except ValueError:
            warning = None
        if warning is None or not access.may_see(warning, self.districts):
            raise NotFound("没有这条预警")
        return warning

    def _handle(self):
        CheckAuthenticator(self.request)
        form = self.request.form
        note = (form.get("note") or "").strip()
        transition = form.get("transition") or None
        user = api.user.get_current().getId()
        if transition == "close" and not note:
            self.error = zh(_("error_warning_close_note", default="关闭预警须写明处置结果。"))
            return False
        if transition:
            try:
                get_store().transition(self.warning, transition, user, note)
            except (KeyError, ValueError):
                self.error = zh(_("error_warning_transition", default="这条预警的状态不允许这样操作。"))
                return False
        elif note:
            self.warning.add_note(user, note)
        else:
            self.error = zh(_("error_warning_note", default="请填写处置情况。"))
            return False
        return True

    def info(self):
        return row(self.warning)

    def cases(self):
        portal_url = api.portal.get().absolute_url()
        return [
            {
                "reference": reference,
                "district": title_of("districts", district),
                "workers": workers,
                "url": f"{portal_url}/@@open-case?{urlencode({'ref': reference})}",
            }
            for reference, district, workers in sorted(self.warning.cases.values())
        ]

    def notes(self):
        return [
            {
                "time": format_datetime(note["time"]),
                "user": actor_title(note["user"]),
                "text": note["text"],
                "transition": zh(titles.STATES[t]) if (t := _target(note["transition"])) else "",
            }
            for note in self.warning.notes
        ]

    def closed(self):
        warning = self.warning
        if warning.closed_at is None:
            return None
        return {"by": actor_title(warning.closed_by), "at": format_datetime(warning.closed_at)}

    def transitions(self):
        state = self.warning.state
        return {
            "handle": state == "open",
            "close": state in ("open", "handling"),
        }


def _target(transition):
    return {"handle": "handling", "close": "closed"}.get(transition)


class WorklistLink(ViewletBase):
    """“风险预警：N 条待处置” above the worklist, for those who see warnings."""

    def update(self):
        districts = administered_districts()
        self.count = 0 if districts == frozenset() else len(visible_warnings(districts))
        self.visible = districts != frozenset()
        self.url = f"{api.portal.get().absolute_url()}/@@warnings"
