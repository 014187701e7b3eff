"""Widget wording on this site.

- An optional drop-down list offers "请选择", not z3c.form's "空值" ("no value"), which means
  nothing to a citizen filling in a form.
- On the public (easyform) forms a missing answer says what to do with which field ("请填写投诉人
  姓名。", "请选择投诉事项类型。"), not zope.schema's "缺少必需的输入" ("required input is missing").
"""

from collective.easyform.interfaces import IEasyForm
from suizhou.laborrights import _
from suizhou.laborrights.i18n import zh
from suizhou.laborrights.interfaces import IBrowserLayer
from z3c.form.error import ComputedErrorViewMessage
from z3c.form.interfaces import ISelectWidget
from z3c.form.widget import StaticWidgetAttribute
from zope.schema.interfaces import IBool
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import ICollection
from zope.schema.interfaces import RequiredMissing


SelectNoValueMessage = StaticWidgetAttribute(
    _("select_no_value", default="请选择"), request=IBrowserLayer, widget=ISelectWidget
)


def required_message(adapter):
    field = adapter.field
    label = zh(getattr(adapter.widget, "label", None) or getattr(field, "title", "") or "").strip()
    if IBool.providedBy(field):
        return _("error_required_tick", default="请阅读并勾选此项后再提交。")
    if IChoice.providedBy(field) or ICollection.providedBy(field):
        return zh(_("error_required_choice", default="请选择${label}。"), label=label)
    return zh(_("error_required_text", default="请填写${label}。"), label=label)


RequiredMissingMessage = ComputedErrorViewMessage(
    required_message, error=RequiredMissing, request=IBrowserLayer, content=IEasyForm
)
