"""``@@case-search``: staff find a case by reference, applicant name, phone, ID number,
employer name or credit code (issue 13 item 3).

Only the cases the user may see are found: every query goes through the catalog's security
filter. Names, numbers and codes are looked up in the staff-only ``case_search_keys`` index
(``cases/search_keys.py``: name pieces, keyed hashes of phone and ID numbers), never in
SearchableText, so public search knows nothing of them. Each search is recorded in the access
log with what was typed.
"""

from AccessControl import Unauthorized
from plone import api
from Products.Five.browser import BrowserView
from stdnum.cn import uscc
from suizhou.laborrights import _
from suizhou.laborrights.audit.log import record_access
from suizhou.laborrights.cases import search_keys
from suizhou.laborrights.http import no_store
from suizhou.laborrights.i18n import zh
from suizhou.laborrights.timezone import format_date
from suizhou.laborrights.validators import is_id_number
from suizhou.laborrights.validators import is_phone


MAX_RESULTS = 200
FIELDS = (
    ("", _("search_field_any", default="全部")),
    ("reference", _("search_field_reference", default="受理编号")),
    ("applicant", _("search_field_applicant", default="申请人姓名")),
    ("phone", _("search_field_phone", default="申请人电话")),
    ("id_number", _("search_field_id_number", default="身份证号")),
    ("employer", _("search_field_employer", default="用人单位名称")),
    ("credit_code", _("search_field_credit_code", default="统一社会信用代码")),
)
EMPTY = _("case_search_empty", default="请输入受理编号、姓名、电话、身份证号、单位名称或信用代码。")
TOO_SHORT = _("case_search_too_short", default="姓名或单位名称请至少输入两个字。")
NOT_A_PHONE = _("case_search_not_a_phone", default="请输入完整的电话号码。")
NOT_AN_ID = _("case_search_not_an_id", default="请输入完整的18位身份证号。")
NOT_A_CODE = _("case_search_not_a_code", default="请输入完整的18位统一社会信用代码。")


def key_queries(text, field, context):
    """The catalog queries (beyond portal_type) that find ``text`` as ``field`` ("" = any
    field it can be), with a check of each found row against the text, or a message when the
    text cannot be looked up as that field."""
    compact = search_keys.compact(text)
    queries = []
    if field in ("", "reference"):
        queries.append(({"getId": compact}, None))
    if field in ("", "phone") and is_phone(text):
        queries.append(({"case_search_keys": search_keys.phone_key(text, context)}, None))
    elif field == "phone":
        return None, NOT_A_PHONE
    if field in ("", "id_number") and is_id_number(compact):
        queries.append(({"case_search_keys": search_keys.id_key(compact, context)}, None))
    elif field == "id_number":
        return None, NOT_AN_ID
    if field in ("", "credit_code") and uscc.is_valid(compact):
        queries.append(({"case_search_keys": search_keys.code_key(compact)}, None))
    elif field == "credit_code":
        return None, NOT_A_CODE
    if field in ("", "applicant", "employer"):
        if len(compact) < 2:
            if field or not queries:
                return None, TOO_SHORT
        else:
            if field in ("", "applicant"):
                keys = sorted(search_keys.name_keys(compact))
                queries.append(({"case_search_keys": {"query": keys, "operator": "and"}}, ("applicant", compact)))
            if field in ("", "employer"):
                keys = sorted(search_keys.name_keys(compact, "employer"))
                queries.append(({"case_search_keys": {"query": keys, "operator": "and"}}, ("employer", compact)))
    return queries, None


def find(text, field="", context=None):
    """The brains of the cases the current user may see that match, newest first."""
    queries, message = key_queries(text, field, context or api.portal.get())
    if message:
        raise ValueError(message)
    catalog = api.portal.get_tool("portal_catalog")
    found = {}
    for query, check in queries:
        for brain in catalog(portal_type="Case", sort_on="received", sort_order="descending", **query):
            if check is not None:
                column, wanted = check
                row = brain.worklist_row if isinstance(brain.worklist_row, dict) else {}
                # the pieces all match; the text itself must be in the name (not only its pieces)
                if wanted not in search_keys.compact(row.get(column)):
                    continue
            found.setdefault(brain.getRID(), brain)
    return sorted(found.values(), key=lambda brain: brain.received, reverse=True)[:MAX_RESULTS]


class CaseSearchView(BrowserView):
    """One box (and which field, optionally); a query that cannot be looked up is answered at
    the field and kept."""

    def __call__(self):
        if api.user.is_anonymous():
            raise Unauthorized("Staff only")
        no_store(self.request.response)
        form = self.request.form
        self.text = (form.get("q") or "").strip() if isinstance(form.get("q"), str) else ""
        self.field = form.get("field") if form.get("field") in dict(FIELDS) else ""
        self.error = None
        self.results = None
        if "q" in form:
            self.search()
        return self.index()

    def search(self):
        if not self.text:
            self.error = zh(EMPTY)
            return
        try:
            brains = find(self.text, self.field, self.context)
        except ValueError as refused:
            self.error = zh(refused.args[0])
            return
        record_access(self.request, "search", query={"q": self.text, "field": self.field, "results": len(brains)})
        self.results = self.rows(brains)

    def rows(self, brains):
        from suizhou.laborrights.handling.worklists import staff_name

        workflow = api.portal.get_tool("portal_workflow")
        rows = []
        for brain in brains:
            row = brain.worklist_row if isinstance(brain.worklist_row, dict) else {}
            handler = brain.handler if isinstance(brain.handler, str) else ""
            rows.append(
                {
                    "url": brain.getURL(),
                    "reference": brain.getId,
                    "applicant": row.get("applicant", ""),
                    "employer": row.get("employer", ""),
                    "received": format_date(brain.received) if brain.received else "",
                    "state": zh(workflow.getTitleForStateOnType(brain.review_state, "Case") or ""),
                    "handler": staff_name(handler) if handler else "",
                }
            )
        return rows

    def fields(self):
        return [(value, zh(title)) for value, title in FIELDS]
