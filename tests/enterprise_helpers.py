"""Enterprise service orders in tests: an order's data, an arbitrator, an order with a visit."""

from datetime import date
from plone import api
from suizhou.laborrights.enterprise import orders
from tests.helpers import make_user
from tests.helpers import valid_credit_code


EMPLOYER_CODE = valid_credit_code(41)
CONTACT_PHONE = "13807229876"


def order_data(**overrides):
    data = {
        "employer_name": "随州市测试专用汽车有限公司",
        "employer_credit_code": EMPLOYER_CODE,
        "employer_address": "随州市曾都区测试大道8号",
        "district": "zengdu",
        "contact_name": "人事经理孙测试",
        "contact_phone": CONTACT_PHONE,
        "topics": ["compliance", "training"],
        "questions": "旺季加班如何安排，综合工时制怎样审批？",
    }
    data.update(overrides)
    return data


def visit_data(**overrides):
    data = {
        "visit_date": date(2026, 11, 20),
        "visitors": "仲裁员测试甲",
        "findings": "加班费以固定补贴代替，未按小时计算。",
        "advice": "按实际加班时长计发加班费，补签综合工时审批。",
        "follow_up_date": date(2026, 12, 20),
    }
    data.update(overrides)
    return data


def make_arbitrator(username="arbiter"):
    return make_user(username, groups=["arbitrators"])


def make_order(arbitrator=None, visit=True, **overrides):
    with api.env.adopt_roles(["Manager"]):
        order = orders.create_order(order_data(**overrides))
        if arbitrator:
            orders.assign(order, arbitrator)
        if visit:
            orders.add_visit(order, visit_data())
    return order
