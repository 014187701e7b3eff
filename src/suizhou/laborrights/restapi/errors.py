"""Error answers of the REST API: ``{"error": {"type", "message", "fields"}}`` in Chinese.

A service raises ``ApiError``; ``service.JsonService`` turns it into the status code, headers
and body. ``fields`` names each bad field (as the client sent it) with a Chinese message.
"""

from plone import api
from suizhou.laborrights import _
from suizhou.laborrights.i18n import zh


class ApiError(Exception):
    def __init__(self, status, type_, message, fields=None, headers=None):
        super().__init__(status, type_)
        self.status = status
        self.type = type_
        self.message = zh(message)
        self.fields = {name: zh(text) for name, text in (fields or {}).items()}
        self.headers = headers or {}

    def body(self):
        error = {"type": self.type, "message": self.message}
        if self.fields:
            error["fields"] = self.fields
        return {"error": error}


def bad_request(fields=None, message=None, type_="BadRequest"):
    return ApiError(
        400,
        type_,
        message or _("api_error_bad_request", default="提交的内容有误，请按提示修改后重新提交。"),
        fields,
    )


def bad_parameter(name):
    """A query or form parameter given twice, or as a list or number where text is wanted."""
    return bad_request(
        {name: _("api_error_parameter_once", default="参数格式不正确（每个参数只能提供一次）。")}
    )


def unauthorized_or_forbidden():
    """401 for an anonymous caller (log in first), 403 for a user without the right."""
    if api.user.is_anonymous():
        return ApiError(401, "Unauthorized", _("api_error_unauthorized", default="请先登录。"))
    return ApiError(403, "Forbidden", _("api_error_forbidden", default="您没有权限执行此操作。"))


def not_found(message=None):
    return ApiError(
        404, "NotFound", message or _("api_error_not_found", default="没有找到请求的内容。")
    )


def too_many_requests(retry_after):
    return ApiError(
        429,
        "TooManyRequests",
        _(
            "api_error_too_many_requests",
            default="查询失败次数过多，请${seconds}秒后再试。",
            mapping={"seconds": retry_after},
        ),
        headers={"Retry-After": str(retry_after)},
    )
