"""Arbitrators serving enterprises (仲裁员进企业：企业出题、我们答题) and the enterprise register.

- ``orders``: an employer's service order (checks, creation, assignment to an arbitrator) and
  its visit records; ``action``: the public form's easyform action that files an order;
- ``register``: per credit code the orders, visits and disputes against the employer, and the
  risk level set by staff with a reason (besides the early-warning risk list);
- ``views``: the order receipt and the staff-only register pages.
"""
