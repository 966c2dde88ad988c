"""Render stage, catalogue: dcat.jsonld, the open data described as DCAT-AP-DK 2.0.2 (no I/O).

Danish open-data portals harvest this description: the dataset, who publishes it, whom to
contact, its language, themes and place, and one distribution per data file with its
media type and licence. The JSON-LD context is written into the file, so that no reader
fetches one from another host. Addresses are absolute when the site's `site_url` is set;
otherwise they are relative and resolve against the file's own address.
"""

from __future__ import annotations

import json
from typing import Any

from generator.kinds import ThemeKind
from generator.model import Portfolio
from generator.render.views import last_updated, shown_ideas, themes_of_kind
from generator.site_config import DataLicence, Publisher

PROFILE = "https://data.gov.dk/model/profile/dcat-ap-dk-2.0.2/"
CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
# DCAT-AP-DK's own examples name Danish so; its shapes require this form.
DANISH = "http://publications.europa.eu/resource/dataset/language/DAN"
GOVERNMENT_THEME = "http://publications.europa.eu/resource/authority/data-theme/GOVE"
PUBLIC_ACCESS = "http://publications.europa.eu/resource/authority/access-right/PUBLIC"
FILE_TYPES = "http://publications.europa.eu/resource/authority/file-type/"
MEDIA_TYPES = "https://www.iana.org/assignments/media-types/"
MUNICIPALITIES = "https://api.dataforsyningen.dk/kommuner/"  # DAGI, by municipality code

# The data files, in the order of /data/: file, title, media type, EU file type.
DISTRIBUTIONS = (
    ("portfolio.json", "Hele porteføljen (JSON)", "application/json", "JSON"),
    ("ideer.csv", "Ideerne, én række pr. idé (CSV)", "text/csv", "CSV"),
    ("beslutninger.csv", "Beslutningerne, én række pr. beslutning (CSV)", "text/csv", "CSV"),
    (
        "portefoelje.xlsx",
        "Porteføljen som regneark: Ideer, Beslutninger og Testkort (xlsx)",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "XLSX",
    ),
    ("noegletal.json", "Porteføljens nøgletal (JSON)", "application/json", "JSON"),
    (
        "datapackage.json",
        "Beskrivelse af CSV-filerne (Frictionless Data Package)",
        "application/json",
        "JSON",
    ),
)


def _da(text: str) -> dict[str, str]:
    return {"@value": text, "@language": "da"}


def _address(publisher: Publisher, path: str) -> str:
    """`path` under the site's data folder: absolute with site_url, else relative to it."""
    if publisher.site_url:
        return publisher.site_url.rstrip("/") + "/data/" + path
    return path or "./"


def _licence(licence: DataLicence) -> dict[str, Any]:
    described: dict[str, Any] = {"@type": "dct:LicenseDocument", "dct:title": _da(licence.name)}
    if licence.url:
        described["@id"] = licence.url
    return described


def _distribution(
    publisher: Publisher, licence: DataLicence, entry: tuple[str, ...]
) -> dict[str, Any]:
    name, title, media_type, file_type = entry
    return {
        "@id": _address(publisher, name) + "#distribution",
        "@type": "dcat:Distribution",
        "dct:title": _da(title),
        "dcat:accessURL": {"@id": _address(publisher, "")},
        "dcat:downloadURL": {"@id": _address(publisher, name)},
        "dcat:mediaType": {"@id": MEDIA_TYPES + media_type, "@type": "dct:MediaType"},
        "dct:format": {"@id": FILE_TYPES + file_type, "@type": "dct:MediaTypeOrExtent"},
        "dct:license": _licence(licence),
    }


def _contact(publisher: Publisher) -> dict[str, Any]:
    contact: dict[str, Any] = {"@type": "vcard:Kind", "vcard:fn": publisher.name}
    if publisher.contact:
        contact["vcard:hasEmail"] = {"@id": f"mailto:{publisher.contact}"}
    elif publisher.contact_page:
        contact["vcard:hasURL"] = {"@id": publisher.contact_page}
    return contact


def _dataset(portfolio: Portfolio, publisher: Publisher, licence: DataLicence) -> dict[str, Any]:
    themes = [t.name for t in themes_of_kind(portfolio, ThemeKind.THEME)]
    dataset: dict[str, Any] = {
        "@id": _address(publisher, "") + "#datasaet",
        "@type": "dcat:Dataset",
        "dct:title": _da(f"Innovationsmotoren: {publisher.name}s innovationsportefølje"),
        "dct:description": _da(
            "Ideerne i innovationsporteføljen og beslutningerne om dem: screeninger, "
            "investeringer, lukninger og videreførelser, med testkort og nøgletal."
        ),
        "dct:publisher": {"@type": "foaf:Agent", "foaf:name": _da(publisher.name)},
        "dcat:contactPoint": _contact(publisher),
        "dct:language": {"@id": DANISH, "@type": "dct:LinguisticSystem"},
        "dct:conformsTo": {"@id": PROFILE, "@type": "dct:Standard"},
        "dcat:theme": {
            "@id": GOVERNMENT_THEME,
            "@type": "skos:Concept",
            "skos:prefLabel": _da("Regeringen og den offentlige sektor"),
        },
        "dcat:keyword": [_da(name) for name in ["innovation", *themes]],
        "dct:accessRights": {"@id": PUBLIC_ACCESS, "@type": "dct:RightsStatement"},
        "dcat:landingPage": {"@id": _address(publisher, ""), "@type": "foaf:Document"},
        "dcat:distribution": [_distribution(publisher, licence, d) for d in DISTRIBUTIONS],
    }
    modified = last_updated(shown_ideas(portfolio))
    if modified:
        dataset["dct:modified"] = {"@value": modified, "@type": "xsd:date"}
    if publisher.municipality_code:
        dataset["dct:spatial"] = {
            "@id": MUNICIPALITIES + publisher.municipality_code,
            "@type": "dct:Location",
            "skos:prefLabel": _da(publisher.name),
        }
    return dataset


def dcat_jsonld(
    portfolio: Portfolio, publisher: Publisher | None = None, licence: DataLicence | None = None
) -> bytes:
    """dcat.jsonld: the dataset and its distributions, with the context inline."""
    document = {
        "@context": CONTEXT,
        **_dataset(portfolio, publisher or Publisher(), licence or DataLicence()),
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
