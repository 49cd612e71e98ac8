"""Metadata, kind and ATOP mapping read from real agreements."""

from __future__ import annotations

from datetime import date

import pytest

from foedus.domain.agreements import AgreementKind
from foedus.extraction.atop_mapping import atop_coding, compare_with_atop
from foedus.extraction.corpus import load_corpus
from foedus.extraction.kind import predict_kind
from foedus.extraction.metadata import parse_date
from foedus.extraction.pipeline import extract


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Done at Washington, the fourth day of April, 1949.", date(1949, 4, 4)),
        ("The Hague, March 24, 1960.", date(1960, 3, 24)),
        ("DONE in Doha on 16 December 2014 in two original copies", date(2014, 12, 16)),
        ("signed on 2008-04-01", date(2008, 4, 1)),
        ("on the 31st day of February 1950", None),
    ],
)
def test_parse_date(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


def test_nato_metadata(nato_text: str) -> None:
    result = extract(nato_text.encode(), name="nato.txt")
    meta = result.metadata
    assert meta.signed == date(1949, 4, 4)
    assert meta.signed_place == "Washington"
    assert meta.languages == ["English", "French"]
    assert meta.entry_into_force_trigger == "ratification"
    assert result.kind is AgreementKind.MUTUAL_DEFENSE_TREATY


def test_qatar_metadata(qatar_text: str) -> None:
    result = extract(qatar_text.encode(), name="qatar.txt")
    meta = result.metadata
    assert {p.ccode for p in meta.parties} == {694, 210}  # Qatar, Netherlands
    assert meta.signed == date(2014, 12, 16)
    assert meta.duration_months == 12
    assert meta.renewal == "by agreement"
    assert meta.entry_into_force_trigger == "signature"
    assert set(meta.languages) == {"English", "Arabic", "Dutch"}
    assert result.kind is AgreementKind.SOFA


def test_withdrawal_notice(corpus_dir) -> None:
    text = (corpus_dir / "021_nl-canada-training-1996.txt").read_text("utf-8")
    meta = extract(text.encode(), name="training.txt").metadata
    assert meta.withdrawal_notice_months == 12
    assert {p.ccode for p in meta.parties} == {20, 210}


def test_kind_rules() -> None:
    assert predict_kind("Treaty of Non-Aggression", set(), 2) is AgreementKind.NON_AGGRESSION
    sofa_labels = {"status_of_forces", "criminal_jurisdiction", "claims_liability"}
    jordan = "Agreement on a temporary deployment of troops of the Kingdom of the Netherlands"
    assert predict_kind(jordan, sofa_labels, 2) is AgreementKind.SOFA
    # The same provisions in a civil science agreement (or a space agency's host agreement)
    # do not make a SOFA: the subject is not forces or defence personnel.
    science = (
        "Agreement on cooperation in science and technology concerning homeland and civil "
        "security matters"
    )
    assert predict_kind(
        science, sofa_labels | {"research_development", "technology_transfer"}, 2
    ) is (AgreementKind.OTHER)
    assert (
        predict_kind("Memorandum of Understanding on research", {"research_development"}, 2)
        is AgreementKind.MOU_OR_ARRANGEMENT
    )
    assert (
        predict_kind("Convention on weather modification", {"entry_into_force"}, None)
        is AgreementKind.OTHER
    )


def test_atop_coding_maps_labels_to_variables() -> None:
    coding = atop_coding(
        {"mutual_defense", "consultation", "institutional_body", "training_education"}
    )
    assert coding["DEFENSE"] == coding["CONSUL"] == coding["ORGAN1"] == 1
    assert coding["OFFENSE"] == coding["NEUTRAL"] == coding["NONAGG"] == 0
    assert coding["MILCON"] == 2
    assert atop_coding({"integrated_command"})["MILCON"] == 3


def test_compare_with_atop_on_corpus_alliances(corpus_dir) -> None:
    documents = load_corpus(corpus_dir)
    nato = [d for d in documents if d.meta.get("atop_id") == 3180]
    rows = compare_with_atop(nato, lambda d: d.gold_provisions)
    by_variable = {row["variable"]: row for row in rows}
    assert by_variable["DEFENSE"]["atop"] == 1 and by_variable["DEFENSE"]["agree"]
    assert by_variable["CONSUL"]["agree"] and by_variable["OFFENSE"]["agree"]


@pytest.mark.parametrize(
    ("title", "labels", "parties", "expected"),
    [
        # real corpus titles
        ("Convention on the Presence of Foreign Forces in the Federal Republic of Germany",
         {"basing_access", "entry_into_force"}, 3, AgreementKind.ACCESS_OR_BASING),
        ("Protocol to the North Atlantic Treaty on the accession of the Federal Republic of "
         "Germany", {"entry_into_force"}, 3, AgreementKind.ALLIANCE_OTHER),
        ("Agreement between the Government of the Kingdom of the Netherlands and the Swiss "
         "Federal Council concerning military exercises, training and education",
         {"status_of_forces", "claims_liability"}, 2, AgreementKind.BILATERAL_DCA),
        ("Agreement between the Government of the Kingdom of the Netherlands and the Government "
         "of the United States of America for cooperation on the uses of atomic energy for "
         "mutual defense purposes", {"technology_transfer"}, 2, AgreementKind.BILATERAL_DCA),
        # a bilateral pact with non-aggression and neutrality (Molotov-Ribbentrop) ...
        (None, {"non_aggression", "neutrality", "consultation"}, 2, AgreementKind.NON_AGGRESSION),
        # ... but a multilateral neutrality guarantee (Cambodia 1991) is not a non-aggression pact
        ("Agreement concerning the sovereignty, independence, territorial integrity and "
         "inviolability, neutrality and national unity of Cambodia",
         {"non_aggression", "neutrality"}, 10, AgreementKind.OTHER),
    ],
)  # fmt: skip
def test_kind_title_rules(
    title: str | None, labels: set[str], parties: int, expected: AgreementKind
) -> None:
    assert predict_kind(title, labels, parties) is expected


def test_kind_memorandum_by_self_designation(corpus_dir) -> None:
    # The NL-US research, development and procurement MOU has no title line; its text calls
    # itself "this Memorandum of Understanding" more often than "this Agreement".
    text = (corpus_dir / "016_nl-us-rdp-mou-1978.txt").read_text("utf-8")
    labels = {"procurement_armaments", "research_development"}
    assert predict_kind(None, labels, 2, text=text) is AgreementKind.MOU_OR_ARRANGEMENT
    assert predict_kind(None, labels, 2) is not AgreementKind.MOU_OR_ARRANGEMENT


@pytest.mark.parametrize(
    ("stem", "place"),
    [
        (
            "028_nl-south-africa-sofa-2007",
            "Pretoria",
        ),  # "on this 8th day of June in this year 2007"
        ("036_cambodia-neutrality-agreement-1991", "Paris"),  # year in words
        ("037_nato-accession-protocol-frg-1954", "Paris"),  # "nineteen hundred and fifty four"
        ("042_outer-space-treaty-1967", "London"),  # "at the cities of London, Moscow and ..."
        ("046_partial-test-ban-treaty-1963", "Moscow"),  # "at the city of Moscow the fifth day"
        ("053_nl-esa-estec-host-agreement-2008", "The Hague"),
    ],
)
def test_signing_formulas(corpus_dir, stem: str, place: str) -> None:
    import json

    metadata = extract(corpus_dir / f"{stem}.txt").metadata
    expected = json.loads((corpus_dir / f"{stem}.json").read_text("utf-8"))["signed"]
    assert metadata.signed is not None and metadata.signed.isoformat() == expected
    assert metadata.signed_place == place
