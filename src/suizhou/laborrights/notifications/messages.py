"""What the applicant and the staff are told, per kind of news, in Chinese.

Messages name the case by its reference number only: no names, identity numbers or facts go
into an e-mail or a text message. Staff follow the link to the case, the applicant to the
public progress page (which asks for the phone number).
"""

from collections import namedtuple
from suizhou.laborrights import _
from suizhou.laborrights.handling import periods
from suizhou.laborrights.handling.refusal import NO_REASON
from suizhou.laborrights.i18n import zh as t
from suizhou.laborrights.notifications import recipients
from suizhou.laborrights.settings import site_name
from suizhou.laborrights.timezone import chinese_date
from suizhou.laborrights.timezone import format_datetime
from suizhou.laborrights.vocabularies import title_of


# sms: the text message (None: no SMS); subject, body: the e-mail.
Message = namedtuple("Message", ("sms", "subject", "body"))


def _facts(case, **extra):
    """The mapping every message may use."""
    facts = {
        "reference": case.getId(),
        "dispute_types": "、".join(title_of("dispute_types", code) for code in case.dispute_types or ()),
        "received": format_datetime(case.received),
        "route": title_of("routes", case.route) if case.route else "",
        "unit": recipients.unit_title(case.assigned_unit),
        "progress_url": recipients.progress_url(case),
        "case_url": recipients.staff_case_url(case),
    }
    facts.update({key: "" if value is None else value for key, value in extra.items()})
    return facts


def _stage_title(stage):
    """调解, 仲裁审理 …: a clock's stage (``handling.clocks``) or else a route."""
    if not stage:
        return ""
    if stage in periods.STAGES:
        return t(periods.STAGES[stage].title)
    return title_of("routes", stage)


FOOTER = _("mail_footer_site", default="本邮件由系统自动发送，请勿直接回复。\n${site}")


def _filled(message, facts):
    return t(message, **facts)


def _mail(subject, body, facts, sms=None):
    return Message(
        sms=_filled(sms, facts) if sms is not None else None,
        subject=_filled(subject, facts),
        body=f"{_filled(body, facts)}\n\n{t(FOOTER, site=site_name())}",
    )


# --- to the applicant -----------------------------------------------------------------------


def applicant_routed(case):
    return _mail(
        _("applicant_routed_subject", default="维权事项${reference}已分办"),
        _(
            "applicant_routed_body",
            default="您好！\n\n您的维权事项（受理编号：${reference}）已分办至${unit}办理"
            "（${route}）。承办单位将尽快与您联系。\n\n查询办理进度：${progress_url}\n"
            "（查询时请输入受理编号和登记的联系电话）",
        ),
        _facts(case),
        sms=_(
            "applicant_routed_sms",
            default="您的维权事项${reference}已分办至${unit}办理，进度查询：${progress_url}",
        ),
    )


def applicant_transferred(case, from_stage, to_stage, reason=""):
    facts = _facts(case, from_stage=_stage_title(from_stage), to_stage=_stage_title(to_stage), reason=reason)
    return _mail(
        _("applicant_transferred_subject", default="维权事项${reference}已转入${to_stage}"),
        _(
            "applicant_transferred_body",
            default="您好！\n\n您的维权事项（受理编号：${reference}）已由${from_stage}转入"
            "${to_stage}程序办理。\n\n查询办理进度：${progress_url}",
        ),
        facts,
        sms=_(
            "applicant_transferred_sms",
            default="您的维权事项${reference}已由${from_stage}转入${to_stage}，进度查询：${progress_url}",
        ),
    )


def applicant_closed(case, outcome):
    facts = _facts(case, outcome=title_of("outcomes", outcome) if outcome else "")
    return _mail(
        _("applicant_closed_subject", default="维权事项${reference}已办结"),
        _(
            "applicant_closed_body",
            default="您好！\n\n您的维权事项（受理编号：${reference}）已办结，办理结果：${outcome}。"
            "\n\n欢迎您对我们的服务作出评价：${progress_url}\n（请输入受理编号和登记的联系电话）",
        ),
        facts,
        sms=_(
            "applicant_closed_sms",
            default="您的维权事项${reference}已办结（${outcome}），欢迎评价我们的服务：${progress_url}",
        ),
    )


def applicant_rejected(case, reason):
    facts = _facts(case, reason=(reason or "").strip().rstrip("。.；;") or t(NO_REASON))
    return _mail(
        _("applicant_rejected_subject", default="维权事项${reference}不予受理"),
        _(
            "applicant_rejected_body",
            default="您好！\n\n经审查，您的维权事项（受理编号：${reference}）不予受理。\n"
            "理由：${reason}\n\n您可到受理窗口领取《不予受理通知书》，或查询：${progress_url}",
        ),
        facts,
        sms=_(
            "applicant_rejected_sms",
            default="您的维权事项${reference}不予受理，理由：${reason}。详询：${progress_url}",
        ),
    )


