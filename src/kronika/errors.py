"""kronika's exceptions. The CLI and the web app translate them into one-line messages."""


class KronikaError(Exception):
    """Base class: a user-facing error with a one-line message."""


class InputError(KronikaError):
    """The input cannot be analysed: missing, empty, binary, wrong encoding, too large, not English."""


class UnsupportedLanguage(InputError):
    pass


class FetchError(InputError):
    pass


class DateError(KronikaError):
    """An impossible or unparseable date given by the user."""


class DataError(KronikaError):
    """A data file of kronika's (lexicons, triggers, dictionaries) is malformed: names the file
    and the entry."""
