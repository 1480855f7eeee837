"""Typed settings and default policy/routing data."""

from config.settings import Settings, get_settings

__all__ = ["Settings", "get_settings"]
