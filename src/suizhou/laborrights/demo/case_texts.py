"""What applicants write: facts and request per dispute type, and the amount claimed."""

from datetime import timedelta
from decimal import Decimal


# Facts and request per dispute type, as (facts, request) pairs, and how the claimed amount
# is reckoned: months of wages, a multiple of the monthly wage, a range, or no amount.
FACTS = {
    "wage_arrears": [
        (
            "申请人于{start}入职{employer}，从事{job}工作，月工资{wage}元。{employer}自{from_month}起以资金紧张为由"
            "拖欠工资，至今共拖欠{months}个月工资计{amount}元，多次催要未果。",
            "请求责令{employer}支付拖欠工资{amount}元。",
        ),
        (
            "申请人在{employer}做{job}，双方口头约定按月结算工资，月工资{wage}元。{from_month}起工资一直未发，"
            "单位负责人承诺年底一并结清后又拒接电话，共欠{months}个月工资{amount}元。",
            "请求{employer}立即支付拖欠的工资{amount}元。",
        ),
    ],
    "labor_contract": [
        (
            "申请人于{start}入职{employer}任{job}，月工资{wage}元，公司至今未与申请人签订书面劳动合同。",
            "请求补签书面劳动合同，并支付未签订书面劳动合同期间的二倍工资差额{amount}元。",
        ),
        (
            "{employer}单方将申请人从{job}岗位调至外地分公司工作，并将月工资由{wage}元降为最低工资标准，"
            "申请人不同意变更劳动合同。",
            "请求恢复原工作岗位，补发降薪期间工资差额{amount}元。",
        ),
    ],
    "dismissal": [
        (
            "申请人于{start}入职{employer}担任{job}，月工资{wage}元。{from_month}公司口头通知解除劳动关系，"
            "未说明理由，也未支付经济补偿。",
            "请求{employer}支付解除劳动合同经济补偿{amount}元。",
        ),
        (
            "{employer}以“严重违反规章制度”为由解除与申请人的劳动合同，但无法出示相关制度和证据，"
            "申请人认为属违法解除。申请人月工资{wage}元，自{start}起在该单位工作。",
            "请求确认{employer}违法解除劳动合同，支付赔偿金{amount}元。",
        ),
    ],
    "social_insurance": [
        (
            "申请人自{start}起在{employer}工作，公司一直未为申请人缴纳社会保险费。",
            "请求责令{employer}为申请人补缴在职期间的社会保险费。",
        ),
        (
            "{employer}按最低基数为申请人缴纳社会保险费，与申请人实际月工资{wage}元相差较大。",
            "请求责令{employer}按实际工资补足社会保险费。",
        ),
    ],
    "work_injury": [
        (
            "申请人在{employer}从事{job}工作，{from_month}在作业时受伤住院，单位未申请工伤认定，也不支付医疗费用。",
            "请求{employer}申请工伤认定，并支付已垫付的医疗费{amount}元。",
        ),
        (
            "申请人在下班途中发生非本人主要责任的交通事故受伤，{employer}拒绝为其申请工伤认定。",
            "请求协助申请工伤认定，由单位承担医疗费{amount}元。",
        ),
    ],
    "overtime": [
        (
            "申请人在{employer}做{job}，自{from_month}起每天工作11小时、每月仅休息2天，公司从未支付加班费。",
            "请求{employer}支付延长工作时间和休息日加班费{amount}元。",
        ),
        (
            "{employer}在国庆、春节等法定节假日安排申请人上班，未按规定支付加班工资。",
            "请求支付法定节假日加班工资{amount}元。",
        ),
    ],
    "unemployment_insurance": [
        (
            "申请人与{employer}的劳动合同期满终止，公司未出具终止劳动关系证明，导致申请人无法办理失业登记、"
            "领取失业保险金。",
            "请求{employer}出具终止劳动关系证明，协助办理失业登记。",
        ),
    ],
    "platform_work": [
        (
            "申请人通过外卖平台在{employer}站点从事{job}工作，站点以超时为由扣发配送费{amount}元，"
            "申请人认为扣款规则未经公示，不合理。",
            "请求{employer}返还扣发的配送费{amount}元。",
        ),
        (
            "申请人为{employer}配送员，{from_month}送单途中摔伤，站点以双方不存在劳动关系为由拒绝承担医疗费用。",
            "请求{employer}承担医疗费、误工费{amount}元。",
        ),
    ],
    "employer_consultation": [
        (
            "{employer}预约“仲裁员进企业”服务，咨询综合计算工时制度审批、旺季加班安排和加班费计算问题。",
            "请求安排仲裁员上门答疑。",
        ),
        (
            "{employer}咨询劳务派遣用工比例、试用期约定和规章制度民主程序等问题。",
            "请求安排仲裁员答疑并审查规章制度。",
        ),
    ],
    "other": [
        (
            "申请人反映与{employer}负责人因个人借款发生纠纷，要求维权中心协调处理。",
            "请求协调处理借款纠纷。",
        ),
        (
            "申请人反映在{employer}工作期间的职业技能等级证书原件被单位扣留，离职后单位拒不返还。",
            "请求{employer}返还职业技能等级证书原件。",
        ),
    ],
}
# How the claim amount is reckoned: ("months",) wage × months in arrears; ("wages", lo, hi) wage ×
# a number of months; ("range", lo, hi) a sum of money; None: no amount.
AMOUNTS = {
    "wage_arrears": ("months",),
    "labor_contract": ("wages", 2, 11),
    "dismissal": ("wages", 2, 12),
    "work_injury": ("range", 3000, 80000),
    "overtime": ("range", 2000, 20000),
    "platform_work": ("range", 300, 12000),
}


def case_text(rng, dispute_type, employer, received, amount=None):
    """Facts, request and claimed amount (``Decimal`` or None) of one case, consistent together."""
    months = rng.randint(2, 5)
    wage = rng.choice([3200, 3600, 4000, 4500, 5200, 6000])
    reckoning = AMOUNTS.get(dispute_type)
    if amount is None and reckoning is not None:
        if reckoning[0] == "months":
            amount = wage * months
        elif reckoning[0] == "wages":
            amount = wage * rng.randint(reckoning[1], reckoning[2])
        else:
            amount = rng.randrange(reckoning[1], reckoning[2], 100)
    start = received - timedelta(days=rng.randint(200, 1500))
    from_month = received - timedelta(days=30 * months)
    values = {
        "employer": employer["name"],
        "job": employer["job"],
        "start": f"{start.year}年{start.month}月",
        "from_month": f"{from_month.year}年{from_month.month}月",
        "months": months,
        "wage": wage,
        "amount": amount,
    }
    facts, request = rng.choice(FACTS[dispute_type])
    return (
        facts.format(**values),
        request.format(**values),
        None if amount is None else Decimal(amount),
    )
