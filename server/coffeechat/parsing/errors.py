"""The one exception the parser lets out."""

from coffeechat.errors import CoffeechatError


class ParseError(CoffeechatError):
    """The input is not a LinkedIn page we understand; the message says what was seen.

    `kind` names what the page was instead when the parser recognised it ("error" for an
    error page such as LinkedIn's "Page Not Found"), else None.
    """

    code, status = "unparseable_page", 422

    def __init__(self, message: str, *, kind: str | None = None):
        super().__init__(message)
        self.kind = kind
