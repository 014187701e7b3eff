"""Early warning of collective disputes (风险预警, issue 14 item 1).

``rules`` are the five rules, read from the control panel ``controlpanels/warnings.py``;
``subscribers`` run them on the case events; ``store`` keeps the warnings (private to the city
and district administrators, ``access``); ``notify`` tells them of new red warnings; ``views``
are the ``@@warnings`` list and the ``@@warning`` page where a warning is handled and closed.
"""
