"""Limits on machine filing: ``POST @cases`` and Open311 ``POST requests``.

Registered filings are counted in the shared counters (``cases.counters``: every instance, kept
across restarts); a filing refused for its content (400) is not counted.

A known client presents its API key (``api_keys``: the ``X-Api-Key`` header, or Open311's
``api_key`` parameter) and files within the key's own budget per hour (the last sixty minutes,
counted per minute: one small write per filing), whoever is logged in;
beyond it a 429 ``TooManyRequests`` with Retry-After (no challenge: a program cannot answer
one) and the administrators are told once per hour. A key the site never issued is a 401, a
revoked one a 403: a key that does not work is never taken as no key.

Without a key, logged-in callers (the desk, the 12345 integration) are not limited, and an
anonymous caller (a citizen's mini-program build without a key, any script) is limited per
client (``request.getClientAddr()``) and for the whole site, by settings of the filing control
panel:

- ``api_client_filings_per_hour`` (10): beyond it, a filing is heard only with the challenge
  solved (429 ``ChallengeRequired``, as for the lookup; ``challenge_token`` and
  ``challenge_answer`` in the body); at three times the budget it is refused outright (429
  ``TooManyRequests`` with Retry-After) until the hour has passed.
- ``api_site_filings_per_hour`` (200): beyond it every anonymous API filing is refused (429
  with Retry-After) and the administrators are told once per hour (e-mail through the
  notifications outbox, and a warning in the log). The web forms and keyed filings are not
  counted.
"""

from plone import api
from suizhou.laborrights import _
from suizhou.laborrights import logger
from suizhou.laborrights.cases import counters
from suizhou.laborrights.cases.lookup import ChallengeRequired
from suizhou.laborrights.forms import challenge
from suizhou.laborrights.i18n import zh
from suizhou.laborrights.notifications.outbox import queue_mail
from suizhou.laborrights.restapi import api_keys
from suizhou.laborrights.restapi.citizen import ChallengeError
from suizhou.laborrights.restapi.errors import ApiError
from suizhou.laborrights.settings import setting
from suizhou.laborrights.settings import site_name


WINDOW = 3600
HARD = 3  # times the client budget after which no challenge helps
ADMINS = "city_admins"
COUNTED = "laborrights.counted_filing"  # request key: (counter, events kept, site-wide?) of a filing
STEP_UP = _(
    "filing_challenge_required",
    default="提交较为频繁，请先回答验证问题，再连同答案重新提交。",
)
WRONG_ANSWER = _(
    "filing_challenge_wrong",
    default="验证问题回答错误或已过期，请回答新的验证问题后重新提交。",
)
SPIKE_SUBJECT = _("filing_spike_subject_site", default="【${site}】匿名接口提交量异常")
KEY_SPIKE_SUBJECT = _("filing_key_spike_subject_site", default="【${site}】接口密钥提交量超过限额")


def budgets():
    return (
        setting("filing", "api_client_filings_per_hour", default=10),
        setting("filing", "api_site_filings_per_hour", default=200),
    )


def too_many(seconds):
    return ApiError(
        429,
        "TooManyRequests",
        _("api_error_filing_too_many", default="提交过于频繁，请${seconds}秒后再试。", mapping={"seconds": seconds}),
        headers={"Retry-After": str(seconds)},
    )


def check(request, data, key=None):
    """Before an API filing with parameters ``data`` (``challenge_token`` and ``challenge_answer``
    are taken out of it) and the API key ``key`` (Open311's parameter; else the header):
    ApiError when the key does not work or the caller is over a budget (``filed`` counts the
    filing once it is registered)."""
    token, answer = data.pop("challenge_token", None), data.pop("challenge_answer", None)
    key = api_keys.presented(request, key)
    if key:
        return check_known_client(request, key)
    if not api.user.is_anonymous():
        return
    counters.ensure()  # before the filing writes the register
    client_budget, site_budget = budgets()
    now = counters.now()
    if counters.minute_total(WINDOW) >= site_budget:
        alarm(site_budget, now)
        raise too_many(60 - now % 60)
    counter = f"filing-client:{request.getClientAddr()}"
    times = counters.recent(counter, WINDOW)
    if len(times) >= HARD * client_budget:
        raise too_many(max(1, times[-HARD * client_budget] + WINDOW - now))
    if len(times) >= client_budget:
        if not (isinstance(token, str) and challenge.solve(token, str(answer))):
            required = ChallengeRequired(*challenge.new_question(), wrong=bool(token))
            raise ChallengeError(required, message=WRONG_ANSWER if required.wrong else STEP_UP)
    request.other[COUNTED] = (counter, HARD * client_budget, True)


