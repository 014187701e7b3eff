"""``@@external-figures``: an administrator enters the external numbers (外部报送数) of a district
and month — the city for every district, a district administrator for their own only (another
district is refused, read or written). A wrong value gets its Chinese message at the field and
the typed input stays; nothing is stored until every field is valid."""

from AccessControl import Unauthorized
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from suizhou.laborrights import _
from suizhou.laborrights.handling.periods import today
from suizhou.laborrights.http import no_store
from suizhou.laborrights.i18n import zh
from suizhou.laborrights.staff.administered import administered_district_codes
from suizhou.laborrights.statistics import external
from suizhou.laborrights.timezone import format_datetime
from suizhou.laborrights.vocabularies import registry_terms
from urllib.parse import urlencode


class ExternalFiguresView(BrowserView):
    template = ViewPageTemplateFile("templates/external_figures.pt")

    def __call__(self):
        self.districts = administered_district_codes()
        if not self.districts:
            raise Unauthorized("external figures are for administrators")
        no_store(self.request.response)
        form = self.request.form
        self.errors, self.message = {}, ""
        self.district = str(form.get("district", "") or "").strip()
        if len(self.districts) == 1 and not self.district:
            self.district = self.districts[0]
        if self.district and self.district not in self.districts:
            raise Unauthorized("not a district of this user")
        self.month_text = str(form.get("month", "") or "").strip() or today().isoformat()[:7]
        self.month, month_error = external.parse_month(self.month_text, today())
        if month_error:
            self.errors["month"] = month_error
        self.typed = None  # the submitted fields, shown again after an error
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            if self._save():
                return self.request.response.redirect(self.url(self.district, self.month, saved=1))
        elif form.get("saved"):
            self.message = zh(_("external_saved", default="已保存。"))
        return self.template()

    def _save(self):
        form = self.request.form
        self.typed = {code: str(form.get(code, "") or "") for code in external.FIELD_CODES}
        values, errors = external.parse_values(form)
        self.errors.update(errors)
        if not self.district:
            self.errors["district"] = zh(external.MSG_DISTRICT)
        if not self.errors and all(value is None for value in values.values()) and not self.entry:
            self.errors["form"] = zh(external.MSG_EMPTY)
        if self.errors:
            self.message = zh(_("external_error_form", default="有填写错误，请按提示修改后再保存；尚未保存。"))
            return False
        external.save(self.district, self.month, values)
        return True

    def url(self, district="", month="", **extra):
        query = {key: value for key, value in dict(district=district, month=month, **extra).items() if value}
        return f"{api.portal.get().absolute_url()}/@@external-figures" + (f"?{urlencode(query)}" if query else "")

    @property
    def district_title(self):
        return dict(registry_terms("districts")).get(self.district, self.district)

    @property
    def entry(self):
        if not (self.district and self.month):
            return None
        return external.find(self.district, self.month)

    def district_options(self):
        names = dict(registry_terms("districts"))
        return [
            {"value": code, "title": names.get(code, code), "selected": code == self.district}
            for code in self.districts
        ]

    def fields(self):
        stored = self.entry["values"] if self.entry else {}
        result = []
        for code, source, label, kind in external.FIELDS:
            if self.typed is not None:
                value = self.typed[code]
            else:
                value = external.display(stored.get(code), kind)
            result.append(
                {
                    "code": code,
                    "source": zh(external.SOURCES[source]),
                    "label": zh(label),
                    "value": value,
                    "error": self.errors.get(code, ""),
                }
            )
        return result

    def history(self):
        """The changes of the chosen entry, newest first."""
        if not self.entry:
            return []
        return [
            {
                "when": format_datetime(change["when"]),
                "who": change["who"],
                "changes": "；".join(
                    f"{external.field_title(code)}：{_shown(old)} → {_shown(new)}"
                    for code, (old, new) in change["changes"].items()
                ),
            }
            for change in reversed(self.entry["history"])
        ]

    def stored(self):
        """Every entry the user may see, newest month first: district, month, last change."""
        names = dict(registry_terms("districts"))
        rows = []
        for entry in external.entries(self.districts):
            last = entry["history"][-1] if entry["history"] else None
            rows.append(
                {
                    "district": names.get(entry["district"], entry["district"]),
                    "month": entry["month"],
                    "url": self.url(entry["district"], entry["month"]),
                    "changed": f"{format_datetime(last['when'])} {last['who']}" if last else "",
                }
            )
        return sorted(rows, key=lambda row: row["month"], reverse=True)


def _shown(value):
    return "—" if value is None else (format(value, "f") if not isinstance(value, int) else str(value))
