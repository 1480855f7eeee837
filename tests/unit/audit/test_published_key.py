"""Published checkpoint keys: added once, listed oldest first, none before any."""

from __future__ import annotations

from pathlib import Path

from audit.published_key import PublishedKeys


def test_publish_once_and_list(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'ledger.db'}"
    with PublishedKeys(url) as keys:
        assert keys.all() == []
        assert keys.publish("k+01", "k+01+AAAA", "2026-01-01T00:00:00Z") is True
        assert keys.publish("k+01", "k+01+BBBB", "2026-01-02T00:00:00Z") is False
        assert keys.publish("k+02", "k+02+CCCC", "2026-01-03T00:00:00Z") is True
    with PublishedKeys(url) as again:
        assert again.all() == ["k+01+AAAA", "k+02+CCCC"]
