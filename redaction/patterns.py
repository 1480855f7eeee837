"""All pattern recognizers (regex + validators + context words) behind one call."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from models.finding import Finding
from redaction.addresses import find_international
from redaction.caps_names import find_caps_names
from redaction.clock_dates import find_clock_dates
from redaction.closing_names import find_closing_names
from redaction.companies import find_companies
from redaction.context import find_context_ids, find_long_numbers, find_self_labelled
from redaction.cued_given import find_cued_given_names
from redaction.cued_pairs import find_cued_pairs
from redaction.cued_unknown import find_cued_unknown_names
from redaction.cues import find_cued_names, find_signed_names
from redaction.dates import find_dates
from redaction.dialogue_names import find_dialogue_names
from redaction.email_names import find_email_names
from redaction.escaped_breaks import find_behind_escaped_breaks
from redaction.facilities import find_facilities
from redaction.facility_cues import find_cued_facilities
from redaction.gazetteer import find_places
from redaction.greetings import find_greeted_names
from redaction.header_items import find_header_item_names
from redaction.hospitals import find_home_towns, find_named_facilities, find_wards
from redaction.identifiers import find_identifiers
from redaction.informed_names import find_informed_names
from redaction.lead_names import find_lead_names
from redaction.legal_cues import find_legal_cues
from redaction.list_entries import find_list_entry_names
from redaction.located_streets import find_located_streets
from redaction.lowerdates import find_lower_dates
from redaction.middle_initials import find_middle_initial_names
from redaction.name_lines import find_name_lines
from redaction.name_lists import find_listed_names
from redaction.name_phrases import find_phrase_names
from redaction.names import (
    find_address_block_names,
    find_context_names,
    find_context_organizations,
    find_credentialed_names,
    find_described_names,
)
from redaction.pagers import find_pager_numbers
from redaction.parties import find_address_blocks, find_caption_parties
from redaction.persons import find_given_names, find_initialled_names, find_role_names
from redaction.phone_cues import find_cued_phones
from redaction.places import find_addresses, find_organizations
from redaction.possessive_names import find_possessive_names
from redaction.qp_view import find_decoded_names
from redaction.record_numbers import find_record_numbers
from redaction.regions import find_regions
from redaction.relation_names import find_relation_names
from redaction.reported import find_reported_names
from redaction.shortdates import find_short_dates
from redaction.signatures import find_signature_names
from redaction.signoffs import find_signoff_names
from redaction.speakers import find_speaker_names
from redaction.stay_places import find_stay_places
from redaction.street_blocks import find_street_blocks
from redaction.subject_names import find_subject_names
from redaction.surname_first import find_surname_first_names
from redaction.timestamps import find_timestamps
from redaction.verb_names import find_verb_names
from redaction.website_cues import find_cued_websites
from redaction.wrapped_names import find_wrapped_names

Recognizer = Callable[[str], Iterable[Finding]]

RECOGNIZERS: tuple[Recognizer, ...] = (
    find_identifiers,
    find_dates,
    find_short_dates,
    find_pager_numbers,
    find_record_numbers,
    find_facilities,
    find_named_facilities,
    find_wards,
    find_home_towns,
    find_places,
    find_cued_facilities,
    find_context_ids,
    find_self_labelled,
    find_context_names,
    find_cued_names,
    find_relation_names,
    find_initialled_names,
    find_given_names,
    find_role_names,
    find_reported_names,
    find_signed_names,
    find_address_block_names,
    find_described_names,
    find_credentialed_names,
    find_context_organizations,
    find_long_numbers,
    find_addresses,
    find_organizations,
    find_caption_parties,
    find_address_blocks,
    find_legal_cues,
    find_email_names,
    find_signature_names,
    find_wrapped_names,
    find_cued_given_names,
    find_list_entry_names,
    find_international,
    find_lower_dates,
    find_informed_names,
    find_regions,
    find_clock_dates,
    find_closing_names,
    find_stay_places,
    find_subject_names,
    find_header_item_names,
    find_decoded_names,
    find_signoff_names,
    find_listed_names,
    find_caps_names,
    find_verb_names,
    find_cued_pairs,
    find_greeted_names,
    find_surname_first_names,
    find_cued_unknown_names,
    find_street_blocks,
    find_located_streets,
    find_cued_phones,
    find_behind_escaped_breaks,
    find_cued_websites,
    find_companies,
    find_speaker_names,
    find_middle_initial_names,
    find_name_lines,
    find_phrase_names,
    find_timestamps,
    find_lead_names,
    find_possessive_names,
    find_dialogue_names,
)


def find_patterns(text: str) -> list[Finding]:
    """Every pattern finding in ``text`` (may overlap; the detector merges them)."""
    return [f for rec in RECOGNIZERS for f in rec(text)]
