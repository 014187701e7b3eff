"""The gig market's fixed lists: trades, pay periods, availability, referral outcomes."""

from plone import api
from suizhou.laborrights import _
from suizhou.laborrights.i18n import zh
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


GIG_HOST_TYPE = "gig_station"

TRADES = (
    ("construction", _("trade_construction", default="建筑装修")),
    ("manufacturing", _("trade_manufacturing", default="加工制造")),
    ("logistics", _("trade_logistics", default="物流搬运")),
    ("delivery", _("trade_delivery", default="外卖快递")),
    ("catering", _("trade_catering", default="餐饮服务")),
    ("cleaning", _("trade_cleaning", default="保洁家政")),
    ("agriculture", _("trade_agriculture", default="农业采摘")),
    ("retail", _("trade_retail", default="商超零售")),
    ("other", _("trade_other", default="其他")),
)

# Pay periods and how many of them make a month at the statutory 21.75 paid days of 8 hours
# (劳社部发〔2008〕3号): the monthly minimum wage divided by it is the floor for that period.
PAY_PERIODS = (
    ("hour", _("pay_period_hour", default="元/小时"), 174),
    ("day", _("pay_period_day", default="元/天"), 21.75),
    ("month", _("pay_period_month", default="元/月"), 1),
    ("piece", _("pay_period_piece", default="元/件（计件、整单）"), None),
)

AVAILABILITY = (
    ("weekdays", _("availability_weekdays", default="工作日")),
    ("weekends", _("availability_weekends", default="周末")),
    ("daytime", _("availability_daytime", default="白班")),
    ("night", _("availability_night", default="夜班")),
    ("full_time", _("availability_full_time", default="全职")),
)

OUTCOMES = (
    ("referred", _("referral_referred", default="已推荐")),
    ("interview", _("referral_interview", default="已面试")),
    ("hired", _("referral_hired", default="已上岗")),
    ("declined", _("referral_declined", default="未录用")),
)


def _vocabulary(items):
    return SimpleVocabulary([SimpleTerm(value=code, token=code, title=title) for code, title, *_rest in items])


@provider(IVocabularyFactory)
def Trades(context=None):
    return _vocabulary(TRADES)


@provider(IVocabularyFactory)
def PayPeriods(context=None):
    return _vocabulary(PAY_PERIODS)


@provider(IVocabularyFactory)
def Availability(context=None):
    return _vocabulary(AVAILABILITY)


@provider(IVocabularyFactory)
def ReferralOutcomes(context=None):
    return _vocabulary(OUTCOMES)


def label(items, code):
    """The Chinese title of ``code`` in one of the lists above ('' when unknown)."""
    for item in items:
        if item[0] == code:
            return zh(item[1])
    return code or ""


def gig_stations():
    """The gig-worker stations (零工驿站), whoever asks (a city has a handful of stations)."""
    brains = api.content.find(portal_type="ServiceStation", sort_on="sortable_title", unrestricted=True)
    stations = (brain._unrestrictedGetObject() for brain in brains)
    return [station for station in stations if station.host_type == GIG_HOST_TYPE]


@provider(IVocabularyFactory)
def GigStations(context=None):
    return SimpleVocabulary([SimpleTerm(value=s.UID(), token=s.UID(), title=s.Title()) for s in gig_stations()])
