"""Domain errors. The API maps them to one JSON error shape, the CLI to a message and exit code."""


class CoffeechatError(Exception):
    """Base of every error the product reports to a person."""

    code = "error"
    status = 400

    def __init__(self, message: str, *, code: str | None = None, status: int | None = None):
        super().__init__(message)
        self.message = message
        if code:
            self.code = code
        if status:
            self.status = status


class BadInput(CoffeechatError):
    code, status = "bad_request", 400


class NotFound(CoffeechatError):
    code, status = "not_found", 404


class Conflict(CoffeechatError):
    code, status = "conflict", 409


class StorageError(CoffeechatError):
    """The data directory refused a write or holds a file we must not touch."""

    code, status = "storage_error", 503


class CorruptStore(StorageError):
    code, status = "corrupt_store", 500


class TemplateProblem(CoffeechatError):
    """A user template failed to load or render; the message names the file and line."""

    code, status = "template_error", 422
