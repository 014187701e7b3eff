"""Guide (办事指南 / 一次性告知清单 / 服务须知): one service card per matter."""

from collective.z3cform.datagridfield.datagridfield import DataGridFieldWidgetFactory
from collective.z3cform.datagridfield.row import DictRow
from plone.app.textfield import RichText
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.supermodel import model
from suizhou.laborrights import _
from z3c.form.browser.checkbox import CheckBoxFieldWidget
from zope import schema
from zope.interface import implementer
from zope.interface import Interface
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


GUIDE_KINDS = SimpleVocabulary(
    [
        SimpleTerm("guide", "guide", _("guide_kind_guide", default="办事指南")),
        SimpleTerm("checklist", "checklist", _("guide_kind_checklist", default="一次性告知清单")),
        SimpleTerm("notice", "notice", _("guide_kind_notice", default="服务须知")),
    ]
)

MATERIAL_FORMS = SimpleVocabulary(
    [
        SimpleTerm("original", "original", _("material_original", default="原件")),
        SimpleTerm("copy", "copy", _("material_copy", default="复印件")),
        SimpleTerm("both", "both", _("material_both", default="原件及复印件")),
    ]
)


class IMaterialRow(Interface):
    material = schema.TextLine(title=_("label_material", default="材料名称"))
    form = schema.Choice(title=_("label_material_form", default="原件/复印件"), vocabulary=MATERIAL_FORMS)
    count = schema.Int(title=_("label_material_count", default="份数"), default=1, min=1)
    note = schema.TextLine(title=_("label_material_note", default="备注"), required=False)


class IGuide(model.Schema):
    guide_kind = schema.Choice(
        title=_("label_guide_kind", default="类别"),
        vocabulary=GUIDE_KINDS,
        default="guide",
    )
    dispute_types = schema.List(
        title=_("label_guide_matter", default="适用事项"),
        value_type=schema.Choice(vocabulary="suizhou.laborrights.vocabularies.DisputeTypes"),
        required=False,
    )
    directives.widget("dispute_types", CheckBoxFieldWidget)
    who_may_apply = schema.Text(title=_("label_who_may_apply", default="申请对象"), required=False)
    materials = schema.List(
        title=_("label_materials", default="所需材料"),
        value_type=DictRow(title=_("label_material", default="材料名称"), schema=IMaterialRow),
        required=False,
        default=[],
    )
    directives.widget("materials", DataGridFieldWidgetFactory)
    steps = RichText(title=_("label_steps", default="办理流程"), required=False)
    legal_time_limit = schema.TextLine(title=_("label_legal_time_limit", default="法定时限"), required=False)
    promised_time_limit = schema.TextLine(
        title=_("label_promised_time_limit", default="承诺时限"),
        required=False,
    )
    fee = schema.TextLine(title=_("label_fee", default="收费标准"), default="不收费", required=False)
    where = schema.Text(title=_("label_where", default="办理地点"), required=False)
    legal_basis = schema.Text(title=_("label_legal_basis", default="法律依据"), required=False)
    related_forms = schema.List(
        title=_("label_related_forms", default="相关表格（链接）"),
        value_type=schema.TextLine(),
        required=False,
    )


@implementer(IGuide)
class Guide(Item):
    pass
