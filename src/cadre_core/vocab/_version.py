"""The package version, kept where every stage can read it without importing the root."""

__version__ = "0.1.0"
