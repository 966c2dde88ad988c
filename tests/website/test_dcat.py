"""/data/dcat.jsonld: the open data described as DCAT-AP-DK 2.0.2, valid against the SHACL
shapes the Agency for Digital Government publishes (kept in tests/website/dcat_ap_dk/),
read without fetching anything from another host."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pyshacl import validate
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF

from generator.pipeline import Checked
from generator.render import data_files
from generator.render.dcat import MUNICIPALITIES
from generator.settings import Settings
from generator.site_config import DataLicence, Publisher, publisher_from

# rdflib's own JSON-LD parser still builds a ConjunctiveGraph, which rdflib 7.6 deprecates.
pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
SHAPES = Path(__file__).resolve().parent / "dcat_ap_dk"
SITE = "https://innovation.example.dk/"
PUBLISHER = Publisher(
    "Aarhus Kommune", SITE, "innovation@example.dk", None, municipality_code="0751"
)


def _graph(document: bytes, base: str = SITE + "data/dcat.jsonld") -> Graph:
    return Graph().parse(data=document, format="json-ld", base=base)


def _shapes(name: str) -> Graph:
    return Graph().parse(SHAPES / name, format="turtle")


@pytest.fixture(scope="module")
def described(sample: tuple[Checked, Settings]) -> dict[str, bytes]:
    checked, settings = sample
    licence = DataLicence("Vilkår for brug af danske offentlige data", "https://example.dk/vilkaar")
    return data_files(checked.portfolio, {}, settings.today, licence, publisher=PUBLISHER)


@pytest.mark.parametrize(
    "shapes", ["dcat-ap-dk_2.0.2_shacl_shapes.ttl", "dcat-ap-dk_2.0.2_shacl_shapes-strict.ttl"]
)
def test_the_description_passes_the_published_shapes(
    described: dict[str, bytes], shapes: str
) -> None:
    conforms, _, report = validate(
        _graph(described["data/dcat.jsonld"]), shacl_graph=_shapes(shapes)
    )
    assert conforms, report


def test_a_description_without_the_publishers_name_fails_the_shapes(
    described: dict[str, bytes],
) -> None:
    document = json.loads(described["data/dcat.jsonld"])
    del document["dct:publisher"]["foaf:name"]
    graph = _graph(json.dumps(document).encode("utf-8"))
    conforms, _, _ = validate(graph, shacl_graph=_shapes("dcat-ap-dk_2.0.2_shacl_shapes.ttl"))
    assert not conforms


def test_the_context_is_inline_so_nothing_is_fetched(described: dict[str, bytes]) -> None:
    document: dict[str, Any] = json.loads(described["data/dcat.jsonld"])
    assert isinstance(document["@context"], dict)
    assert all(isinstance(v, str) for v in document["@context"].values())


def test_publisher_contact_licence_language_place_and_one_distribution_per_file(
    described: dict[str, bytes],
) -> None:
    graph = _graph(described["data/dcat.jsonld"])
    dataset = next(graph.subjects(RDF.type, DCAT.Dataset))
    publisher = graph.value(dataset, DCTERMS.publisher)
    assert graph.value(publisher, FOAF.name) == Literal("Aarhus Kommune", lang="da")
    contact = graph.value(dataset, DCAT.contactPoint)
    email = URIRef("http://www.w3.org/2006/vcard/ns#hasEmail")
    assert graph.value(contact, email) == URIRef("mailto:innovation@example.dk")
    assert graph.value(dataset, DCTERMS.spatial) == URIRef(MUNICIPALITIES + "0751")
    assert "DAN" in str(graph.value(dataset, DCTERMS.language))
    data = {name.removeprefix("data/") for name in described if name.count("/") == 1}
    downloads = {}
    for distribution in graph.objects(dataset, DCAT.distribution):
        address = str(graph.value(distribution, DCAT.downloadURL))
        assert address.startswith(SITE + "data/")
        downloads[address.removeprefix(SITE + "data/")] = str(
            graph.value(distribution, DCAT.mediaType)
        )
        licence = graph.value(distribution, DCTERMS.license)
        assert licence == URIRef("https://example.dk/vilkaar")
    assert set(downloads) == data - {"dcat.jsonld"}
    assert downloads["ideer.csv"].endswith("/text/csv")
    assert downloads["portefoelje.xlsx"].endswith("spreadsheetml.sheet")


def test_without_site_url_addresses_resolve_against_the_file(
    sample: tuple[Checked, Settings],
) -> None:
    checked, settings = sample
    files = data_files(checked.portfolio, {}, settings.today, publisher=Publisher("Aarhus Kommune"))
    graph = _graph(files["data/dcat.jsonld"], base="https://andet.example.dk/data/dcat.jsonld")
    downloads = {str(o) for o in graph.objects(None, DCAT.downloadURL)}
    assert "https://andet.example.dk/data/portfolio.json" in downloads
    conforms, _, report = validate(graph, shacl_graph=_shapes("dcat-ap-dk_2.0.2_shacl_shapes.ttl"))
    assert conforms, report


def test_the_publisher_comes_from_the_site_configuration() -> None:
    config = {
        "site_author": "Eksempel Kommune",
        "site_url": SITE,
        "repo_url": "https://github.com/eksempel/portefoelje",
        "extra": {"municipality_code": "0101"},
    }
    publisher = publisher_from(config)
    assert publisher == Publisher(
        "Eksempel Kommune", SITE, None, "https://github.com/eksempel/portefoelje/issues", "0101"
    )
