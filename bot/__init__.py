"""WhoSaid: who said what in a news article, and which figures differ."""

__version__ = "0.1.0"
