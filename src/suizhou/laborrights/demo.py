"""The demo profile: fictional content for a city that has just started using the site."""


def post_install(context):
    pass
