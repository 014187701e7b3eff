"""Cases for the assessment tests: a district's year of mediation closures whose figures are
counted by hand, and a form's fields read from a page (the authenticator included)."""

from datetime import date
from plone import api
from tests.helpers import at
from tests.helpers import make_station
from tests.helpers import new_case
from tests.statistics_helpers import closed_case

import lxml.html


# Of ten mediations closed in 2026 in 曾都区: seven agreements, three failed; every clock on time.
# 调解成功率 70.0% (ladder 80:20,60:10 -> 10 points), 按期办结率 100.0% (95:20 -> 20 points).
AGREEMENTS, FAILURES = 7, 3


def mediation_year():
    """The ten mediations of 曾都区 and one open case in 随县 (too few to rank)."""
    with api.env.adopt_roles(["Manager"]):
        unit = make_station("assessment-center", level="center")
        for index in range(AGREEMENTS + FAILURES):
            received, closed_on = at(2026, 3, 1 + index), date(2026, 3, 3 + index)
            if index < AGREEMENTS:
                closed_case(received, "mediation", unit, closed_on, "mediated", mediation_result="agreement")
            else:
                closed_case(received, "mediation", unit, closed_on, "answered", mediation_result="failed")
        new_case(received=at(2026, 3, 1), district="suixian")


def form_fields(html, form_index=-1):
    """The values a browser would send of a page's form (text inputs, textareas, hidden)."""
    doc = lxml.html.fromstring(html)
    form = doc.forms[form_index]
    return {name: value for name, value in form.form_values()}


def cells(html, row_id):
    doc = lxml.html.fromstring(html)
    return [cell.text_content().strip() for cell in doc.get_element_by_id(row_id).xpath("td")]
