"""Routing tags from inbox folders: known names only; a family is the files of one folder."""

from __future__ import annotations

from review.routing import RoutingTable, Tags
from review.tags import InboxTagger

TABLE = RoutingTable(tags=Tags(specialties=("oncology",)))


def test_known_folder_names_become_tags_and_others_are_never_recorded() -> None:
    tagger = InboxTagger(TABLE)
    tags = tagger.tags(("medical", "oncology", "urgent", "scan.txt"), "doc-1")
    assert tags == {"specialty": "oncology", "priority": "urgent"}


def test_files_of_one_unknown_folder_share_the_first_members_id_as_family() -> None:
    tagger = InboxTagger(TABLE)
    first = tagger.tags(("legal", "Smith v Jones", "a.txt"), "doc-a")
    second = tagger.tags(("legal", "Smith v Jones", "b.txt"), "doc-b")
    other = tagger.tags(("legal", "other", "c.txt"), "doc-c")
    assert first == second == {"family": "doc-a"} and other == {"family": "doc-c"}
    assert tagger.tags(("legal", "top.txt"), "doc-t") == {}
