"""Control panel 维权平台：门户网站 (``@@laborrights-public``): the public site, registry records
``suizhou.laborrights.public.*`` (the prefix is a stored name: never change it).

What another city changes without code: the entries of the home page, the hotlines, where the
filing forms are, the map's tile server, the search words of each dispute type and the search
synonyms, the people's court of each district (司法确认, ``settings.court_name``), and the
site's identity in the footer (主办/承办单位, 备案号, 网站标识码, 找错 link).
Lines are ``字段|字段|…``; a link is relative to the site root unless it starts with ``http``
or ``/``.
"""

from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.supermodel import model
from suizhou.laborrights import _
from zope import schema
from zope.interface import Invalid
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


PREFIX = "suizhou.laborrights.public"


def _court_line(value):
    code, _sep, name = (value or "").partition("|")
    if not code.strip() or not name.strip() or "|" in name:
        raise Invalid(
            _(
                "error_court_line",
                default="无法识别“${line}”：请写“区县代码|法院名称”，如 zengdu|随州市曾都区人民法院。",
                mapping={"line": value},
            )
        )
    return True


class IPublicSettings(model.Schema):
    """The public site: home page, forms, map, search."""

    home_entries = schema.Tuple(
        title=_("label_home_entries", default="首页服务入口"),
        description=_(
            "help_home_entries",
            default="每行一项：代码|名称|链接|说明。代码决定图标（complaint、mediation、arbitration、"
            "enterprise、progress、stations、mediators、cases、checklists、gig），链接相对于站点根目录。",
        ),
        value_type=schema.TextLine(),
        default=(
            "complaint|我要投诉|apply/complaint|拖欠工资、未缴社保等违法行为投诉",
            "mediation|申请调解|apply/mediation|先调后裁，调解不收费",
            "arbitration|申请仲裁|apply/arbitration|劳动人事争议仲裁申请",
            "enterprise|企业服务|apply/employer-service|仲裁员进企业：企业出题、我们答题",
            "progress|进度查询|@@case-progress|凭受理编号和手机号查询办理进度",
            "stations|服务站点|stations|就近找到维权中心、服务站和服务点",
            "mediators|调解员|mediators|五调联动，金牌调解员为您服务",
            "cases|典型案例|typical-cases|以案释法，看看类似的事怎么办",
            "checklists|告知清单|guides?kind=checklist|所需材料一次告知，少跑腿",
            "gig|零工驿站|@@gig-jobs|招聘、求职登记、法律服务、劳动维权",
        ),
        missing_value=(),
        required=False,
    )
    hotlines = schema.Tuple(
        title=_("label_hotlines", default="服务热线"),
        description=_("help_hotlines", default="每行一项：号码|名称。"),
        value_type=schema.TextLine(),
        default=("12345|政务服务便民热线", "12333|人社服务热线"),
        missing_value=(),
        required=False,
    )
    filing_forms = schema.Tuple(
        title=_("label_filing_forms", default="在线办理表单"),
        description=_(
            "help_filing_forms",
            default="每行一项：代码|名称|链接|适用争议类型代码（逗号分隔，留空表示全部）。"
            "办事指南按争议类型显示对应的在线办理入口。",
        ),
        value_type=schema.TextLine(),
        default=(
            "complaint|我要投诉|apply/complaint|wage_arrears,social_insurance,unemployment_insurance,overtime,other",
            "mediation|申请调解|apply/mediation|wage_arrears,labor_contract,dismissal,overtime,work_injury,platform_work",
            "arbitration|申请仲裁|apply/arbitration|wage_arrears,labor_contract,dismissal,overtime,work_injury",
            "enterprise|企业服务预约|apply/employer-service|employer_consultation",
        ),
        missing_value=(),
        required=False,
    )
    station_form = schema.TextLine(
        title=_("label_station_form", default="站点二维码指向的表单"),
        description=_(
            "help_station_form",
            default="服务站点页面二维码打开的表单链接；表单会预先选定该站点所在的区县和乡镇（街道）。",
        ),
        default="apply/complaint",
        required=False,
    )
    map_tile_url = schema.TextLine(
        title=_("label_map_tile_url", default="地图底图瓦片地址"),
        description=_(
            "help_map_tile_url",
            default="瓦片地址模板，{z}{x}{y} 为级别和行列号，{s} 为子域名。天地图矢量底图例如 "
            "https://t{s}.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec"
            "&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=您的密钥 。"
            "留空则不加载底图：地图只按经纬度标出站点，站点列表和“离我最近”照常可用。",
        ),
        default="",
        required=False,
    )
    map_label_tile_url = schema.TextLine(
        title=_("label_map_label_tile_url", default="地图注记瓦片地址"),
        description=_(
            "help_map_label_tile_url",
            default="叠加在底图上的地名注记图层（天地图的底图不含地名，注记图层为 cva_w，写法同上，"
            "LAYER=cva）。留空则不叠加。",
        ),
        default="",
        required=False,
    )
    map_tile_subdomains = schema.TextLine(
        title=_("label_map_tile_subdomains", default="瓦片子域名"),
        description=_(
            "help_map_tile_subdomains",
            default="地址中 {s} 依次取的值，每个字符一个，如天地图填 01234567 。留空为 abc 。",
        ),
        default="",
        required=False,
    )
    map_tile_datum = schema.Choice(
        title=_("label_map_tile_datum", default="底图坐标系"),
        description=_(
            "help_map_tile_datum",
            default="天地图和大多数国际底图为 WGS-84（CGCS2000）；高德、腾讯的瓦片为 GCJ-02，"
            "选错时站点标记会偏离数百米。站点的经纬度始终按 WGS-84 填写。",
        ),
        vocabulary=SimpleVocabulary(
            [
                SimpleTerm("wgs84", title=_("datum_wgs84", default="WGS-84 / CGCS2000（天地图等）")),
                SimpleTerm("gcj02", title=_("datum_gcj02", default="GCJ-02（高德、腾讯）")),
            ]
        ),
        default="wgs84",
        required=False,
    )
    map_attribution = schema.TextLine(
        title=_("label_map_attribution", default="地图底图版权说明"),
        default="",
        required=False,
    )
    map_center_latitude = schema.Float(
        title=_("label_map_center_latitude", default="地图中心纬度"),
        default=31.69,
        min=-90.0,
        max=90.0,
    )
    map_center_longitude = schema.Float(
        title=_("label_map_center_longitude", default="地图中心经度"),
        default=113.38,
        min=-180.0,
        max=180.0,
    )
    map_zoom = schema.Int(
        title=_("label_map_zoom", default="地图初始缩放级别"),
        default=9,
        min=1,
        max=18,
    )
    search_keywords = schema.Tuple(
        title=_("label_search_keywords", default="争议类型的检索词"),
        description=_(
            "help_search_keywords",
            default="每行一项：争议类型代码|检索词（空格分隔）。办事指南、典型案例、服务站点和调解员"
            "按其争议类型带上这些词，搜索“欠薪”也能找到“拖欠工资”的内容。保存后自动更新索引。",
        ),
        value_type=schema.TextLine(),
        default=(
            "wage_arrears|欠薪 讨薪 工资拖欠 拖欠工资 欠发工资 克扣工资 农民工工资",
            "labor_contract|劳动合同 未签合同 二倍工资 试用期",
            "dismissal|辞退 开除 解除劳动合同 经济补偿 赔偿金",
            "social_insurance|社保 社保补缴 五险 养老保险 医疗保险",
            "work_injury|工伤 工伤认定 工伤赔偿 职业伤害 职业病",
            "overtime|加班 加班费 加班工资",
            "unemployment_insurance|失业金 失业保险金",
            "platform_work|骑手 外卖 网约车 快递员 灵活就业 平台用工 零工",
            "employer_consultation|企业咨询 用工咨询 仲裁员进企业 企业出题",
        ),
        missing_value=(),
        required=False,
    )
    search_synonyms = schema.Tuple(
        title=_("label_search_synonyms", default="搜索同义词"),
        description=_(
            "help_search_synonyms",
            default="每行一组同义词（空格分隔）。搜索其中任何一个词，就按整组词查找：搜“欠工资”也能找到"
            "“欠薪”“拖欠工资”的内容。搜索这些词（以及争议类型的检索词）时，办事指南、告知清单和典型案例"
            "排在服务站点和调解员之前。",
        ),
        value_type=schema.TextLine(),
        default=(
            "欠薪 欠工资 拖欠工资 工资拖欠 欠发工资 讨薪 不发工资 拿不到工资",
            "工伤 受伤 工作受伤 上班受伤 工伤认定 职业病",
            "辞退 开除 解雇 炒鱿鱼 解除劳动合同 被裁员",
            "社保 社会保险 五险 没交社保 社保补缴",
            "加班 加班费 加班工资",
            "劳动合同 合同 没签合同 未签合同",
            "仲裁 劳动仲裁 打官司",
        ),
        missing_value=(),
        required=False,
    )
    site_sponsor = schema.TextLine(
        title=_("label_site_sponsor", default="主办单位"),
        description=_("help_site_sponsor", default="页脚显示的网站主办单位。默认值仅为示例，上线前请改为实际单位。"),
        default="随州市人力资源和社会保障局（示例）",
        required=False,
    )
    site_organiser = schema.TextLine(
        title=_("label_site_organiser", default="承办单位"),
        default="随州市劳动人事争议仲裁院（示例）",
        required=False,
    )
    icp_number = schema.TextLine(
        title=_("label_icp_number", default="ICP备案号"),
        description=_("help_icp_number", default="例如 鄂ICP备12345678号-1 ，链接到工业和信息化部备案管理系统。"),
        default="鄂ICP备00000000号-1（示例）",
        required=False,
    )
    police_number = schema.TextLine(
        title=_("label_police_number", default="公安备案号"),
        description=_(
            "help_police_number", default="例如 鄂公网安备42130002000000号 ，链接到全国互联网安全管理服务平台。"
        ),
        default="鄂公网安备42130000000000号（示例）",
        required=False,
    )
    site_code = schema.TextLine(
        title=_("label_site_code", default="网站标识码"),
        default="4213000000（示例）",
        required=False,
    )
    error_report_url = schema.TextLine(
        title=_("label_error_report_url", default="政府网站找错链接"),
        description=_(
            "help_error_report_url",
            default="全国政府网站找错平台中本网站的地址，页脚的“政府网站找错”链接打开它；留空则不显示该链接。",
        ),
        default="https://zfwzzc.www.gov.cn/",
        required=False,
    )
    courts = schema.Tuple(
        title=_("label_courts", default="受理司法确认的人民法院"),
        description=_(
            "help_courts",
            default="每行一项：区县代码|法院名称，如 zengdu|随州市曾都区人民法院（区县代码见“基础数据”）。"
            "调解协议司法确认申请书等文书按案件所在区县填写法院名称；未列出的区县在文书中留出空白，由工作人员手填。",
        ),
        value_type=schema.TextLine(constraint=_court_line),
        default=(),
        missing_value=(),
        required=False,
    )
    notify_reviewers = schema.Bool(
        title=_("label_notify_reviewers", default="提交审核时邮件通知审核员"),
        description=_(
            "help_notify_reviewers",
            default="宣传员提交典型案例、办事指南或新闻待审核时，给“审核员”组的成员发邮件。",
        ),
        default=True,
        required=False,
    )


class PublicSettingsForm(RegistryEditForm):
    schema = IPublicSettings
    schema_prefix = PREFIX
    label = _("label_public_controlpanel", default="维权平台：门户网站")


class PublicSettingsView(ControlPanelFormWrapper):
    form = PublicSettingsForm
