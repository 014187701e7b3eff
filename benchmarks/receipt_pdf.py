"""What the receipt PDF mailed after every web filing costs (documents/registration_pdf.py),
with the QR code's mask pattern chosen by the library (it scores all eight) or fixed
(documents/qr.py), in blocks taken in turn.

Run through receipt_pdf.sh, which runs this twice: with reportlab's C accelerators (the
``rl_accel`` package) and without them (``_rl_accel`` hidden in ``sys.modules`` before Zope
starts: reportlab's Python fallbacks used). One case is filed on a new site; its receipt PDF is made from the
particulars as ``send_receipt`` does, N times per block, 4 blocks each way after a warm-up.
"""

from benchlib import as_admin
from benchlib import new_site
from benchlib import summary
from benchlib import timed
from functools import partial
from reportlab.lib import rl_accel
from suizhou.laborrights.cases.channels import PUBLIC
from suizhou.laborrights.cases.filing import file_case
from suizhou.laborrights.documents import pdf_base
from suizhou.laborrights.documents.qr import qr_png
from suizhou.laborrights.documents.receipt import receipt_data
from suizhou.laborrights.documents.registration_pdf import particulars
from suizhou.laborrights.documents.registration_pdf import registration_pdf_of

import sys
import transaction


BLOCK = int(sys.argv[-1])
FIELDS = {
    "channel": "web",
    "district": "zengdu",
    "applicant_name": "王小明",
    "applicant_phone": "13907221234",
    "applicant_email": "wang@example.org",
    "employer_name": "随州市某某机械有限公司",
    "dispute_types": ["wage_arrears"],
    "workers_involved": 1,
    "facts": "2026年8月至10月工资未发放，多次催要无果，请求支付拖欠工资。",
}
QR = {"库自选（8 种逐一评分）": partial(qr_png, mask_pattern=None), "固定（第 0 种）": qr_png}


def main(app):
    new_site(as_admin(app))
    case = file_case(dict(FIELDS), filer=PUBLIC)
    transaction.commit()
    data = receipt_data(case)
    sections = particulars(case, data, masked=True)
    accelerated = rl_accel.calcChecksum.__module__ != rl_accel.__name__
    samples = {name: [] for name in QR}
    for block in range(9):  # a warm-up, then 4 blocks each way, taken in turn
        for name in QR if block % 2 else reversed(QR):
            pdf_base.qr_png = QR[name]
            times = [timed(registration_pdf_of, sections, data)[:2] for _n in range(BLOCK)]
            if block:
                samples[name] += times
    pdf_base.qr_png = qr_png
    accel = "有（rl_accel）" if accelerated else "无（Python 代码）"
    for name, times in samples.items():
        print(f"| {accel} | {name} | {summary(times)}，n={len(times)} |")


main(app)  # noqa: F821 - `app` is given by `zconsole run`
