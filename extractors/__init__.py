"""copydesk extractors: a pure library over plain text (no CLI or terminal imports)."""

__version__ = "0.1.0"
