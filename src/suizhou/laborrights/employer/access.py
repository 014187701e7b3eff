"""The employer's access to its reply page: one link per case, one-time codes sent by SMS.

The handler sends the employer a notice of the complaint (SMS to the employer's contact phone on
the case) with a link ``@@employer-reply?case=<UID>&t=<token>``. The link expires after
``link_days()`` days (the setting 用人单位答复链接有效期, default 14); the page then asks for a
code sent to that same phone (never a number the visitor types), which works once and for
``CODE_MINUTES`` minutes. After ``MAX_FAILURES`` wrong codes the link is locked and the handler
must send a new notice. Only hashes of the token and the code are stored, in the case's
annotations (written only when an employer acts: no hot path).
"""

from datetime import timedelta
from persistent.mapping import PersistentMapping
from plone import api
from suizhou.laborrights import _
from suizhou.laborrights.cases.register import now
from suizhou.laborrights.handling.history import record
from suizhou.laborrights.i18n import zh
from suizhou.laborrights.notifications.outbox import queue_sms
from suizhou.laborrights.notifications.recipients import site_url
from suizhou.laborrights.settings import setting
from suizhou.laborrights.validators import is_mobile
from suizhou.laborrights.validators import normalize_phone
from urllib.parse import urlencode
from zope.annotation.interfaces import IAnnotations

import hashlib
import hmac
import secrets


ANNOTATION_KEY = "suizhou.laborrights.employer_access"
CODE_MINUTES = 10
CODE_RESEND_SECONDS = 60
MAX_FAILURES = 5

LINK_INVALID = _(
    "employer_link_invalid",
    default="该链接无效或已失效。如需答复，请与承办单位联系，重新获取链接。",
)
LINK_LOCKED = _(
    "employer_link_locked",
    default="验证码错误次数过多，该链接已停用。请与承办单位联系，重新获取链接。",
)
CODE_WRONG = _("employer_code_wrong", default="验证码不正确，请核对短信中的验证码。还可尝试${left}次。")
CODE_EXPIRED = _("employer_code_expired", default="验证码已过期，请重新获取验证码。")
CODE_USED = _("employer_code_used", default="该验证码已使用过，请重新获取验证码。")
CODE_MISSING = _("employer_code_missing", default="请先获取并填写短信验证码。")
CODE_TOO_SOON = _("employer_code_too_soon", default="验证码已发送，请${seconds}秒后再重新获取。")


class Denied(Exception):
    """The link or the code is refused; ``message`` says why, in words for the employer."""

    def __init__(self, message, **mapping):
        super().__init__(message)
        self.message = message
        self.mapping = mapping

    def text(self):
        return zh(self.message, **self.mapping)


def _hash(value):
    return hashlib.sha256(str(value).encode("utf-8")).hexdigest()


def _state(case):
    return IAnnotations(case).get(ANNOTATION_KEY)


def link_days():
    return setting("notifications", "employer_link_days")


def employer_mobile(case):
    phone = normalize_phone(getattr(case, "employer_phone", None))
    return phone if is_mobile(phone) else None


def reply_url(case, token):
    return f"{site_url()}/@@employer-reply?{urlencode({'case': case.UID(), 't': token})}"


def send_notice(case):
    """Send the employer the notice of the complaint with a new link (an older link stops
    working). Returns the link; ``Denied`` when the case has no mobile number of the employer."""
    phone = employer_mobile(case)
    if phone is None:
        raise Denied(
            _("employer_no_mobile", default="该事项未登记用人单位的手机号码，无法发送短信通知。")
        )
    token = secrets.token_urlsafe(24)
    issued = now()
    days = link_days()
    IAnnotations(case)[ANNOTATION_KEY] = PersistentMapping(
        token=_hash(token),
        phone=phone,
        issued=issued,
        expires=issued + timedelta(days=days),
        code=None,
        code_issued=None,
        code_used=False,
        failures=0,
    )
    url = reply_url(case, token)
    queue_sms(
        phone,
        zh(
            _(
                "employer_notice_sms",
                default="${employer}：劳动者就与贵单位的劳动争议提出了维权申请（受理编号${reference}）。"
                "贵单位可在${days}日内通过以下链接查看请求事项并提交答复和证据：${url}",
            ),
            employer=case.employer_name or "",
            reference=case.getId(),
            days=days,
            url=url,
        ),
    )
    record(case, "employer_notified", "", channel="sms", expires=issued + timedelta(days=days))
    return url


def _case_by_uid(uid):
    if not isinstance(uid, str) or not uid:
        return None
    brains = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(UID=uid, portal_type="Case")
    return brains[0]._unrestrictedGetObject() if brains else None


def case_ended(case):
    """Closed, not accepted, withdrawn or anonymised: nothing left for the employer to answer."""
    # Imported here: retention imports this module (it removes the link on anonymising).
    from suizhou.laborrights.cases import retention

    state = api.portal.get_tool("portal_workflow").getInfoFor(case, "review_state", None)
    return state in retention.ENDED_STATES or retention.anonymised(case) is not None


def open_link(uid, token):
    """The case whose link this is, or ``Denied`` (unknown case, another case's token, an
    expired or replaced link, a case that has ended, a locked link): one answer for all but
    the lock."""
    case = _case_by_uid(uid)
    state = _state(case) if case is not None else None
    if state is None or not isinstance(token, str) or not hmac.compare_digest(state["token"], _hash(token)):
        raise Denied(LINK_INVALID)
    if now() >= state["expires"] or case_ended(case):
        raise Denied(LINK_INVALID)
    if state["failures"] >= MAX_FAILURES:
        raise Denied(LINK_LOCKED)
    return case


def send_code(case):
    """Send a new six-digit code to the employer's phone on record (the earlier code stops
    working). ``Denied`` when asked again within ``CODE_RESEND_SECONDS``."""
    state = _state(case)
    current = now()
    if state["code_issued"] is not None and not state["code_used"]:
        waited = (current - state["code_issued"]).total_seconds()
        if waited < CODE_RESEND_SECONDS:
            raise Denied(CODE_TOO_SOON, seconds=int(CODE_RESEND_SECONDS - waited) + 1)
    code = f"{secrets.randbelow(1000000):06d}"
    state.update(code=_hash(code), code_issued=current, code_used=False)
    queue_sms(
        state["phone"],
        zh(
            _(
                "employer_code_sms",
                default="验证码${code}，用于答复维权事项${reference}，${minutes}分钟内有效，仅可使用一次。请勿告诉他人。",
            ),
            code=code,
            reference=case.getId(),
            minutes=CODE_MINUTES,
        ),
    )
    return code


def use_code(case, code):
    """Accept ``code`` once; ``Denied`` for a missing, wrong, used or expired code (a wrong
    code counts towards the lock)."""
    state = _state(case)
    code = (code or "").strip() if isinstance(code, str) else ""
    if state["code"] is None or not code:
        raise Denied(CODE_MISSING)
    if not hmac.compare_digest(state["code"], _hash(code)):
        state["failures"] += 1
        left = MAX_FAILURES - state["failures"]
        if left <= 0:
            raise Denied(LINK_LOCKED)
        raise Denied(CODE_WRONG, left=left)
    if state["code_used"]:
        raise Denied(CODE_USED)
    if now() - state["code_issued"] > timedelta(minutes=CODE_MINUTES):
        raise Denied(CODE_EXPIRED)
    state["code_used"] = True
