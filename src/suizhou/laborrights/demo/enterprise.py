"""Demo data of the arbitrators' service to enterprises: two orders with their visit records and
the employer of the demo's collective dispute set as a risk source (重大风险, with the reason)."""

from datetime import date
from datetime import datetime
from datetime import timedelta
from suizhou.laborrights.demo.dates import TIMEZONE
from suizhou.laborrights.demo.dates import YEAR
from suizhou.laborrights.demo.employers import COLLECTIVE_EMPLOYER
from suizhou.laborrights.demo.employers import employers_by_key
from suizhou.laborrights.enterprise import orders
from suizhou.laborrights.enterprise import register


# employer key, contact, phone, topics, questions, visits (month, day, visitors, findings, advice)
ORDERS = (
    (
        COLLECTIVE_EMPLOYER,
        "人事部孙经理",
        "13872260001",
        ["compliance", "training"],
        "旺季加班多，想了解综合计算工时制的审批条件和加班费的计算；去年曾发生集体讨薪，希望帮助排查隐患。",
        (
            (
                10,
                14,
                "仲裁员陈明（演示）、调解员李芳（演示）",
                "加班费以固定补贴代替，未按实际加班时长计算；部分一线职工工资由班组长代发，无工资条。",
                "按实际加班时长计发加班费并补发差额；工资直接发放到职工本人账户，每月提供工资条；"
                "申请综合计算工时制审批前不得按综合工时安排。",
            ),
            (
                11,
                18,
                "仲裁员陈明（演示）",
                "已开始按月提供工资条；加班费差额尚未补发完毕。",
                "12月底前补发完毕，并将补发名单报维权中心备案。",
            ),
        ),
    ),
    (
        "huitong",
        "综合办公室刘经理",
        "13872260002",
        ["rules", "policy"],
        "修订员工手册，想请仲裁员审查考勤、请假和解除劳动合同的条款是否合法。",
        (
            (
                11,
                6,
                "仲裁员王静（演示）",
                "员工手册规定“旷工一天即解除劳动合同”，未经民主程序制定，也未公示。",
                "解除条款按严重违纪的合理标准修改，经职工代表大会或全体职工讨论后公示，并保留签收记录。",
            ),
        ),
    ),
)
RISK_REASON = "去年发生集体讨薪；走访发现加班费以固定补贴代替、工资由班组长代发，整改尚未完成（演示）。"


def create_enterprise_demo():
    employers = employers_by_key()
    for key, contact, phone, topics, questions, visits in ORDERS:
        employer = employers[key]
        order = orders.create_order(
            {
                "employer_name": employer["name"],
                "employer_credit_code": employer["credit_code"],
                "employer_address": employer["address"],
                "district": employer["district"] if employer["district"] != "city" else "zengdu",
                "contact_name": contact,
                "contact_phone": phone,
                "topics": topics,
                "questions": questions,
            }
        )
        for month, day, visitors, findings, advice in visits:
            visited = date(YEAR, month, day)
            orders.add_visit(
                order,
                {
                    "visit_date": visited,
                    "visitors": visitors,
                    "findings": findings,
                    "advice": advice,
                    "follow_up_date": visited + timedelta(days=30),
                },
            )
        order.appointment = TIMEZONE.localize(datetime(YEAR, visits[0][0], visits[0][1], 9, 30))
        order.satisfaction = "satisfied"
    collective = employers[COLLECTIVE_EMPLOYER]
    register.set_risk_level(collective["credit_code"], "high", RISK_REASON, "admin")
