"""The 常见问题 and 政策法规 sections: plain folders of Documents (one question and its answer,
or one policy's summary, per Document), created by ``public.setup.create_sections``.

The FAQ page shows each question with its answer (``<details>``, so a phone shows the list
first); the policy page lists each summary with a link to it.
"""

from plone import api
from suizhou.laborrights.public.page import PublicPage


class SectionListing(PublicPage):
    """The published Documents of the folder, in the folder's order."""

    show_text = False

    def items(self):
        brains = api.content.find(
            context=self.context,
            depth=1,
            portal_type="Document",
            review_state="published",
            sort_on="getObjPositionInParent",
        )
        if not self.show_text:
            return [{"title": b.Title, "description": b.Description, "url": b.getURL(), "text": ""} for b in brains]
        items = []
        for brain in brains:
            obj = brain.getObject()
            text = obj.text.output if getattr(obj, "text", None) else ""
            items.append({"title": brain.Title, "description": brain.Description, "url": brain.getURL(), "text": text})
        return items


class FAQListing(SectionListing):
    show_text = True
