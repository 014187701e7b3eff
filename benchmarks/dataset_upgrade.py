"""The add-on's pending upgrade steps on the stored generated register itself (dataset.sh N
upgrade), so that the runs' copies need not each run them again."""

from plone import api

import benchlib
import datetime
import pytz


benchlib.dataset_site(benchlib.as_admin(app))  # noqa: F821 - `app` is given by `zconsole run`
version = ".".join(api.portal.get_tool("portal_setup").getLastVersionForProfile(benchlib.PROFILE))
today = datetime.datetime.now(pytz.timezone("Asia/Shanghai"))
print(f"upgraded to profile version {version} on {today:%Y-%m-%d %H:%M} Beijing time")
app._p_jar.db().close()  # noqa: F821 - writes the FileStorage's index
