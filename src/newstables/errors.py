"""The one exception type a user sees for bad input."""


class NewstablesError(ValueError):
    """Bad input: the message says what is wrong and what to do about it, in one line."""
