"""Service stations: one center per district, township/street stations, village/community points.

The stations of the city's own districts are here, those of the counties in ``county_stations``;
``STATIONS`` holds them all, district by district, with the defaults of their level.
"""

from suizhou.laborrights.demo.codes import DISPUTE_TYPES
from suizhou.laborrights.demo.codes import MEDIATION_KINDS
from suizhou.laborrights.demo.codes import PARTNER_AGENCIES
from suizhou.laborrights.demo.county_stations import DAHONGSHAN
from suizhou.laborrights.demo.county_stations import GUANGSHUI
from suizhou.laborrights.demo.county_stations import SUIXIAN


DEMO_NOTE = "（演示数据，地址、电话均为虚构）"
CENTER_HOURS = "周一至周五 8:30-12:00，14:30-17:30（法定节假日除外）"


def _station(**data):
    """A station's fields, with the defaults of its level."""
    station = {
        "township": "",
        "village": "",
        "opening_hours": CENTER_HOURS,
        "description": "",
    }
    if data["level"] == "center":
        station.update(
            dispute_types=list(DISPUTE_TYPES),
            mediation_kinds=list(MEDIATION_KINDS),
            description=f"{data['host_name']}设立的劳动保障“一站式”维权中心：窗口受理、分办、调解、"
            f"仲裁、劳动监察一站办理，“1+X”协同单位集中入驻。{DEMO_NOTE}",
        )
    station.update(data)
    if not station["description"]:
        station["description"] = (
            f"依托{station['host_name']}设立，提供劳动保障政策咨询、维权事项受理登记和就近调解服务。"
            f"{DEMO_NOTE}"
        )
    return station


# 随州市本级
CITY = [
    dict(
        id="city-center",
        district="city",
        level="center",
        title="随州市劳动保障维权中心",
        host_type="hrss_office",
        host_name="随州市人力资源和社会保障局",
        address="随州市曾都区沿江大道188号市民之家三楼",
        latitude=31.6905,
        longitude=113.3826,
        phones=["0722-3200101", "12333"],
        partner_agencies=list(PARTNER_AGENCIES),
    ),
    dict(
        id="city-gig-station",
        district="city",
        level="station",
        title="随州市零工驿站劳动维权服务站",
        host_type="gig_station",
        host_name="随州市零工驿站",
        address="随州市曾都区东城街道交通大道236号零工市场一楼",
        latitude=31.7012,
        longitude=113.3935,
        phones=["0722-3200166"],
        township="东城街道",
        opening_hours="周一至周日 7:30-18:00（招聘、求职登记、法律服务、劳动维权一站办理）",
        dispute_types=["wage_arrears", "labor_contract", "platform_work", "other"],
        mediation_kinds=["people", "administrative"],
        partner_agencies=["hrss", "union", "justice"],
    ),
    dict(
        id="city-rider-point",
        district="city",
        level="point",
        title="城南骑手驿站劳动维权服务点",
        host_type="union_station",
        host_name="随州市总工会户外劳动者服务站",
        address="随州市曾都区南郊街道烈山大道519号",
        latitude=31.6720,
        longitude=113.3780,
        phones=["0722-3200188"],
        township="南郊街道",
        village="城南社区",
        opening_hours="每日 10:00-22:00",
        dispute_types=["platform_work", "work_injury", "wage_arrears"],
        mediation_kinds=["union"],
        partner_agencies=["union", "hrss"],
    ),
]

