"""零工驿站 (gig-worker stations), four in one: job postings, job-seeker registration, matching
and referrals, and the station's public page with its legal-service and rights-protection entries.

- ``folders``: the two site folders (``jobs`` public, ``job-seekers`` private) and who may add;
- ``postings``: the posting checks (phone, credit code, pay against the minimum wage, expiry),
  creation, review local roles and Plone's expiration date;
- ``seekers``: registration, consent and its withdrawal;
- ``matching``: seekers against postings, referrals and their outcome;
- ``views``, ``restapi``: the pages and the public ``@gig-postings`` endpoints.
"""
