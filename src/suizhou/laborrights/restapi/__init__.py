"""The REST API for machine clients: the mini-program, the 12345 hotline, Open311 clients.

``services/<endpoint>/`` holds one module per HTTP verb; what several endpoints share is here:
``errors`` (the error answers), ``service`` (the JSON service base), ``contract`` (the filing
contract of POST @cases), ``terms`` (vocabulary values as token + title), ``geo`` (distances),
``hotline`` (12345 tickets and status changes). The public description is docs/api.md and
docs/openapi.yaml.
"""
