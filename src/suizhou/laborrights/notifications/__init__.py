"""Telling people: e-mail and SMS after commit (``outbox``), what is said (``messages``), to
whom (``recipients``), on which events (``subscribers``); and the written notices of a case
(``documents``, as pages and PDF)."""