# 曾都区
ZENGDU = [
    dict(
        id="zengdu-center",
        district="zengdu",
        level="center",
        title="曾都区劳动保障维权中心",
        host_type="hrss_office",
        host_name="曾都区人力资源和社会保障局",
        address="随州市曾都区烈山大道66号曾都区政务服务中心二楼",
        latitude=31.7150,
        longitude=113.3700,
        phones=["0722-3310101", "0722-3310102"],
        partner_agencies=["hrss", "union", "court", "justice", "police", "petition"],
    ),
    dict(
        id="zengdu-xicheng",
        district="zengdu",
        level="station",
        title="西城街道劳动保障维权服务站",
        host_type="party_service",
        host_name="西城街道党群服务中心",
        address="随州市曾都区西城街道清河路108号",
        latitude=31.7095,
        longitude=113.3588,
        phones=["0722-3310231"],
        township="西城街道",
        dispute_types=[
            "wage_arrears",
            "labor_contract",
            "dismissal",
            "overtime",
            "social_insurance",
        ],
        mediation_kinds=["people", "administrative"],
        partner_agencies=["hrss", "justice", "union"],
    ),
    dict(
        id="zengdu-nanjiao",
        district="zengdu",
        level="station",
        title="南郊街道劳动保障维权服务站",
        host_type="governance",
        host_name="南郊街道综治中心",
        address="随州市曾都区南郊街道擂鼓墩大道21号",
        latitude=31.6802,
        longitude=113.3655,
        phones=["0722-3310245"],
        township="南郊街道",
        dispute_types=["wage_arrears", "labor_contract", "work_injury", "other"],
        mediation_kinds=["people", "administrative"],
        partner_agencies=["hrss", "police", "petition", "justice"],
    ),
    dict(
        id="zengdu-hedian",
        district="zengdu",
        level="station",
        title="何店镇劳动保障维权服务站",
        host_type="judicial_office",
        host_name="曾都区何店司法所",
        address="随州市曾都区何店镇何店大道39号",
        latitude=31.6210,
        longitude=113.4790,
        phones=["0722-3310268"],
        township="何店镇",
        dispute_types=["wage_arrears", "labor_contract", "work_injury"],
        mediation_kinds=["people"],
        partner_agencies=["justice", "hrss"],
    ),
    dict(
        id="zengdu-shunjing-point",
        district="zengdu",
        level="point",
        title="舜井社区劳动维权服务点",
        host_type="party_service",
        host_name="舜井社区党群服务中心",
        address="随州市曾都区西城街道舜井大道12号",
        latitude=31.7120,
        longitude=113.3610,
        phones=["0722-3310277"],
        township="西城街道",
        village="舜井社区",
        opening_hours="周一至周六 8:30-17:30",
        dispute_types=["wage_arrears", "labor_contract", "other"],
        mediation_kinds=["people"],
        partner_agencies=["hrss", "justice"],
    ),
    dict(
        id="zengdu-luoyang-point",
        district="zengdu",
        level="point",
        title="洛阳镇永兴村劳动维权服务点",
        host_type="party_service",
        host_name="永兴村党群服务中心",
        address="随州市曾都区洛阳镇永兴村村委会一楼",
        latitude=31.8030,
        longitude=113.4950,
        phones=["0722-3310289"],
        township="洛阳镇",
        village="永兴村",
        opening_hours="周一至周五 8:30-17:00",
        dispute_types=["wage_arrears", "work_injury", "other"],
        mediation_kinds=["people"],
        partner_agencies=["justice"],
    ),
]

# 随州高新区
HITECH = [
    dict(
        id="hitech-center",
        district="hitech",
        level="center",
        title="随州高新区劳动保障维权中心",
        host_type="hrss_office",
        host_name="随州高新区社会事务局",
        address="随州市高新区淅河镇季梁大道200号高新区政务服务中心",
        latitude=31.7521,
        longitude=113.5022,
        phones=["0722-3560101"],
        partner_agencies=[
            "hrss",
            "union",
            "court",
            "justice",
            "police",
            "commerce_federation",
            "enterprise_confederation",
        ],
    ),
    dict(
        id="hitech-xihe",
        district="hitech",
        level="station",
        title="淅河镇劳动保障维权服务站",
        host_type="governance",
        host_name="淅河镇综治中心",
        address="随州市高新区淅河镇淅河街61号",
        latitude=31.7560,
        longitude=113.5280,
        phones=["0722-3560232"],
        township="淅河镇",
        dispute_types=["wage_arrears", "labor_contract", "work_injury", "other"],
        mediation_kinds=["people", "administrative"],
        partner_agencies=["hrss", "police", "justice"],
    ),
    dict(
        id="hitech-park",
        district="hitech",
        level="station",
        title="专用汽车产业园劳动维权服务站",
        host_type="industrial_park",
        host_name="随州高新区专用汽车产业园管委会",
        address="随州市高新区专汽大道1号产业园服务中心",
        latitude=31.7383,
        longitude=113.4921,
        phones=["0722-3560246"],
        township="淅河镇",
        dispute_types=[
            "wage_arrears",
            "labor_contract",
            "dismissal",
            "overtime",
            "work_injury",
            "social_insurance",
            "employer_consultation",
        ],
        mediation_kinds=["union", "administrative", "arbitration"],
        partner_agencies=["hrss", "union", "commerce_federation", "enterprise_confederation"],
    ),
    dict(
        id="hitech-park-point",
        district="hitech",
        level="point",
        title="产业园职工之家劳动维权服务点",
        host_type="union_station",
        host_name="产业园企业联合工会职工之家",
        address="随州市高新区专汽大道9号职工之家一楼",
        latitude=31.7402,
        longitude=113.4970,
        phones=["0722-3560257"],
        township="淅河镇",
        village="园区社区",
        opening_hours="周一至周六 8:00-20:00",
        dispute_types=["wage_arrears", "overtime", "labor_contract"],
        mediation_kinds=["union"],
        partner_agencies=["union"],
    ),
]

STATIONS = [
    _station(**data)
    for data in [*CITY, *ZENGDU, *SUIXIAN, *GUANGSHUI, *HITECH, *DAHONGSHAN]
]

# The centers' addresses are copied onto the district folders (District.address).
CENTER_ADDRESSES = {s["district"]: s["address"] for s in STATIONS if s["level"] == "center"}
