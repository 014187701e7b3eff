"""News (the home page's latest news): fictional events of the pilot's roll-out."""

from datetime import datetime
from suizhou.laborrights.demo.dates import YEAR


NEWS = [
    {
        "id": "one-stop-centers-all-districts",
        "title": "全市6个区县（市）劳动保障“一站式”维权中心全部挂牌运行",
        "description": "一个窗口受理、一张表登记、一管到底，劳动者维权“只进一扇门”。",
        "effective_date": datetime(YEAR, 3, 1, 9, 0),
        "text": "<p>3月1日起，随州市本级及曾都区、随县、广水市、随州高新区、大洪山风景名胜区的劳动保障"
        "“一站式”维权中心全部挂牌运行。中心集中受理劳动保障监察投诉、劳动人事争议调解仲裁申请，"
        "工会、法院、司法、公安等“1+X”协同单位同步入驻。</p>"
        "<p>劳动者可到就近的维权中心、乡镇（街道）服务站或村（社区）服务点，也可在本网站在线提交申请。（演示新闻）</p>",
    },
    {
        "id": "winter-wage-campaign",
        "title": "根治欠薪冬季专项行动启动，设立欠薪线索反映专窗",
        "description": "专项行动期间，各级维权中心开通欠薪线索“绿色通道”，集体欠薪当日响应。",
        "effective_date": datetime(YEAR, 11, 10, 9, 0),
        "text": "<p>随州市根治欠薪冬季专项行动11月启动。行动期间，各级维权中心设立欠薪线索反映专窗，"
        "对涉及10人以上的集体欠薪实行当日响应、部门联动处置。</p>"
        "<p>农民工朋友可拨打12345政务服务便民热线或12333人社服务热线反映欠薪线索。（演示新闻）</p>",
    },
    {
        "id": "gig-station-legal-service",
        "title": "零工驿站开设“法律服务+劳动维权”服务窗口",
        "description": "灵活就业人员在零工驿站即可登记求职、咨询法律问题和申请调解。",
        "effective_date": datetime(YEAR, 6, 18, 9, 0),
        "text": "<p>随州市零工驿站劳动维权服务站设立“招聘、求职登记、法律服务、劳动维权”一站式窗口，"
        "新就业形态劳动维权调解工作室的调解员每周定期坐班，为外卖骑手、网约车司机等提供咨询和调解服务。（演示新闻）</p>",
    },
    {
        "id": "arbitrators-serve-enterprises",
        "title": "“仲裁员进企业”活动走进高新区专用汽车产业园",
        "description": "企业出题、我们答题：仲裁员为园区企业开展用工合规体检。",
        "effective_date": datetime(YEAR, 9, 5, 9, 0),
        "text": "<p>9月5日，随州高新区劳动保障维权中心组织仲裁员走进专用汽车产业园，围绕加班管理、"
        "劳动合同订立和规章制度制定等企业关心的问题现场答疑。企业可通过网站预约“仲裁员进企业”服务。（演示新闻）</p>",
    },
]
