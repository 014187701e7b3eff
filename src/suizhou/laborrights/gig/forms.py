"""The public forms of a gig-worker station: post a job, register as a job seeker, withdraw the
registration. Plain HTML forms (one template, ``templates/gig_form.pt``) that answer each bad
value at its field in Chinese and keep what was typed."""

from datetime import date
from decimal import Decimal
from decimal import InvalidOperation
from plone.protect import CheckAuthenticator
from suizhou.laborrights import _
from suizhou.laborrights.forms import challenge
from suizhou.laborrights.gig import postings
from suizhou.laborrights.gig import seekers
from suizhou.laborrights.gig.vocabularies import AVAILABILITY
from suizhou.laborrights.gig.vocabularies import gig_stations
from suizhou.laborrights.gig.vocabularies import PAY_PERIODS
from suizhou.laborrights.gig.vocabularies import TRADES
from suizhou.laborrights.http import no_store
from suizhou.laborrights.i18n import zh
from suizhou.laborrights.public.page import PublicPage
from suizhou.laborrights.settings import setting
from suizhou.laborrights.vocabularies import registry_terms


def options(items):
    return [(code, zh(title)) for code, title, *_rest in items]


class Field:
    def __init__(self, name, label, kind="text", choices=None, required=True, help=""):
        self.name, self.label, self.kind = name, label, kind
        self.choices, self.required, self.help = choices or [], required, help


class GigForm(PublicPage):
    """``fields()`` to show; ``save(data)`` returns {field: message} or None when done."""

    title = ""
    intro = ""
    button = _("button_submit", default="提交")
    done = None  # what the page says after a successful submission

    def fields(self):
        return []

    def convert(self, field, raw):
        if field.kind == "checkboxes":
            return [value for value in raw if value in dict(field.choices)]
        raw = raw.strip() if isinstance(raw, str) else ""
        if raw == "":
            return None
        if field.kind == "decimal":
            return Decimal(raw)
        if field.kind == "int":
            return int(raw)
        if field.kind == "date":
            return date.fromisoformat(raw)
        return raw

    def challenge_enabled(self):
        return bool(setting("filing", "challenge_enabled"))

    def update(self):
        no_store(self.request.response)
        form = self.request.form
        self.values = {}
        self.errors = {}
        self.question = self.token = ""
        if self.challenge_enabled():
            self.question, self.token = challenge.new_question()
        if form.get("station"):
            self.values["station"] = form["station"]
        if self.request.method != "POST":
            return
        CheckAuthenticator(self.request)
        data = {}
        for field in self.fields():
            raw = form.get(field.name, [] if field.kind == "checkboxes" else "")
            if field.kind == "checkboxes" and isinstance(raw, str):
                raw = [raw]
            self.values[field.name] = raw
            try:
                data[field.name] = self.convert(field, raw)
            except (InvalidOperation, ValueError):
                self.errors[field.name] = zh(_("error_gig_format", default="格式不正确，请重新填写。"))
        if self.challenge_enabled() and not challenge.solve(
            form.get("challenge.token"), form.get("challenge"), self.request
        ):
            self.errors["challenge"] = zh(challenge.WrongAnswer.__doc__)
        if self.errors:
            self.request.response.setStatus(400)
            return
        self.errors = self.save(data) or {}
        if self.errors:
            self.request.response.setStatus(400)

    def value(self, name):
        return self.values.get(name, "")

    def checked(self, name, code):
        value = self.values.get(name) or []
        return code in (value if isinstance(value, list) else [value])

    def error_summary(self):
        labels = {field.name: field.label for field in self.fields()}
        labels["challenge"] = zh(_("label_challenge_field", default="验证问题（本地算术题）"))
        return [(name, labels.get(name, name), message) for name, message in self.errors.items()]


def station_choices():
    return [(station.UID(), station.Title()) for station in gig_stations()]


