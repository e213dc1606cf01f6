"""The one exception the parser lets out."""

from coffeechat.errors import CoffeechatError


class ParseError(CoffeechatError):
    """The input is not a LinkedIn page we understand; the message says what was seen."""

    code, status = "unparseable_page", 422