def applicant_supplement(case, supply, supply_by):
    facts = _facts(case, supply=supply, supply_by=chinese_date(supply_by))
    return _mail(
        _("applicant_supplement_subject", default="维权事项${reference}需补正材料"),
        _(
            "applicant_supplement_body",
            default="您好！\n\n您的维权事项（受理编号：${reference}）材料不齐备，请于${supply_by}前"
            "补正下列材料：\n${supply}\n\n审查期限自收到补正材料之日起重新计算。"
            "您可到受理窗口领取《补正通知书》，或查询：${progress_url}",
        ),
        facts,
        sms=_(
            "applicant_supplement_sms",
            default="您的维权事项${reference}需补正材料：${supply}。请于${supply_by}前提交。详询：${progress_url}",
        ),
    )


def applicant_extended(case, days, due):
    facts = _facts(case, days=days, due=chinese_date(due))
    return _mail(
        _("applicant_extended_subject", default="维权事项${reference}仲裁审理期限延长"),
        _(
            "applicant_extended_body",
            default="您好！\n\n您的仲裁案件（受理编号：${reference}）经仲裁委员会主任批准，审理期限延长"
            "${days}日，至${due}届满（《劳动争议调解仲裁法》第四十三条）。《延长仲裁期限通知书》可到"
            "承办单位领取，或查询：${progress_url}",
        ),
        facts,
        sms=_(
            "applicant_extended_sms",
            default="您的仲裁案件${reference}经批准延长审理期限${days}日，至${due}届满。详询：${progress_url}",
        ),
    )


def applicant_acceptance_overdue(case, due):
    facts = _facts(case, due=chinese_date(due))
    return _mail(
        _("applicant_acceptance_overdue_subject", default="维权事项${reference}逾期未作出受理决定"),
        _(
            "applicant_acceptance_overdue_body",
            default="您好！\n\n您的仲裁申请（受理编号：${reference}）未能在法定期限内（${due}前）作出"
            "是否受理的决定。根据《劳动争议调解仲裁法》第二十九条，您可以就该劳动争议事项向人民法院"
            "提起诉讼。\n\n查询：${progress_url}",
        ),
        facts,
        sms=_(
            "applicant_acceptance_overdue_sms",
            default="您的仲裁申请${reference}未在${due}前作出受理决定，您可依法向人民法院提起诉讼。"
            "详询：${progress_url}",
        ),
    )


# --- to the unit and the handler -------------------------------------------------------------


def staff_routed(case, reason="", copy=False):
    facts = _facts(case, reason=reason or "—")
    if copy:
        subject = _("staff_copied_subject", default="【抄送】维权事项${reference}（${dispute_types}）")
    else:
        subject = _("staff_routed_subject", default="【待办】维权事项${reference}（${dispute_types}）")
    return _mail(
        subject,
        _(
            "staff_routed_body",
            default="受理编号：${reference}\n争议类型：${dispute_types}\n受理时间：${received}\n"
            "分办去向：${route}\n承办单位：${unit}\n分办意见：${reason}\n\n办理：${case_url}",
        ),
        facts,
    )


def staff_transferred(case, from_stage, to_stage, reason=""):
    facts = _facts(
        case, from_stage=_stage_title(from_stage), to_stage=_stage_title(to_stage), reason=reason or "—"
    )
    return _mail(
        _("staff_transferred_subject", default="【转程序】维权事项${reference}：${from_stage}→${to_stage}"),
        _(
            "staff_transferred_body",
            default="受理编号：${reference}\n争议类型：${dispute_types}\n由${from_stage}转入${to_stage}。"
            "\n说明：${reason}\n\n办理：${case_url}",
        ),
        facts,
    )


def staff_due(case, stage, due, overdue=False):
    facts = _facts(case, stage=_stage_title(stage), due=due.isoformat() if due else "")
    if overdue:
        subject = _(
            "staff_overdue_subject", default="【已超期】维权事项${reference}：${stage}期限${due}已届满"
        )
        body = _(
            "staff_overdue_body",
            default="受理编号：${reference}\n争议类型：${dispute_types}\n${stage}期限已于${due}届满，"
            "请尽快办理并说明情况。\n\n办理：${case_url}",
        )
    else:
        subject = _("staff_due_soon_subject", default="【即将到期】维权事项${reference}：${stage}期限${due}")
        body = _(
            "staff_due_soon_body",
            default="受理编号：${reference}\n争议类型：${dispute_types}\n${stage}期限将于${due}届满，"
            "请在期限内办结。\n\n办理：${case_url}",
        )
    return _mail(subject, body, facts)


def staff_closed(case, outcome):
    facts = _facts(case, outcome=title_of("outcomes", outcome) if outcome else "")
    return _mail(
        _("staff_closed_subject", default="【已办结】维权事项${reference}：${outcome}"),
        _(
            "staff_closed_body",
            default="受理编号：${reference}\n争议类型：${dispute_types}\n办理结果：${outcome}\n\n"
            "查看：${case_url}",
        ),
        facts,
    )
