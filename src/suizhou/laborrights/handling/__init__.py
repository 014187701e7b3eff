"""Case handling: triage, routing and local roles, mediation first, statutory clocks,
worklists and the case history (see docs/case-handling.md)."""
