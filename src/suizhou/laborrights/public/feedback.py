"""“这个页面对您有帮助吗？”: a widget on the public pages that counts, per page, how many
visitors found it useful and how many did not. Nothing else is stored: no visitor, no time,
no text, no address.

The counts live in the site's annotations (``COUNTS_KEY``): an OOBTree from a page's key (its
path under the site root, ``/guides/wage-arrears-checklist``; a page that is a named view of
the site adds the view's name, ``/mediators``) to two conflict-resolving counters
(``BTrees.Length``), so that visitors answering at the same time do not conflict. Only
administrators see them (``@@page-feedback-report``).

The answer is an anonymous POST to ``<page>/@@page-feedback``. It writes two counters and
nothing a visitor could misuse (no personal data, no content), so it does not carry a CSRF
token (the public pages are cached and shared; a token would be the same for everyone): the
view marks its request as not needing one. It counts only POSTs, only for public content the
visitor may view (``PUBLIC_TYPES``: not a form, not the register).
"""

from BTrees.Length import Length
from BTrees.OOBTree import OOBTree
from plone import api
from plone.app.layout.viewlets.common import ViewletBase
from plone.protect.interfaces import IDisableCSRFProtection
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from suizhou.laborrights import _
from suizhou.laborrights.folders import FAQ_ID
from suizhou.laborrights.folders import POLICIES_ID
from suizhou.laborrights.public.page import PublicPage
from zope.annotation.interfaces import IAnnotations
from zope.interface import alsoProvides


COUNTS_KEY = "suizhou.laborrights.page_feedback"
# Public pages that are named views of the site root (the others are their content's view).
NAMED_VIEWS = ("mediators", "accessibility-info")
ANSWERS = {"yes": 0, "no": 1}
# What the widget is shown on: the site root, the public folders and content types.
PUBLIC_TYPES = (
    "Plone Site",
    "Folder",
    "Document",
    "News Item",
    "District",
    "ServiceStation",
    "Mediator",
    "Guide",
    "TypicalCase",
)


def page_key(context, view_name=""):
    """The key of a page: ``/`` + its path under the site root (+ ``/`` + a named view)."""
    portal_path = api.portal.get().getPhysicalPath()
    key = "/" + "/".join(context.getPhysicalPath()[len(portal_path) :])
    if view_name in NAMED_VIEWS:
        key = key.rstrip("/") + "/" + view_name
    return key


def counts_tree(create=False):
    annotations = IAnnotations(api.portal.get())
    if COUNTS_KEY not in annotations and create:
        annotations[COUNTS_KEY] = OOBTree()
    return annotations.get(COUNTS_KEY)


def record(key, answer):
    """Count one answer ('yes' or 'no') for page ``key``."""
    tree = counts_tree(create=True)
    if key not in tree:
        tree[key] = (Length(), Length())
    tree[key][ANSWERS[answer]].change(1)


def counts(key=None):
    """{key: (useful, not useful)} of every page answered, or of ``key`` alone."""
    tree = counts_tree() or {}
    keys = [key] if key is not None else list(tree.keys())
    return {k: (tree[k][0](), tree[k][1]()) for k in keys if k in tree}


def is_public_page(context, view):
    """The public site's pages (not the forms, the register, or the editing screens)."""
    if isinstance(view, PublicPage):
        return True
    parent = getattr(context, "__parent__", None)
    return context.portal_type == "Document" and getattr(parent, "getId", lambda: "")() in (FAQ_ID, POLICIES_ID)


class PageFeedbackViewlet(ViewletBase):
    """The question and its two buttons, below the content of a public page (a page that fills
    the whole ``main`` slot, without the viewlet managers, shows it with ``widget_html``)."""

    index = ViewPageTemplateFile("templates/page_feedback.pt")

    def available(self):
        return is_public_page(self.context, self.view)

    def update(self):
        super().update()
        name = getattr(self.view, "__name__", "")
        self.view_name = name if name in NAMED_VIEWS else ""
        self.action = f"{self.context.absolute_url()}/@@page-feedback"

    def render(self):
        return self.index() if self.available() else ""


def widget_html(view):
    """The widget for ``view``, outside a viewlet manager."""
    viewlet = PageFeedbackViewlet(view.context, view.request, view, None)
    viewlet.update()
    return viewlet.render()


class PageFeedback(BrowserView):
    """``@@page-feedback``: count the answer, thank the visitor, back to the page."""

    def __call__(self):
        request = self.request
        page_url = self.context.absolute_url()
        view_name = request.form.get("view", "")
        if view_name in NAMED_VIEWS:
            page_url = f"{page_url}/{view_name}"
        if request.method != "POST":
            return request.response.redirect(page_url)
        alsoProvides(request, IDisableCSRFProtection)
        answer = request.form.get("useful", "")
        portal_type = getattr(self.context, "portal_type", "")
        if answer in ANSWERS and portal_type in PUBLIC_TYPES:
            record(page_key(self.context, view_name), answer)
            api.portal.show_message(
                _("feedback_thanks", default="感谢您的反馈！我们会据此改进页面。"), request=request, type="info"
            )
        return request.response.redirect(page_url + "#sz-feedback")


class PageFeedbackReport(BrowserView):
    """``@@page-feedback-report`` (administrators): the counts, least useful pages first."""

    def rows(self):
        portal_url = api.portal.get().absolute_url()
        rows = [
            {"page": key, "url": portal_url + key.rstrip("/"), "useful": yes, "not_useful": no}
            for key, (yes, no) in counts().items()
        ]
        return sorted(rows, key=lambda row: (-row["not_useful"], row["useful"], row["page"]))
