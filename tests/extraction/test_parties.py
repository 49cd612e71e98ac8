"""Parties and signing dates read from real corpus agreements by treaty drafting conventions."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from foedus.extraction.pipeline import extract


def _codes(corpus_dir: Path, stem: str) -> set[int]:
    metadata = extract(corpus_dir / f"{stem}.txt").metadata
    return {party.ccode for party in metadata.parties if party.ccode is not None}


def test_nato_parties_from_ratification_clause(corpus_dir: Path) -> None:
    # The preamble says only "The Parties to this Treaty"; Article 11 names the seven states
    # whose ratifications bring it into force (the other five signatories are not named).
    assert _codes(corpus_dir, "002_north-atlantic-treaty-1949") == {
        211, 20, 220, 212, 210, 200, 2  # Belgium Canada France Luxembourg NL UK US
    }  # fmt: skip


@pytest.mark.parametrize(
    ("stem", "expected"),
    [
        # "The Governments of Belgium, Canada, ... and the United States of America;"
        ("014_nato-technical-information-1970",
         {211, 20, 390, 220, 255, 350, 325, 212, 210, 385, 235, 640, 200, 2}),
        # the preamble opens with the nineteen states' names
        ("036_cambodia-neutrality-agreement-1991",
         {900, 835, 811, 20, 710, 220, 750, 850, 740, 812, 820, 840, 830, 800, 365, 200, 2, 816}),
        # "... the French Republic and the Federal Republic of Germany agree as follows"
        ("009_convention-foreign-forces-frg-1954", {2, 200, 220, 255}),
        # "This Agreement shall be open for signature ... by the People's Republic of ..."
        ("048_recaap-anti-piracy-asia-2004",
         {771, 835, 811, 710, 750, 850, 740, 732, 812, 820, 775, 840, 830, 780, 800, 816}),
    ],
)  # fmt: skip
def test_enumerated_parties(corpus_dir: Path, stem: str, expected: set[int]) -> None:
    assert _codes(corpus_dir, stem) == expected


def test_exchange_of_notes_parties_and_reply_date(corpus_dir: Path) -> None:
    # The first note spells "Tadjikistan"; the reply "shall form an Agreement between the
    # Government of the Republic of Tajikistan and the Government of the Kingdom of the
    # Netherlands", and it is dated "Dushanbe, October 17, 2002".
    metadata = extract(corpus_dir / "025_nl-tajikistan-status-2002.txt").metadata
    assert {party.ccode for party in metadata.parties} == {210, 702}
    assert metadata.signed == date(2002, 10, 17)
    # The reply approves "with the approval of the Netherlands Government"; the US note is
    # dated "June 4, 1954" without a comma, the reply "The Hague, June 4, 1954".
    metadata = extract(corpus_dir / "051_nl-us-special-weapons-development-1954.txt").metadata
    assert {party.ccode for party in metadata.parties} == {2, 210}
    assert metadata.signed == date(1954, 6, 4)
    somalia = extract(corpus_dir / "029_nl-somalia-wfp-escort-2008.txt").metadata
    assert somalia.signed == date(2008, 4, 1)  # "Nairobi, 1 April 2008", not 28 March


@pytest.mark.parametrize(
    ("stem", "signed"),
    [
        ("016_nl-us-rdp-mou-1978", date(1978, 8, 24)),  # the later of two dated signatures
        ("041_canada-australia-mutual-aid-1944", date(1944, 3, 9)),  # "Dated at Ottawa, ..."
        ("001_molotov-ribbentrop-pact-1939", date(1939, 8, 23)),  # "Moscow, August 23, 1939."
    ],
)
def test_signing_date_conventions(corpus_dir: Path, stem: str, signed: date) -> None:
    assert extract(corpus_dir / f"{stem}.txt").metadata.signed == signed


@pytest.mark.parametrize(
    ("stem", "not_parties"),
    [
        # the depositary governments named in the final clauses ("deposited with the
        # Governments of the Union of Soviet Socialist Republics, the United Kingdom ...")
        ("042_outer-space-treaty-1967", {365, 200, 2}),
        # Austria, a state forces transit to; not a party
        ("009_convention-foreign-forces-frg-1954", {305}),
        # Kenya, where the letters were written
        ("029_nl-somalia-wfp-escort-2008", {501}),
    ],
)
def test_mentioned_states_are_not_parties(
    corpus_dir: Path, stem: str, not_parties: set[int]
) -> None:
    assert not _codes(corpus_dir, stem) & not_parties