class PostJobForm(GigForm):
    """An employer (or station staff) posts a job; the station reviews it before it shows."""

    title = _("gig_post_job_title", default="发布招聘岗位")
    intro = _(
        "gig_post_job_intro",
        default="岗位提交后由所选零工驿站工作人员审核，审核通过后公开发布，截止日期过后自动下架。"
        "报酬不得低于本地区最低工资标准，岗位要求不得含有歧视性内容。",
    )

    def fields(self):
        districts = list(registry_terms("districts"))
        return [
            Field("station", zh(_("label_gig_station", default="审核的零工驿站")), "select", station_choices()),
            Field("title", zh(_("label_position", default="岗位名称"))),
            Field("trade", zh(_("label_trade", default="行业工种")), "select", options(TRADES)),
            Field("pay", zh(_("label_pay", default="报酬（元）")), "decimal"),
            Field("pay_period", zh(_("label_pay_period", default="计薪方式")), "select", options(PAY_PERIODS)),
            Field("district", zh(_("label_work_district", default="工作地点（区县）")), "select", districts),
            Field("place", zh(_("label_work_place", default="具体地点"))),
            Field("hours", zh(_("label_work_hours", default="工作时间")), help="如：每天 8:00-17:00，日结"),
            Field("shifts", zh(_("label_shifts", default="班次")), "checkboxes", options(AVAILABILITY), False),
            Field("number_wanted", zh(_("label_number_wanted", default="招聘人数")), "int"),
            Field("requirements", zh(_("label_requirements", default="岗位要求")), "textarea", required=False),
            Field("employer_name", zh(_("label_employer_name", default="用人单位名称"))),
            Field("employer_credit_code", zh(_("label_employer_credit_code", default="统一社会信用代码"))),
            Field("contact_phone", zh(_("label_contact_phone", default="联系电话"))),
            Field("valid_through", zh(_("label_valid_through", default="截止日期")), "date"),
        ]

    def save(self, data):
        errors = postings.posting_errors(data)
        if errors:
            return errors
        postings.create_posting(data)
        self.done = zh(_("gig_post_job_done", default="岗位已提交，零工驿站工作人员审核通过后公开发布。"))
        return None


class RegisterForm(GigForm):
    """A job seeker's real-name registration, with consent."""

    title = _("gig_register_title", default="求职登记")
    intro = _(
        "gig_register_intro",
        default="登记信息只有您选择的零工驿站工作人员可以查看，用于为您推荐岗位，不会公开。"
        "您可以随时凭登记编号和手机号码撤回同意，撤回后您的登记信息将被彻底删除。",
    )

    def fields(self):
        consent = zh(
            _(
                "label_gig_consent",
                default="我同意零工驿站保存以上信息，并据此为我推荐岗位、联系我（可随时撤回）",
            )
        )
        return [
            Field(
                "station", zh(_("label_gig_station_registered", default="登记的零工驿站")), "select", station_choices()
            ),
            Field("real_name", zh(_("label_real_name", default="姓名"))),
            Field("id_number", zh(_("label_id_number", default="身份证号码"))),
            Field("phone", zh(_("label_mobile", default="手机号码"))),
            Field("skills", zh(_("label_skills", default="技能特长")), "textarea", required=False),
            Field("wanted_trades", zh(_("label_wanted_trades", default="意向行业工种")), "checkboxes", options(TRADES)),
            Field(
                "wanted_district",
                zh(_("label_wanted_district", default="意向工作地点（区县）")),
                "select",
                list(registry_terms("districts")),
            ),
            Field(
                "availability",
                zh(_("label_availability", default="可工作时间")),
                "checkboxes",
                options(AVAILABILITY),
                False,
            ),
            Field("consent", consent, "checkboxes", [("yes", consent)]),
        ]

    def save(self, data):
        errors = seekers.seeker_errors(data)
        if data.get("consent") != ["yes"]:
            errors["consent"] = zh(_("error_gig_consent", default="请阅读并勾选同意后再提交。"))
        if errors:
            return errors
        seeker = seekers.register_seeker(data)
        self.values = {}
        self.done = zh(
            _(
                "gig_register_done",
                default="登记成功。您的登记编号是 ${reference}，请妥善保存；撤回同意时需要它和您的手机号码。",
            ),
            reference=seeker.getId().upper(),
        )
        return None


class WithdrawForm(GigForm):
    """The seeker withdraws consent: the registration is deleted."""

    title = _("gig_withdraw_title", default="撤回求职登记")
    intro = _(
        "gig_withdraw_intro",
        default="输入登记编号和登记时的手机号码，撤回同意后您的登记信息（含推荐记录）将被彻底删除，不可恢复。",
    )
    button = _("button_gig_withdraw", default="撤回同意并删除")

    def fields(self):
        return [
            Field("reference", zh(_("label_gig_reference", default="登记编号"))),
            Field("phone", zh(_("label_mobile", default="手机号码"))),
        ]

    def save(self, data):
        if not seekers.withdraw_consent(data.get("reference"), data.get("phone")):
            return {"reference": zh(_("error_gig_withdraw", default="登记编号与手机号码不匹配，请核对后重试。"))}
        self.values = {}
        self.done = zh(_("gig_withdraw_done", default="已撤回同意，您的求职登记已删除。"))
        return None