def check_known_client(request, key):
    key_id, entry = api_keys.client(key)
    counters.ensure()
    budget, now = entry["budget"], counters.now()
    counter = f"filing-key:{key_id}"
    minutes = counters.minute_counts(WINDOW, at=now, key=counter)
    if sum(count for _minute, count in minutes) >= budget:
        key_alarm(key_id, entry, now)
        raise too_many(retry_after(minutes, budget, now))
    request.other[COUNTED] = (counter, None, False)


def retry_after(minutes, budget, now):
    """Seconds until the oldest minutes of ``minutes`` ([(minute, count)], oldest first) have
    left the window enough for the count to be under ``budget`` again."""
    total = sum(count for _minute, count in minutes)
    for minute, count in minutes:
        total -= count
        if total < budget:
            return max(1, minute * 60 + WINDOW - now)
    return WINDOW


def filed(request):
    """After a filing that ``check`` let through was registered: count it (filings refused
    for their content are not counted: a citizen correcting a form is no flood). A key's
    filings are counted per minute: one small write whatever its budget."""
    counted = request.other.get(COUNTED)
    if counted is None:
        return
    counter, keep, site_wide = counted
    now = counters.now()
    if not site_wide:
        counters.count_minute(WINDOW, at=now, key=counter)
        return
    counters.record([(counter, WINDOW, keep)], at=now)
    site_budget = budgets()[1]
    if counters.count_minute(WINDOW, at=now) > site_budget:
        alarm(site_budget, now)


def alarm(budget, now):
    """Tell the administrators of a spike, once per hour (whichever instance sees it first)."""
    hour = now // WINDOW
    if not counters.use_once(f"filing-spike-{hour}", (hour + 1) * WINDOW):
        return
    count = max(counters.minute_total(WINDOW), budget + 1)
    logger.warning("Anonymous API filings: %s in the last hour, over the budget of %s", count, budget)
    body = _(
        "filing_spike_body",
        default="最近一小时内经接口（POST @cases、Open311）匿名提交了 ${count} 件，超过限额 ${budget} 件，"
        "超出部分已被拒绝。请检查是否有人用程序批量提交，并核查受理台中的新事项。本提醒每小时最多发送一次。",
        mapping={"count": count, "budget": budget},
    )
    tell_administrators(SPIKE_SUBJECT, body)


def key_alarm(key_id, entry, now):
    """Tell the administrators once per hour that a known client is over its budget (a program
    gone wrong, or its key in other hands)."""
    hour = now // WINDOW
    if not counters.use_once(f"filing-key-spike-{key_id}-{hour}", (hour + 1) * WINDOW):
        return
    logger.warning(
        "API key %s… (%s) over its budget of %s filings per hour", entry["hint"], entry["client"], entry["budget"]
    )
    body = _(
        "filing_key_spike_body",
        default="持有接口密钥“${hint}…”的客户端“${client}”最近一小时内的提交已达限额 ${budget} 件，"
        "超出部分已被拒绝。请与该客户端核实；如密钥可能泄露，请在“维权平台：接口密钥”中停用并另发新密钥。"
        "本提醒每小时最多发送一次。",
        mapping={"hint": entry["hint"], "client": entry["client"], "budget": entry["budget"]},
    )
    tell_administrators(KEY_SPIKE_SUBJECT, body)


def tell_administrators(subject, body):
    """E-mail to the city administrators (through the outbox), else to the site's sender address."""
    addresses = {user.getProperty("email") or "" for user in api.user.get_users(groupname=ADMINS)}
    addresses.discard("")
    if not addresses:
        addresses = {api.portal.get_registry_record("plone.email_from_address", default="") or ""}
    for address in sorted(filter(None, addresses)):
        queue_mail(address, zh(subject, site=site_name()), zh(body))
