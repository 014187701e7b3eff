"""``@@districts-admin``: the city administrator adds and renames districts (staff.districts)."""

from plone.protect.authenticator import check as check_authenticator
from Products.Five import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from suizhou.laborrights import _
from suizhou.laborrights.http import no_store
from suizhou.laborrights.i18n import zh
from suizhou.laborrights.staff import districts
from suizhou.laborrights.vocabularies import registry_terms


FIELDS = ("code", "title", "center_title", "center_address", "units", "rename_code", "new_title")


class DistrictsAdminView(BrowserView):
    index = ViewPageTemplateFile("templates/districts_admin.pt")

    def __call__(self):
        no_store(self.request.response)
        form = self.request.form
        self.values = {name: form.get(name).strip() if isinstance(form.get(name), str) else "" for name in FIELDS}
        self.errors, self.message, self.renaming = {}, None, bool(form.get("rename"))
        if self.request.method == "POST":
            check_authenticator(self.request)
            self.act(form)
        return self.index()

    def act(self, form):
        values = self.values
        try:
            if form.get("add"):
                districts.add_district(
                    values["code"], values["title"], values["center_title"], values["center_address"],
                    values["units"].splitlines(),
                )
                self.message = zh(_("district_added", default="已新增区县及其维权中心和站点。"))
            elif form.get("rename"):
                districts.rename_district(values["rename_code"], values["new_title"])
                self.message = zh(_("district_renamed", default="已修改区县名称。"))
            else:
                return
        except districts.FieldRefused as refused:
            field = refused.field
            if self.renaming:
                field = {"code": "rename_code", "title": "new_title"}.get(field, field)
            self.errors[field] = zh(refused.message)
            self.request.response.setStatus(400)
            return
        self.values = dict.fromkeys(FIELDS, "")

    def districts(self):
        return registry_terms("districts")
