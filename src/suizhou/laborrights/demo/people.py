"""Applicants: names, valid identity numbers, mobile numbers and addresses, all invented."""

from datetime import date
from stdnum.cn import ric


SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡"
MALE_GIVEN = [
    "建军",
    "志刚",
    "海波",
    "国强",
    "红兵",
    "小龙",
    "家豪",
    "伟",
    "磊",
    "俊杰",
    "文斌",
    "明辉",
    "新华",
    "春林",
    "德胜",
    "浩然",
    "子涵",
    "鹏",
    "超",
    "永福",
]
FEMALE_GIVEN = [
    "秀英",
    "丽华",
    "春梅",
    "小燕",
    "美玲",
    "晓红",
    "静",
    "芳",
    "婷婷",
    "雪梅",
    "玉兰",
    "慧敏",
    "欣怡",
    "佳琪",
    "桂芳",
    "金凤",
]
MOBILE_PREFIXES = [
    "130",
    "131",
    "132",
    "133",
    "135",
    "136",
    "137",
    "138",
    "139",
    "150",
    "151",
    "152",
    "153",
    "155",
    "156",
    "157",
    "158",
    "159",
    "166",
    "173",
    "177",
    "178",
    "180",
    "181",
    "182",
    "183",
    "185",
    "186",
    "187",
    "188",
    "189",
    "191",
    "199",
]

# Where applicants live, for their address: district -> (prefix, townships).
AREAS = {
    "city": ("随州市曾都区", ["东城街道", "西城街道", "南郊街道", "北郊街道"]),
    "zengdu": ("随州市曾都区", ["西城街道", "南郊街道", "何店镇", "洛阳镇", "府河镇", "万店镇"]),
    "suixian": ("随州市随县", ["厉山镇", "安居镇", "万和镇", "高城镇", "殷店镇", "小林镇"]),
    "guangshui": ("广水市", ["应山街道", "十里街道", "马坪镇", "杨寨镇", "武胜关镇", "长岭镇"]),
    "hitech": ("随州市高新区", ["淅河镇"]),
    "dahongshan": ("随州市大洪山风景名胜区", ["长岗镇", "洪山镇"]),
}
VILLAGES = ["幸福", "红星", "桃园", "新华", "同心", "青年", "和平", "光明", "向阳", "东风"]


def id_region(district, birth_year, rng):
    """An administrative-division code in use in Suizhou in the birth year (GB/T 2260 history)."""
    if district == "guangshui":
        if birth_year >= 2000:
            return "421381"
        if birth_year >= 1993:
            return "420983"
        if birth_year >= 1988:
            return "422204"
        return "422200"  # 孝感地区: 广水 was 应山县 of 孝感地区 until 1988
    if birth_year >= 2000:
        return rng.choice(
            ["421300", "421302", "421381"] if birth_year < 2009 else ["421303", "421321"]
        )
    if birth_year >= 1994:
        return "429001"
    if birth_year >= 1989:
        return rng.choice(["420681", "429001"])
    if birth_year >= 1983:
        return "420619" if birth_year <= 1986 else "429001"
    return rng.choice(["422501", "422523"])


def id_number(district, birth, male, rng):
    """A valid 18-digit resident identity number (checksum and birth place per python-stdnum)."""
    sequence = rng.randint(10, 99) * 10 + rng.choice([1, 3, 5, 7, 9] if male else [0, 2, 4, 6, 8])
    first17 = f"{id_region(district, birth.year, rng)}{birth:%Y%m%d}{sequence:03d}"
    # ric.calc_check_digit() expects the whole number and ignores its last character.
    number = first17 + ric.calc_check_digit(first17 + "0")
    assert ric.is_valid(number), number
    return number


def mobile(rng):
    return rng.choice(MOBILE_PREFIXES) + f"{rng.randint(0, 99999999):08d}"


def applicant(rng, district):
    """The applicant's fields of a case: a person living in ``district``."""
    male = rng.random() < 0.6
    name = rng.choice(SURNAMES) + rng.choice(MALE_GIVEN if male else FEMALE_GIVEN)
    birth = date(rng.randint(1968, 2005), rng.randint(1, 12), rng.randint(1, 28))
    prefix, townships = AREAS[district]
    return {
        "applicant_name": name,
        "applicant_id_number": id_number(district, birth, male, rng),
        "applicant_phone": mobile(rng),
        "applicant_address": f"{prefix}{rng.choice(townships)}{rng.choice(VILLAGES)}"
        f"{rng.choice(['村', '社区'])}{rng.randint(1, 12)}组{rng.randint(1, 60)}号",
    }
