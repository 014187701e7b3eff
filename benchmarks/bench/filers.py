"""The fields of a benchmark's filings (filing_clients.py, soak_locustfile.py): names, phones,
ID and credit codes spread as real filers' are, not in sequence like ``seq``; the complaint
form's fields and the body of POST @cases."""

USCC = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def id_number(seq):
    """A valid resident ID number (GB 11643) of someone born in 1990 in 随州市."""
    first17 = f"421300199001{seq % 28 + 1:02d}{spread(seq, 4) % 1000:03d}"
    total = sum(int(digit) * (2 ** (17 - i) % 11) for i, digit in enumerate(first17))
    return first17 + "10X98765432"[total % 11]


def credit_code(seq):
    """A valid unified social credit code (GB 32100)."""
    first17 = f"91421300MA4{spread(seq, 3) % 1000000:06d}"
    total = sum(USCC.index(char) * weight for char, weight in zip(first17, USCC_WEIGHTS))
    return first17 + USCC[(31 - total % 31) % 31]


SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红玉梅文斌辉鹏宇浩凯俊海波"
TRADES = "恒驰华宏鑫盛泰隆金源博瑞安达丰远鼎新楚晶德嘉兴旺富腾飞宏图信诚永佳和顺天成"
KINDS = ["机械", "建筑", "物流", "商贸", "餐饮", "电子", "汽配", "纺织", "食品", "家政"]


def spread(seq, salt):
    """A number that does not follow ``seq`` (names and codes of real filers are not in sequence;
    only reference numbers and object ids are)."""
    return (seq * 2654435761 + salt * 40503) % 2**32


def person(seq):
    n = spread(seq, 1)
    return SURNAMES[n % len(SURNAMES)] + GIVEN[n // 7 % len(GIVEN)] + GIVEN[n // 331 % len(GIVEN)]


def employer(seq):
    n = spread(seq, 2)
    trade = TRADES[n % len(TRADES)] + TRADES[n // 41 % len(TRADES)]
    return f"随州市{trade}{KINDS[n // 1747 % len(KINDS)]}有限公司"


def phone(seq):
    return f"13{spread(seq, 5) % 10**9:09d}"


def web_fields(seq):
    return {
        "form.widgets.applicant_name": person(seq),
        "form.widgets.applicant_id_number": id_number(seq),
        "form.widgets.applicant_phone": phone(seq),
        "form.widgets.applicant_email": f"applicant{seq}@example.org",
        "form.widgets.employer_name": employer(seq),
        "form.widgets.employer_credit_code": credit_code(seq),
        "form.widgets.dispute_types:list": "wage_arrears",
        "form.widgets.dispute_types-empty-marker": "1",
        "form.widgets.district:list": "zengdu",
        "form.widgets.workers_involved": "1",
        "form.widgets.facts": f"第{seq}号并发测试：工资未发放。",
        "form.widgets.confirm:list": "selected",
        "form.widgets.confirm-empty-marker": "1",
        "form.buttons.submit": "提交申请",
    }


def api_body(seq):
    return {
        "dispute_types": ["wage_arrears"],
        "applicant": {"name": person(seq), "id_number": id_number(seq), "phone": phone(seq)},
        "employer": {"name": employer(seq), "credit_code": credit_code(seq)},
        "workers_involved": 1,
        "facts": f"第{seq}号并发测试：工资未发放，多次催要无果。",
        "request": "支付拖欠工资。",
        "district": "zengdu",
        "channel": "web",
    }
