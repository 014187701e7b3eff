"""The case's one home: the register, filing from every channel, the channel rules, duplicate
detection, the citizen's lookup, closure and the case indexers.

Every path that creates a case calls ``filing.file_case``; every change of a case's state is a
workflow transition, whose events (``handling.events``) later rules subscribe to.
"""
