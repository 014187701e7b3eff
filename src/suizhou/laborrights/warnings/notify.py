"""New red warnings are told once, by e-mail through the outbox (sent after commit), to whoever
sees them (``warnings.access``: the city's administrators and those of the warning's districts,
by group or by a role given through sharing). The e-mail names the rule, the subject and the
number of cases; the cases and people are on the warning page."""

from plone import api
from suizhou.laborrights import _
from suizhou.laborrights.i18n import zh
from suizhou.laborrights.notifications.outbox import queue_mail
from suizhou.laborrights.notifications.recipients import site_url
from suizhou.laborrights.staff.administered import administered_districts
from suizhou.laborrights.warnings.access import may_see
from suizhou.laborrights.warnings.titles import rule_title


def recipients(warning):
    """The addresses of the site's users who may see ``warning``: the same rule as the pages'.
    A walk over the users, once per red warning (rare); roles may come from any group or sharing."""
    addresses = []
    for user in api.user.get_users():
        address = (user.getProperty("email") or "").strip()
        if address and address not in addresses and may_see(warning, administered_districts(user)):
            addresses.append(address)
    return addresses


def tell_red(warning):
    """Once per warning, when it is (or becomes) red."""
    if warning.level != "red" or warning.notified:
        return
    warning.notified = True
    facts = {
        "rule": zh(rule_title(warning.rule)),
        "subject": warning.subject,
        "cases": len(warning.cases),
        "workers": warning.workers,
        "url": f"{site_url()}/@@warning?id={warning.id}",
    }
    subject = zh(_("mail_warning_red_subject", default="【红色预警】${rule}：${subject}"), **facts)
    body = zh(
        _(
            "mail_warning_red_body",
            default="系统发出红色风险预警。\n规则：${rule}\n对象：${subject}\n涉及事项：${cases} 件，"
            "涉及劳动者：${workers} 人\n请登录平台查看并处置：${url}",
        ),
        **facts,
    )
    for address in recipients(warning):
        queue_mail(address, subject, body)
