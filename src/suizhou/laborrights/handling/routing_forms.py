"""Routing forms of a case: route (分办/改派) and send back to the intake desk (退回)."""

from plone import api
from plone.z3cform import layout
from suizhou.laborrights import _
from suizhou.laborrights.handling import assignment
from suizhou.laborrights.handling import triage
from suizhou.laborrights.handling.errors import Refused
from suizhou.laborrights.handling.handling_form import case_version
from suizhou.laborrights.handling.handling_form import HandlingForm
from suizhou.laborrights.handling.history import entries
from suizhou.laborrights.handling.panel import state_title
from z3c.form import button
from zope import schema
from zope.interface import Interface


class IRouteForm(Interface):
    route = schema.Choice(
        title=_("label_route", default="分办去向"),
        vocabulary="suizhou.laborrights.vocabularies.Routes",
        required=False,
    )
    unit = schema.Choice(
        title=_("label_assigned_unit", default="承办单位"),
        vocabulary="suizhou.laborrights.vocabularies.Stations",
        required=False,
    )
    handler = schema.Choice(
        title=_("label_handler_choice", default="承办人 / 调解员"),
        vocabulary="suizhou.laborrights.handling.Staff",
        required=False,
    )
    copy_units = schema.List(
        title=_("label_copy_units", default="抄送单位"),
        value_type=schema.Choice(vocabulary="suizhou.laborrights.vocabularies.Stations"),
        required=False,
    )
    collective_dispute = schema.Bool(
        title=_("label_collective_dispute", default="集体劳动争议"), required=False
    )
    fast_track = schema.Bool(title=_("label_fast_track", default="适用速裁（简案快办）"), required=False)
    final_award = schema.Bool(title=_("label_final_award", default="适用终局裁决"), required=False)
    reason = schema.Text(
        title=_("label_route_reason", default="理由"),
        description=_("help_route_reason", default="改派或重新分办时必填。"),
        required=False,
    )


class RouteForm(HandlingForm):
    schema = IRouteForm
    label = _("title_route_case", default="分办")
    description = _(
        "help_route_case",
        default="确认繁简分流建议，选择分办去向、承办单位和承办人。改派须说明理由。",
    )
    show_triage = True
    success_message = _("status_routed", default="已分办。")
    ignoreContext = False

    def getContent(self):
        case = self.context
        found = triage.suggestions(case)
        triaged = any(e.action == "triage" for e in entries(case))

        def flag(name):
            if triaged:
                return bool(getattr(case, name, False))
            return bool(found[name].applies) or bool(getattr(case, name, False))

        route = case.route or (found["route"].applies if "route" in found else None)
        return {
            "route": route,
            "unit": case.assigned_unit,
            "handler": case.handler,
            "copy_units": list(case.copy_units or []),
            "collective_dispute": flag("collective_dispute"),
            "fast_track": flag("fast_track"),
            "final_award": flag("final_award"),
            "reason": "",
            "case_version": case_version(case),
        }

    def info(self):
        case = self.context
        return [
            (_("label_state", default="状态"), state_title(api.content.get_state(case))),
            (_("label_assigned_unit", default="承办单位"), assignment.unit_title(case.assigned_unit)),
            (_("label_assigned_handler", default="承办人"), assignment.handler_title(case.handler)),
        ]

    @button.buttonAndHandler(_("button_route", default="确认分办"), name="route")
    def handle_route(self, action):
        def do(data):
            if not data.get("unit"):
                error = Refused(_("refused_route_needs_unit", default="分办须选择承办单位。"))
                error.field = "unit"
                raise error
            done = assignment.route(
                self.context,
                unit=data["unit"],
                handler=data.get("handler"),
                route=data.get("route"),
                copy_units=data.get("copy_units") or (),
                reason=data.get("reason") or "",
                triage={
                    name: bool(data.get(name))
                    for name in ("collective_dispute", "fast_track", "final_award")
                },
            )
            if done == "assign":
                self.success_message = _("status_assigned", default="已重新指定承办人。")

        self.run(do)

    @button.buttonAndHandler(_("button_cancel", default="取消"), name="cancel")
    def handle_cancel(self, action):
        self.cancel()


RouteView = layout.wrap_form(RouteForm)


class IReasonForm(Interface):
    reason = schema.Text(title=_("label_reason", default="理由"), required=False)


class SendBackForm(HandlingForm):
    schema = IReasonForm
    label = _("title_send_back", default="退回")
    description = _(
        "help_send_back",
        default="将事项退回受理窗口重新分办（例如不属于本单位管辖）。须说明理由。",
    )
    success_message = _("status_sent_back", default="已退回受理窗口。")

    @button.buttonAndHandler(_("button_send_back", default="退回"), name="send_back")
    def handle_send_back(self, action):
        def do(data):
            try:
                assignment.send_back(self.context, data.get("reason"))
            except Refused as refused:
                refused.field = "reason"
                raise

        self.run(do)

    @button.buttonAndHandler(_("button_cancel", default="取消"), name="cancel")
    def handle_cancel(self, action):
        self.cancel()


SendBackView = layout.wrap_form(SendBackForm)
