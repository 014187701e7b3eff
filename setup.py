from setuptools import find_packages
from setuptools import setup


setup(
    name="suizhou.laborrights",
    version="1.0.0.dev0",
    description="随州市劳动保障“一站式”维权服务平台 (Plone 6 add-on)",
    long_description=open("README.md", encoding="utf-8").read(),
    long_description_content_type="text/markdown",
    classifiers=[
        "Environment :: Web Environment",
        "Framework :: Plone",
        "Framework :: Plone :: 6.2",
        "Framework :: Plone :: Addon",
        "Programming Language :: Python :: 3.11",
    ],
    license="GPL-2.0-only",
    packages=find_packages("src"),
    package_dir={"": "src"},
    include_package_data=True,
    zip_safe=False,
    python_requires=">=3.11",
    install_requires=[
        "Products.CMFPlone",
        "plone.api",
        "plone.app.contenttypes",
        "plone.app.dexterity",
        "plone.restapi",
        "collective.easyform",
        "collective.monkeypatcher",
        "collective.z3cform.datagridfield",
        "chinesecalendar",
        "docxtpl",
        "lunar-python",
        "python-stdnum",
        "openpyxl",
        "pypinyin",
        "qrcode",
        "reportlab",
        "rl_accel",  # reportlab's C accelerators (the receipt PDF of every web filing)
    ],
    extras_require={
        "test": [
            "plone.app.testing",
            "plone.testing",
            "plone.restapi[test]",
            "zxing-cpp",  # reads the QR codes as a phone would
        ],
    },
    entry_points="""
    [z3c.autoinclude.plugin]
    target = plone
    [paste.filter_factory]
    static = suizhou.laborrights.wsgi:filter_factory
    """,
)
