"""``@@employer-reply``: the employer's page, reached only by the link of its notice.

It shows the case's reference and what is addressed to the employer (dispute types, claims,
the request, the handling unit, the applicant's family name); never the applicant's ID number,
phone, address, e-mail or the facts as written. Everything on it needs a valid link; the reply
needs a one-time code sent to the employer's phone on the case.
"""

from plone.formwidget.namedfile.utils import is_file_upload
from plone.namedfile.file import NamedBlobFile
from plone.namedfile.utils import safe_basename
from plone.protect.authenticator import check as check_authenticator
from Products.Five import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from suizhou.laborrights import _
from suizhou.laborrights.cases.timeline import handling_unit
from suizhou.laborrights.employer import access
from suizhou.laborrights.employer.reply import check_reply
from suizhou.laborrights.employer.reply import store_reply
from suizhou.laborrights.http import no_store
from suizhou.laborrights.i18n import zh
from suizhou.laborrights.masking import mask_name
from suizhou.laborrights.masking import mask_text
from suizhou.laborrights.timezone import chinese_date
from suizhou.laborrights.vocabularies import title_of


def addressed_to_employer(case):
    """What the notice of the complaint tells the employer."""
    return {
        "reference": case.getId(),
        "received": chinese_date(case.received),
        "employer": case.employer_name or "",
        "applicant": mask_name(case.applicant_name),
        "dispute_types": "、".join(title_of("dispute_types", code) for code in case.dispute_types or ()),
        "claims": [
            {"kind": title_of("claim_kinds", row.get("kind")), "amount": row.get("amount")}
            for row in case.claims or ()
            if isinstance(row, dict)
        ],
        "claim_amount": case.claim_amount,
        "request": mask_text(case.request or ""),
        "unit": handling_unit(case),
    }


def _uploads(raw):
    uploads = raw if isinstance(raw, (list, tuple)) else [raw]
    files = []
    for upload in uploads:
        if is_file_upload(upload) and upload.filename:
            upload.seek(0)
            files.append(NamedBlobFile(data=upload.read(), filename=safe_basename(upload.filename)))
    return files


class EmployerReplyView(BrowserView):
    index = ViewPageTemplateFile("templates/employer_reply.pt")

    def __call__(self):
        no_store(self.request.response, hide_referrer=True)  # the address is the key
        form = self.request.form
        self.uid = form.get("case") if isinstance(form.get("case"), str) else ""
        self.token = form.get("t") if isinstance(form.get("t"), str) else ""
        self.reply = form.get("reply") if isinstance(form.get("reply"), str) else ""
        self.denied = self.message = self.facts = None
        self.errors = {}
        self.done = False
        try:
            case = access.open_link(self.uid, self.token)
        except access.Denied as denied:
            self.request.response.setStatus(403)
            self.denied = denied.text()
            return self.index()
        if self.request.method == "POST":
            check_authenticator(self.request)
            self.act(case, form)
        self.facts = addressed_to_employer(case)
        return self.index()

    def act(self, case, form):
        try:
            if form.get("send_code"):
                access.send_code(case)
                self.message = zh(_("employer_code_sent", default="验证码已发送至贵单位登记的手机号码。"))
            elif form.get("submit_reply"):
                uploads = _uploads(form.get("files"))
                self.errors = check_reply(self.reply, uploads)
                if self.errors:
                    return
                access.use_code(case, form.get("code"))
                store_reply(case, self.reply, uploads)
                self.done = True
                self.reply = ""
        except access.Denied as denied:
            self.errors["code"] = denied.text()
            if denied.message is access.LINK_LOCKED:
                self.request.response.setStatus(403)
