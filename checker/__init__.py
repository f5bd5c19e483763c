"""chronolint: checks the dates a text states against each other, the calendar and its publication date."""

__version__ = "0.1.0"
