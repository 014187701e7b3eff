"""New red warnings are told once to the city administrators and to the administrators of the
warning's districts, by e-mail through the outbox (sent after commit). The e-mail names the rule,
the subject and the number of cases; the cases and people are on the warning page."""

from plone import api
from suizhou.laborrights import _
from suizhou.laborrights.i18n import zh
from suizhou.laborrights.notifications.outbox import queue_mail
from suizhou.laborrights.notifications.recipients import site_url
from suizhou.laborrights.setuphandlers import district_admins_group
from suizhou.laborrights.warnings.access import CITY_GROUP
from suizhou.laborrights.warnings.titles import rule_title


def recipients(warning):
    groups = [CITY_GROUP] + [district_admins_group(code) for code in warning.districts]
    addresses = []
    for group in groups:
        if api.group.get(groupname=group) is None:
            continue
        for user in api.user.get_users(groupname=group):
            address = (user.getProperty("email") or "").strip()
            if address and address not in addresses:
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
