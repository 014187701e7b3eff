"""Fictional employers with valid unified social credit codes."""

from stdnum.cn import uscc


# Region part of employers' credit codes.
EMPLOYER_REGION = {
    "city": "421300",
    "zengdu": "421303",
    "suixian": "421321",
    "guangshui": "421381",
    "hitech": "421300",
    "dahongshan": "421300",
}

# Fictional employers: (key, district, name, industry, address, contact, job).
EMPLOYERS = [
    (
        "huitong",
        "city",
        "随州市汇通物业服务有限公司",
        "property",
        "随州市曾都区解放路58号",
        "刘经理",
        "保安",
    ),
    (
        "xunda",
        "city",
        "随州市迅达同城配送服务有限公司",
        "delivery",
        "随州市曾都区交通大道301号",
        "周站长",
        "配送员",
    ),
    (
        "chufeng",
        "zengdu",
        "随州市楚风香菇食品有限公司",
        "food",
        "随州市曾都区南郊街道工业路16号",
        "黄主管",
        "分拣工",
    ),
    (
        "hongfu",
        "zengdu",
        "随州市曾都区鸿福酒店管理有限公司",
        "hotel",
        "随州市曾都区青年路22号",
        "吴经理",
        "厨师",
    ),
    (
        "anshun",
        "zengdu",
        "随州市安顺建筑劳务有限公司",
        "construction",
        "随州市曾都区何店镇工业园8号",
        "郑老板",
        "钢筋工",
    ),
    (
        "yinxing",
        "suixian",
        "随县银杏谷生态农业开发有限公司",
        "agriculture",
        "随州市随县安居镇银杏大道6号",
        "钱总",
        "种植工",
    ),
    (
        "huayu",
        "suixian",
        "随县华宇纺织有限公司",
        "textile",
        "随州市随县厉山镇工业园区纬二路3号",
        "孙主任",
        "挡车工",
    ),
    (
        "shennong",
        "suixian",
        "随县厉山神农茶业有限公司",
        "food",
        "随州市随县厉山镇茶场路11号",
        "冯经理",
        "制茶工",
    ),
    (
        "yongyang",
        "guangshui",
        "广水市永阳风机制造有限公司",
        "manufacturing",
        "广水市十里街道工业大道77号",
        "蒋部长",
        "装配工",
    ),
    (
        "zhonghe",
        "guangshui",
        "广水市中和建筑劳务有限公司",
        "construction",
        "广水市应山街道东门路19号",
        "沈老板",
        "木工",
    ),
    (
        "jindun",
        "guangshui",
        "广水市金盾安保服务有限公司",
        "security",
        "广水市应山街道广办路5号",
        "韩队长",
        "保安",
    ),
    (
        "hengchi",
        "hitech",
        "随州市恒驰专用汽车配件有限公司",
        "manufacturing",
        "随州市高新区专汽大道66号",
        "杨厂长",
        "焊工",
    ),
    (
        "mingyuan",
        "hitech",
        "随州市铭远专用汽车有限公司",
        "manufacturing",
        "随州市高新区淅河镇季梁大道158号",
        "朱经理",
        "涂装工",
    ),
    (
        "kaijie",
        "hitech",
        "随州市凯捷电子科技有限公司",
        "electronics",
        "随州市高新区专汽大道102号",
        "秦主管",
        "操作工",
    ),
    (
        "yunduan",
        "dahongshan",
        "随州市大洪山云端旅游开发有限公司",
        "tourism",
        "随州市大洪山风景名胜区长岗镇景区路1号",
        "许经理",
        "景区保洁员",
    ),
    (
        "youran",
        "dahongshan",
        "随州市大洪山悠然山居民宿有限公司",
        "tourism",
        "随州市大洪山风景名胜区洪山镇洪山街40号",
        "彭老板",
        "服务员",
    ),
]
COLLECTIVE_EMPLOYER = "hengchi"


def organisation_code(base8):
    """GB 11714 organisation code: 8 digits and their check character."""
    weights = (3, 7, 9, 10, 5, 8, 4, 2)
    check = 11 - sum(int(c) * w for c, w in zip(base8, weights)) % 11
    return base8 + {10: "X", 11: "0"}.get(check, str(check))


def credit_code(region, base8, kind="91"):
    """A valid unified social credit code (``92`` for individual businesses)."""
    first17 = f"{kind}{region}{organisation_code(base8)}"
    code = first17 + uscc.calc_check_digit(first17)
    assert uscc.is_valid(code), code
    return code


def employers_by_key():
    """{key: the employer's fields}, with its credit code and phone number."""
    employers = {}
    for n, (key, district, name, industry, address, contact, job) in enumerate(EMPLOYERS):
        employers[key] = {
            "key": key,
            "district": district,
            "name": name,
            "industry": industry,
            "address": address,
            "contact": contact,
            "job": job,
            "credit_code": credit_code(EMPLOYER_REGION[district], f"{31570000 + n * 7919:08d}"),
            "phone": f"0722-{3400000 + n * 1237}",
        }
    return employers


def employer_for(rng, dispute_type, district, employers):
    """An employer of the district (the delivery platform's station for platform work)."""
    if dispute_type == "platform_work":
        return employers["xunda"]
    local = [e for e in employers.values() if e["district"] == district]
    return rng.choice(local)
