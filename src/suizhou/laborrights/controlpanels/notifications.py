"""Control panel 维权平台：通知 (``@@laborrights-notifications``): who is told what, through
which SMS gateway (and the HTTP SMS platform's account), how often a failed send is retried;
registry records ``suizhou.laborrights.notifications.*``; and the vocabulary of the installed
SMS gateways.

The prefix is a stored name: never change it.
"""

from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.supermodel import model
from suizhou.laborrights import _
from suizhou.laborrights.notifications.interfaces import ISMSGateway
from zope import schema
from zope.component import getUtilitiesFor
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


PREFIX = "suizhou.laborrights.notifications"


class INotificationSettings(model.Schema):
    """Who is told what, and through which SMS gateway."""

    notify_applicant_by_email = schema.Bool(
        title=_("label_notify_applicant_by_email", default="向申请人发送电子邮件"),
        description=_("help_notify_applicant_by_email", default="仅在申请人留有电子邮箱时发送。"),
        default=True,
        required=False,
    )
    notify_applicant_by_sms = schema.Bool(
        title=_("label_notify_applicant_by_sms", default="向申请人发送短信"),
        description=_("help_notify_applicant_by_sms", default="仅在联系电话为手机号码时发送。"),
        default=True,
        required=False,
    )
    notify_units_by_email = schema.Bool(
        title=_("label_notify_units_by_email", default="向承办单位和承办人发送电子邮件"),
        default=True,
        required=False,
    )
    sms_gateway = schema.Choice(
        title=_("label_sms_gateway", default="短信网关"),
        description=_(
            "help_sms_gateway",
            default="本站已安装的短信网关；“仅记录日志”不发送短信，接入短信服务商前使用。",
        ),
        vocabulary="suizhou.laborrights.notifications.SMSGateways",
        default="log",
    )
    sms_signature = schema.TextLine(
        title=_("label_sms_signature", default="短信签名"),
        default="【随州劳动维权】",
    )
    site_url = schema.TextLine(
        title=_("label_notification_site_url", default="对外网址"),
        description=_(
            "help_notification_site_url",
            default="通知中链接所用的网址，如 https://wq.example.gov.cn；留空则用本站当前网址。",
        ),
        required=False,
    )
    retry_minutes = schema.List(
        title=_("label_retry_minutes", default="发送失败后的重试间隔（分钟）"),
        description=_(
            "help_retry_minutes",
            default="每行一个：第一次发送失败后第几分钟重试，再失败后隔多久再试……"
            "最后一次仍失败的邮件和短信列入“未发出的通知”，由管理员处理。",
        ),
        value_type=schema.Int(min=1),
        default=[5, 30, 120, 720],
        missing_value=[],
        required=False,
    )
    sms_http_url = schema.TextLine(
        title=_("label_sms_http_url", default="HTTP短信平台：接口地址"),
        description=_(
            "help_sms_http_url",
            default="短信网关选“HTTP短信平台”时使用，如 https://sms.example.com/api/send。",
        ),
        required=False,
    )
    sms_http_account = schema.TextLine(
        title=_("label_sms_http_account", default="HTTP短信平台：账号"),
        required=False,
    )
    sms_http_key = schema.TextLine(
        title=_("label_sms_http_key", default="HTTP短信平台：密钥"),
        required=False,
    )
    sms_http_sign_name = schema.TextLine(
        title=_("label_sms_http_sign_name", default="HTTP短信平台：签名名称"),
        description=_("help_sms_http_sign_name", default="在短信平台报备的签名，如“随州劳动维权”。"),
        required=False,
    )
    employer_link_days = schema.Int(
        title=_("label_employer_link_days", default="用人单位答复链接有效期（日）"),
        description=_(
            "help_employer_link_days",
            default="承办人向用人单位发送维权申请通知后，答复链接在此天数内有效。",
        ),
        default=14,
        min=1,
        max=90,
    )
    sms_http_timeout = schema.Int(
        title=_("label_sms_http_timeout", default="HTTP短信平台：超时（秒）"),
        description=_("help_sms_http_timeout", default="超时未答复视为发送失败，稍后重试。"),
        default=10,
        min=1,
        max=120,
    )


@provider(IVocabularyFactory)
def SMSGateways(context=None):
    """The SMS gateways registered on this site (named ``ISMSGateway`` utilities)."""
    return SimpleVocabulary(
        [
            SimpleTerm(value=name, token=name, title=getattr(gateway, "title", name) or name)
            for name, gateway in sorted(getUtilitiesFor(ISMSGateway))
        ]
    )


class NotificationSettingsForm(RegistryEditForm):
    schema = INotificationSettings
    schema_prefix = PREFIX
    label = _("label_notification_controlpanel", default="维权平台：通知")


class NotificationSettingsView(ControlPanelFormWrapper):
    form = NotificationSettingsForm
