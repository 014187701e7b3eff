"""Publishing with review: publicity staff submit, the reviewers group is told by e-mail.

The mail holds the title and the address of the item, nothing of its text. It goes through the
site's MailHost, which sends when the transaction commits (a retried request sends once).
"""

from plone import api
from suizhou.laborrights import _
from suizhou.laborrights import logger
from suizhou.laborrights import settings
from zope.i18n import translate


REVIEWED_TYPES = ("TypicalCase", "Guide", "News Item")
REVIEWERS_GROUP = "reviewers"


def site_language():
    """The site's language as a message catalog names it ('zh-cn' → 'zh_CN'): the mail is
    written in it, whatever the submitter's browser prefers."""
    code, _sep, region = (api.portal.get_default_language() or "zh-cn").partition("-")
    return f"{code}_{region.upper()}" if region else code


def reviewer_addresses():
    """The e-mail addresses of the members of the reviewers group (sorted, no duplicates)."""
    if api.group.get(groupname=REVIEWERS_GROUP) is None:
        return []
    addresses = {
        (user.getProperty("email") or "").strip() for user in api.user.get_users(groupname=REVIEWERS_GROUP)
    }
    return sorted(address for address in addresses if address)


def notify_reviewers(obj, event):
    """On 'submit' of a typical case, guide or news item: mail every reviewer."""
    if event.action != "submit" or obj.portal_type not in REVIEWED_TYPES:
        return
    if not settings.setting("public", "notify_reviewers"):
        return
    addresses = reviewer_addresses()
    if not addresses:
        logger.warning("No reviewer with an e-mail address to tell about %s", obj.absolute_url())
        return
    request = getattr(obj, "REQUEST", None)
    language = site_language()
    author = api.user.get_current()
    fti = obj.getTypeInfo()
    mapping = {
        "type": translate(
            fti.Title(), domain=fti.i18n_domain or "plone", context=request, target_language=language
        ),
        "title": obj.Title(),
        "author": author.getProperty("fullname") or author.getId(),
        "url": obj.absolute_url(),
        "site": api.portal.get_registry_record("plone.site_title", default=""),
    }
    subject = translate(
        _("mail_review_subject", default="【待审核】${type}：${title}", mapping=mapping),
        context=request,
        target_language=language,
    )
    body = translate(
        _(
            "mail_review_body",
            default="${author} 提交了${type}《${title}》，等待审核发布。\n\n"
            "请登录后打开下面的地址审核；发布前请核对内容已脱敏（不含当事人姓名、身份证号、电话、住址）：\n"
            "${url}\n\n${site}",
            mapping=mapping,
        ),
        context=request,
        target_language=language,
    )
    for address in addresses:
        try:
            api.portal.send_email(recipient=address, subject=subject, body=body)
        except ValueError as error:  # no sender address configured, or no MailHost
            logger.warning("Review notice for %s not sent: %s", obj.absolute_url(), error)
            return
