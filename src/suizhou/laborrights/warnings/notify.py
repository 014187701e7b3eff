"""New red warnings are told once, by e-mail through the outbox (sent after commit), to whoever
sees them (``warnings.access``: the city's administrators and those of the warning's districts,
by group or by a role given through sharing). The e-mail names the rule, the subject and the
number of cases; the cases and people are on the warning page."""

from plone import api
from suizhou.laborrights import _
from suizhou.laborrights.cases.register import get_register
from suizhou.laborrights.i18n import zh
from suizhou.laborrights.notifications.outbox import queue_mail
from suizhou.laborrights.notifications.recipients import site_url
from suizhou.laborrights.staff.administered import administered_districts
from suizhou.laborrights.staff.administered import CITY_ROLES
from suizhou.laborrights.warnings.access import may_see
from suizhou.laborrights.warnings.titles import rule_title


def recipients(warning):
    """The addresses of the site's users who may see ``warning``: the same rule as the pages'.
    A walk over the users, once per red warning; roles may come from any group or sharing."""
    register = get_register()
    folders = [register] + [register[code] for code in warning.districts if code in register]
    addresses = []
    for user in api.user.get_users():
        address = (user.getProperty("email") or "").strip()
        if address and address not in addresses and _supervises(user, folders):
            if may_see(warning, administered_districts(user)):
                addresses.append(address)
    return addresses


def _supervises(user, folders):
    """A first look that passes everyone who may see the warning (a supervising role on the
    register or on one of its districts' folders), from the user's own roles there: only those
    are asked ``administered_districts``, which looks each user up again for each folder (at 70
    users, 0.3 s a warning)."""
    return any(CITY_ROLES.intersection(user.getRolesInContext(folder)) for folder in folders)


def tell_red(warning, base_url=None):
    """Once per warning, when it is (or becomes) red; the link under ``base_url`` (the site's
    address), else under this thread's site address."""
    if warning.level != "red" or warning.notified:
        return
    warning.notified = True
    facts = {
        "rule": zh(rule_title(warning.rule)),
        "subject": warning.subject,
        "cases": len(warning.cases),
        "workers": warning.workers,
        "url": f"{base_url or site_url()}/@@warning?id={warning.id}",
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
