"""On the case register, for clerks: the way to the desk."""

from plone import api
from plone.app.layout.viewlets import ViewletBase
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from suizhou.laborrights.cases.channels import ADD_CASE


class DeskLinksViewlet(ViewletBase):
    index = ViewPageTemplateFile("templates/desk_links.pt")

    def available(self):
        return api.user.has_permission(ADD_CASE, obj=self.context)

    def update(self):
        super().update()
        url = self.context.absolute_url()
        self.desk_url = f"{url}/@@intake-desk"
        self.oral_url = f"{url}/@@oral-application"

    def render(self):
        return self.index() if self.available() else ""
