"""``@@district-staff``: the district administrator's page of its district's staff accounts.

One page, one form per action (create, assign, disable, reset); every action goes through
``accounts`` (which refuses anything outside the administrator's own district). A refused or
incomplete form says why at the field and keeps what was typed (never the password).
"""

from AccessControl import Unauthorized
from plone.protect.authenticator import check as check_authenticator
from Products.Five import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from suizhou.laborrights import _
from suizhou.laborrights.handling.errors import Refused
from suizhou.laborrights.http import no_store
from suizhou.laborrights.i18n import zh
from suizhou.laborrights.staff import accounts
from suizhou.laborrights.staff import administered
from suizhou.laborrights.vocabularies import title_of


def _text(form, name):
    value = form.get(name)
    return value.strip() if isinstance(value, str) else ""


def _list(form, name):
    value = form.get(name) or []
    return [item for item in (value if isinstance(value, list) else [value]) if isinstance(item, str)]


# the field a refusal belongs to, by its message id
FIELDS = {
    "staff_username_invalid": "username",
    "staff_username_taken": "username",
    "staff_fullname_required": "fullname",
    "staff_units_required": "units",
    "staff_refused_unit": "units",
    "staff_password_short": "password",
}


class DistrictStaffView(BrowserView):
    index = ViewPageTemplateFile("templates/district_staff.pt")

    def __call__(self):
        no_store(self.request.response)
        districts = administered.administered_district_codes()
        if not districts:
            raise Unauthorized("district administrators only")
        form = self.request.form
        wanted = _text(form, "district")
        self.district = wanted if wanted in districts else districts[0]
        self.districts = [(code, title_of("districts", code)) for code in districts]
        self.errors, self.message, self.values, self.target = {}, None, {}, ""
        if self.request.method == "POST":
            check_authenticator(self.request)
            self.act(form)
        return self.index()

    def act(self, form):
        district = _text(form, "district")  # as posted: a foreign district is refused, not swapped
        self.target = _text(form, "userid")
        self.values = {name: _text(form, name) for name in ("username", "fullname", "email")}
        self.values["units"] = _list(form, "units")
        password = form.get("password") if isinstance(form.get("password"), str) else ""
        try:
            if form.get("create"):
                accounts.create_account(
                    district, self.values["username"], self.values["fullname"], self.values["email"],
                    password, self.values["units"],
                )
                done = _("staff_created", default="已创建账号。")
            elif form.get("assign"):
                accounts.assign(district, self.target, self.values["units"])
                done = _("staff_assigned", default="已调整所属单位。")
            elif form.get("disable"):
                accounts.disable(district, self.target)
                done = _("staff_disabled", default="已停用账号。")
            elif form.get("reset"):
                accounts.reset_password(district, self.target, password, self.values["units"] or None)
                done = _("staff_reset", default="已重设密码。")
            else:
                return
        except Refused as refused:
            field = FIELDS.get(str(refused.message), "form")
            self.request.response.setStatus(400 if field != "form" else 403)
            self.errors[field] = zh(refused.message)
            return
        self.message = zh(done)
        self.values, self.target = {}, ""

    def units(self):
        return sorted(accounts.district_units(self.district).items(), key=lambda item: item[1])

    def rows(self):
        units = accounts.district_units(self.district)
        return [
            {
                "userid": userid,
                "fullname": fullname,
                "units": "、".join(units[uid] for uid in unit_uids),
                "unit_uids": unit_uids,
                "disabled": disabled,
            }
            for userid, fullname, unit_uids, disabled in accounts.accounts(self.district)
        ]

    def error(self, name, userid=""):
        if userid and userid != self.target:
            return None
        return self.errors.get(name)
