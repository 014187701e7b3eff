"""Limits on anonymous machine filing: ``POST @cases`` and Open311 ``POST requests``.

Registered filings per client (``request.getClientAddr()``) and for the whole site, counted in
the shared counters (``cases.counters``: every instance, kept across restarts); a filing refused
for its content (400) is not counted. Logged-in callers (the desk, the
12345 integration) are not limited. Budgets are registry settings of the filing group, read
with these defaults while a site has no record:

- ``api_client_filings_per_hour`` (10): beyond it, a filing is heard only with the challenge
  solved (429 ``ChallengeRequired``, as for the lookup; ``challenge_token`` and
  ``challenge_answer`` in the body); at three times the budget it is refused outright (429
  ``TooManyRequests`` with Retry-After) until the hour has passed.
- ``api_site_filings_per_hour`` (200): beyond it every anonymous API filing is refused (429
  with Retry-After) and the administrators are told once per hour (e-mail through the
  notifications outbox, and a warning in the log). The web forms are not counted.
"""

from plone import api
from suizhou.laborrights import _
from suizhou.laborrights import logger
from suizhou.laborrights.cases import counters
from suizhou.laborrights.cases.lookup import ChallengeRequired
from suizhou.laborrights.forms import challenge
from suizhou.laborrights.i18n import zh
from suizhou.laborrights.notifications.outbox import queue_mail
from suizhou.laborrights.restapi.citizen import ChallengeError
from suizhou.laborrights.restapi.errors import ApiError
from suizhou.laborrights.settings import setting


WINDOW = 3600
HARD = 3  # times the client budget after which no challenge helps
ADMINS = "city_admins"
COUNTED = "laborrights.counted_filing"  # request key: the client counter of an anonymous filing
STEP_UP = _(
    "filing_challenge_required",
    default="提交较为频繁，请先回答验证问题，再连同答案重新提交。",
)
WRONG_ANSWER = _(
    "filing_challenge_wrong",
    default="验证问题回答错误或已过期，请回答新的验证问题后重新提交。",
)
SPIKE_SUBJECT = _("filing_spike_subject", default="【随州劳动保障维权】匿名接口提交量异常")


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


def check(request, data):
    """Before an API filing with parameters ``data`` (``challenge_token`` and ``challenge_answer``
    are taken out of it): ApiError when an anonymous caller is over a budget (``filed`` counts
    the filing once it is registered)."""
    token, answer = data.pop("challenge_token", None), data.pop("challenge_answer", None)
    if not api.user.is_anonymous():
        return
    counters.ensure()  # before the filing writes the register
    client_budget, site_budget = budgets()
    now = counters.now()
    if counters.minute_total(WINDOW) >= site_budget:
        alarm(site_budget, now)
        raise too_many(60 - now % 60)
    key = f"filing-client:{request.getClientAddr()}"
    times = counters.recent(key, WINDOW)
    if len(times) >= HARD * client_budget:
        raise too_many(max(1, times[-HARD * client_budget] + WINDOW - now))
    if len(times) >= client_budget:
        if not (isinstance(token, str) and challenge.solve(token, str(answer))):
            required = ChallengeRequired(*challenge.new_question(), wrong=bool(token))
            raise ChallengeError(required, message=WRONG_ANSWER if required.wrong else STEP_UP)
    request.other[COUNTED] = key


def filed(request):
    """After a filing that ``check`` let through was registered: count it (filings refused
    for their content are not counted: a citizen correcting a form is no flood)."""
    key = request.other.get(COUNTED)
    if key is None:
        return
    client_budget, site_budget = budgets()
    now = counters.now()
    counters.record([(key, WINDOW, HARD * client_budget)], at=now)
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
    addresses = {user.getProperty("email") or "" for user in api.user.get_users(groupname=ADMINS)}
    addresses.discard("")
    if not addresses:
        addresses = {api.portal.get_registry_record("plone.email_from_address", default="") or ""}
    for address in sorted(filter(None, addresses)):
        queue_mail(address, zh(SPIKE_SUBJECT), zh(body))
