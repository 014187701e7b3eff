"""JobSeeker (求职登记): a real-name registration at a gig-worker station.

Private like a case: only the station's staff (its unit group, given ``Editor`` on the record)
and the site's managers see it (``gig_seeker_workflow``). The title is the reference, never the
name, so that no listing a stray permission opened would show who registered."""

from plone.autoform import directives
from plone.dexterity.content import Item
from plone.supermodel import model
from suizhou.laborrights import _
from suizhou.laborrights import validators
from z3c.form.browser.checkbox import CheckBoxFieldWidget
from zope import schema
from zope.interface import implementer


class IJobSeeker(model.Schema):
    real_name = schema.TextLine(title=_("label_real_name", default="姓名"), max_length=30)
    id_number = schema.TextLine(
        title=_("label_id_number", default="身份证号码"),
        constraint=validators.check_id_number,
    )
    phone = schema.TextLine(title=_("label_mobile", default="手机号码"), constraint=validators.check_phone)
    skills = schema.Text(title=_("label_skills", default="技能特长"), required=False, max_length=500)
    wanted_trades = schema.List(
        title=_("label_wanted_trades", default="意向行业工种"),
        value_type=schema.Choice(vocabulary="suizhou.laborrights.gig.Trades"),
    )
    directives.widget("wanted_trades", CheckBoxFieldWidget)
    wanted_district = schema.Choice(
        title=_("label_wanted_district", default="意向工作地点（区县）"),
        vocabulary="suizhou.laborrights.vocabularies.Districts",
    )
    availability = schema.List(
        title=_("label_availability", default="可工作时间"),
        value_type=schema.Choice(vocabulary="suizhou.laborrights.gig.Availability"),
        required=False,
    )
    directives.widget("availability", CheckBoxFieldWidget)
    station = schema.Choice(
        title=_("label_gig_station_registered", default="登记的零工驿站"),
        vocabulary="suizhou.laborrights.gig.GigStations",
    )
    directives.omitted("consent_date")
    consent_date = schema.Datetime(title=_("label_consent_date", default="同意时间"), required=False)


@implementer(IJobSeeker)
class JobSeeker(Item):
    # Referrals made for this seeker: a list of dicts (posting UID, outcome, when, by whom).
    referrals = ()
