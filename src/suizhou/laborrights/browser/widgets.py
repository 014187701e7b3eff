"""Widget wording on this site: an optional drop-down list offers "请选择", not z3c.form's
"空值" ("no value"), which means nothing to a citizen filling in a form."""

from suizhou.laborrights import _
from suizhou.laborrights.interfaces import IBrowserLayer
from z3c.form.interfaces import ISelectWidget
from z3c.form.widget import StaticWidgetAttribute


SelectNoValueMessage = StaticWidgetAttribute(
    _("select_no_value", default="请选择"), request=IBrowserLayer, widget=ISelectWidget
)
