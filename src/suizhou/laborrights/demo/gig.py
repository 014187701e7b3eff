"""Demo data of the gig-worker stations: postings (published, one expired, one pending review)
and job seekers with a referral, at each 零工驿站 of the demo."""

from datetime import timedelta
from decimal import Decimal
from plone import api
from stdnum.cn import ric
from stdnum.cn import uscc
from suizhou.laborrights.gig.matching import record_referral
from suizhou.laborrights.gig.postings import create_posting
from suizhou.laborrights.gig.postings import minimum_pay
from suizhou.laborrights.gig.postings import sync
from suizhou.laborrights.gig.postings import today
from suizhou.laborrights.gig.seekers import register_seeker
from suizhou.laborrights.gig.vocabularies import gig_stations


def credit_code(seq):
    first17 = f"91421300MA4G{seq:05d}"
    return first17 + uscc.calc_check_digit(first17)


def id_number(seq):
    first17 = f"421302199{seq % 10}0315{seq:03d}"
    return first17 + ric.calc_check_digit(first17 + "0")


# title, trade, pay above the period's floor, period, district, place, hours, shifts, days left, state
POSTINGS = (
    (
        "装卸搬运工",
        "logistics",
        60,
        "day",
        "zengdu",
        "曾都区物流园3号库",
        "每天 8:00-17:00，日结",
        ["daytime"],
        14,
        "published",
    ),
    (
        "小区保洁员",
        "cleaning",
        300,
        "month",
        "zengdu",
        "东城街道某小区",
        "每天 7:00-11:00，月结",
        ["daytime"],
        30,
        "published",
    ),
    (
        "外卖骑手（兼职）",
        "delivery",
        8,
        "hour",
        "city",
        "城区各商圈",
        "午晚高峰，周结",
        ["weekends", "night"],
        20,
        "published",
    ),
    (
        "水电安装学徒",
        "construction",
        40,
        "day",
        "guangshui",
        "广水市十里街道",
        "每天 8:00-18:00，日结",
        ["daytime"],
        10,
        "published",
    ),
    (
        "香菇采摘工",
        "agriculture",
        30,
        "day",
        "suixian",
        "随县三里岗镇",
        "每天 6:00-12:00，日结",
        ["daytime"],
        -3,
        "expired",
    ),
    ("餐厅帮厨", "catering", 20, "day", "zengdu", "曾都区解放路", "每天 10:00-20:00，周结", ["daytime"], 15, "pending"),
)

SEEKERS = (
    ("张建军", "13971100001", "搬运、叉车证", ["logistics", "construction"], "zengdu", ["daytime", "weekdays"]),
    ("刘桂英", "13971100002", "家政保洁五年", ["cleaning", "catering"], "zengdu", ["daytime"]),
)


def create_gig_demo():
    stations = gig_stations()
    if not stations:
        return
    # The city's station reviews the postings, a county's station those of its own district.
    local = {station.district: station for station in stations}
    main = local.get("city", stations[0])
    for seq, (title, trade, above, period, district, place, hours, shifts, days, state) in enumerate(POSTINGS, 1):
        station = local.get(district, main)
        posting = create_posting(
            {
                "title": title,
                "trade": trade,
                "pay": minimum_pay(district, period) + Decimal(above),
                "pay_period": period,
                "district": district,
                "place": place,
                "hours": hours,
                "shifts": shifts,
                "contact_phone": f"0722-36{seq:05d}",
                "number_wanted": seq + 2,
                "requirements": "身体健康，能吃苦耐劳。",
                "employer_name": f"随州市示例{title[:2]}服务有限公司",
                "employer_credit_code": credit_code(seq),
                "valid_through": today() + timedelta(days=days),
                "station": station.UID(),
            }
        )
        if state in ("published", "expired"):
            api.content.transition(posting, transition="publish")
        if state == "expired":
            sync(posting)
    loader = api.content.find(portal_type="JobPosting", Title="装卸搬运工", unrestricted=True)
    for seq, (name, phone, skills, trades, district, availability) in enumerate(SEEKERS, 1):
        seeker = register_seeker(
            {
                "real_name": name,
                "id_number": id_number(seq),
                "phone": phone,
                "skills": skills,
                "wanted_trades": trades,
                "wanted_district": district,
                "availability": availability,
                "station": main.UID(),
            }
        )
        if seq == 1 and loader:
            record_referral(seeker, loader[0].UID, "hired")
