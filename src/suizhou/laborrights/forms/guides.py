"""Viewlets of the public forms: links to the matter's guides and checklists, and the style
that keeps the honeypot field out of sight.

A form's matters are the dispute types listed on its create-case action (``matters``); the
published guides (办事指南) and checklists (一次性告知清单) of those types are found in the
catalog, checklists first.
"""

from collective.easyform.api import get_actions
from collective.easyform.api import get_schema
from plone import api
from plone.app.layout.viewlets import ViewletBase
from plone.namedfile.interfaces import INamedField
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from suizhou.laborrights import _
from suizhou.laborrights.enterprise.action import ICreateServiceOrder
from suizhou.laborrights.forms.action import ICreateCase
from suizhou.laborrights.forms.files import IAttachments
from suizhou.laborrights.forms.view import form_schema
from suizhou.laborrights.i18n import zh
from suizhou.laborrights.resources import theme_url
from suizhou.laborrights.settings import setting
from zope.schema import getFieldsInOrder


GUIDE_KINDS = ("checklist", "guide")  # checklists first
HONEYPOT_CLASS = "laborrights-honeypot"


def create_case_actions(form):
    """The form's filing actions: create-case, and the enterprise service order's (it has
    ``matters`` too)."""
    filing = (ICreateCase, ICreateServiceOrder)
    return [
        action
        for _name, action in getFieldsInOrder(get_actions(form))
        if any(interface.providedBy(action) for interface in filing)
    ]


def form_matters(form, actions=None):
    matters = []
    for action in create_case_actions(form) if actions is None else actions:
        matters += [code.strip() for code in action.matters or () if code.strip()]
    return list(dict.fromkeys(matters))


def form_guides(form, limit=8, actions=None):
    matters = form_matters(form, actions)
    if not matters:
        return []
    brains = []
    for kind in GUIDE_KINDS:
        brains += api.content.find(
            portal_type="Guide",
            guide_kind=kind,
            dispute_types={"query": matters, "operator": "or"},
            review_state="published",
            sort_on="sortable_title",
        )
    return [{"title": brain.Title, "url": brain.getURL(), "description": brain.Description} for brain in brains[:limit]]


def attachment_rules(form, schema=None):
    """The registry's attachment limits in words, if the form takes files."""
    schema = get_schema(form) if schema is None else schema
    if not any(
        INamedField.providedBy(field) or IAttachments.providedBy(field) for _name, field in getFieldsInOrder(schema)
    ):
        return ""
    return zh(
        _(
            "help_attachment_rules",
            default="附件：支持 ${types} 格式，每个文件不超过 ${size} MB，最多 ${count} 个。",
            mapping={
                "types": "、".join(setting("filing", "attachment_extensions") or ()),
                "size": setting("filing", "attachment_max_size_mb"),
                "count": setting("filing", "attachment_max_count"),
            },
        )
    )


class FormGuidesViewlet(ViewletBase):
    """办事指南与告知清单 of the form's matters and the attachment rules, above the form."""

    index = ViewPageTemplateFile("templates/form_guides.pt")

    def update(self):
        super().update()
        self.guides, self.attachment_rules = [], ""
        actions = create_case_actions(self.context)
        if actions:
            self.guides = form_guides(self.context, actions=actions)
            self.attachment_rules = attachment_rules(self.context, form_schema(self.context, self.request))


class FormStyleViewlet(ViewletBase):
    """The public forms' own stylesheet and script (theme/css/forms.css, theme/js/forms.js), and
    the style that hides the honeypot field from people (not from robots)."""

    def index(self):
        if not create_case_actions(self.context):
            return ""
        theme = theme_url()
        return (
            f'<link rel="stylesheet" href="{theme}/css/forms.css">'
            f'<script src="{theme}/js/forms.js" defer></script>'
            f"<style>.{HONEYPOT_CLASS}{{position:absolute!important;left:-10000px!important;"
            "width:1px;height:1px;overflow:hidden}</style>"
        )
