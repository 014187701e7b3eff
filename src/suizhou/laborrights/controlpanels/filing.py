"""Control panel 维权平台：网上申请 (``@@laborrights-filing``): attachments, anti-spam, duplicates
and receipts of the public forms, the budgets of anonymous API filing
(``restapi.filing_limits``), registry records ``suizhou.laborrights.filing.*``.

The prefix is a stored name: never change it.
"""

from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.supermodel import model
from suizhou.laborrights import _
from zope import schema


PREFIX = "suizhou.laborrights.filing"


class IFilingSettings(model.Schema):
    """Attachments, anti-spam, duplicates and receipts of the public forms; API filing budgets."""

    attachment_max_size_mb = schema.Int(
        title=_("label_attachment_max_size_mb", default="单个附件大小上限（MB）"),
        default=10,
        min=1,
    )
    attachment_max_count = schema.Int(
        title=_("label_attachment_max_count", default="每次申请的附件数量上限"),
        description=_(
            "help_attachment_max_count",
            default="表单中的附件栏不应多于此数；多于此数的附件不予接收。",
        ),
        default=5,
        min=0,
    )
    attachment_extensions = schema.Tuple(
        title=_("label_attachment_extensions", default="允许的附件类型（扩展名）"),
        description=_(
            "help_attachment_extensions",
            default="每行一个扩展名，不带点。可选：pdf、jpg、jpeg、png、doc、docx。",
        ),
        value_type=schema.Choice(values=("pdf", "jpg", "jpeg", "png", "doc", "docx")),
        default=("pdf", "jpg", "jpeg", "png", "doc", "docx"),
        missing_value=(),
        required=False,
    )
    challenge_enabled = schema.Bool(
        title=_("label_challenge_enabled", default="启用验证问题（本地算术题）"),
        description=_(
            "help_challenge_enabled",
            default="开启后，网上申请表单须回答一道简单算术题才能提交；不使用任何外部服务。",
        ),
        default=False,
        required=False,
    )
    duplicate_window_days = schema.Int(
        title=_("label_duplicate_window_days", default="疑似重复申请的判断期间（日）"),
        description=_(
            "help_duplicate_window_days",
            default="同一联系电话就同一用人单位在此期间内再次申请的，提示工作人员合并核查，不拒收。",
        ),
        default=7,
        min=0,
    )
    receipt_valid_hours = schema.Int(
        title=_("label_receipt_valid_hours", default="网上回执链接有效期（小时）"),
        description=_(
            "help_receipt_valid_hours",
            default="提交后跳转的回执页面及其PDF下载链接在此期间内有效；此后请凭受理编号查询进度。"
            "链接可能留在浏览器记录和日志中，宜短。",
        ),
        default=2,
        min=1,
    )
    api_client_filings_per_hour = schema.Int(
        title=_("label_api_client_filings_per_hour", default="接口匿名提交：每个来源每小时件数"),
        description=_(
            "help_api_client_filings_per_hour",
            default="不带接口密钥经 POST @cases 或 Open311 提交的，同一来源地址每小时超过此数须回答验证问题，"
            "超过三倍则暂停受理至满一小时。网站表单不计入；持有接口密钥的客户端按密钥自己的限额计。",
        ),
        default=10,
        min=1,
    )
    api_site_filings_per_hour = schema.Int(
        title=_("label_api_site_filings_per_hour", default="接口匿名提交：全站每小时件数"),
        description=_(
            "help_api_site_filings_per_hour",
            default="全站不带接口密钥的接口提交每小时超过此数即全部暂停受理，并每小时至多一次通知市级管理员。",
        ),
        default=200,
        min=1,
    )


class FilingSettingsForm(RegistryEditForm):
    schema = IFilingSettings
    schema_prefix = PREFIX
    label = _("label_filing_controlpanel", default="维权平台：网上申请")


class FilingSettingsView(ControlPanelFormWrapper):
    form = FilingSettingsForm
