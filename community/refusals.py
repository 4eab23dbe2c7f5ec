"""One refusal for every surface: a stable code for clients, words for people, and the field."""


class Refused(Exception):
    """A write refused. Views show `message` beside `field` (keeping the member's text);
    sockets send it as an error frame with `code`. `retry_after` is in seconds, when known."""

    def __init__(self, code: str, message: str, field: str | None = None, *,
                 retry_after: int | None = None):
        super().__init__(message)
        self.code, self.message, self.field, self.retry_after = code, message, field, retry_after
        self.help: list = []  # help lines to show with the refusal, when the words suggest risk

    def add_to(self, form) -> None:
        """Show the refusal on a bound form: beside its field, or above the form."""
        form.add_error(self.field if self.field in form.fields else None, self.message)

    def __repr__(self) -> str:
        return f"Refused({self.code!r}, {self.message!r}, {self.field!r})"
