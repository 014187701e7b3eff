"""Marker interfaces of the intake desk."""

from zope.interface import Interface


class IOralApplication(Interface):
    """A case the clerk took down from an oral application (口头申请): its 口头申请笔录 is
    printed for the applicant to confirm and sign."""
