"""Parallax: publish a news corpus as a static site, one page per event, every outlet side by side."""

__version__ = "0.1.0"
