"""Public filing: the EasyForm forms that register cases, their receipts, the progress lookup.

- ``action``: the "登记为维权事项" EasyForm action (form submission → case);
- ``install`` and ``models/``: the four public forms created by the default profile;
- ``receipt``, ``pdf``, ``qr``: the receipt page, the registration form as PDF, the QR code;
- ``progress``, ``rating``: the progress lookup by reference + phone, the rating after closure;
- ``attachments``, ``duplicates``, ``challenge``, ``validators``: checks of a filing;
- ``settings``: the registry records ``suizhou.laborrights.filing.*`` and their control panel.
"""
