"""Edge: the site configuration, mkdocs.yml, read in one place as plain data.

The site (render, build, preview) and the reviewers' summary all take what they need of
it from here: the site's address, the open data's licence. It is read safely: a tag
(MkDocs' `!ENV`, `!!python/name:`) is never constructed, only kept as a `Tagged` value,
which no option of ours takes and which `dump_site_config` writes back as it was, so the
rendered site source says what the file says and the engine resolves the tag itself.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.errors import PortfolioError

CONFIG_NAME = "mkdocs.yml"
DEFAULT_LICENCE_NAME = "Vilkår for brug af danske offentlige data"
ALLOWED_SCHEMES = frozenset({"https", "http", "mailto"})
IDEA_FORM = "idekort.yml"
_MAILBOX = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
_SITE_URL = re.compile(r"^https?://[A-Za-z0-9.-]+(?::[0-9]+)?(?:/[A-Za-z0-9._~/-]*)?$")


@dataclass(frozen=True)
class Tagged:
    """A tagged value of mkdocs.yml, kept unconstructed: its tag and its plain value."""

    tag: str
    value: Any


class _Loader(yaml.SafeLoader):
    """The safe loader, with every tag it does not know kept as a `Tagged` value."""


class _Dumper(yaml.SafeDumper):
    """The safe dumper, writing a `Tagged` value back with its tag."""


def _construct_tagged(loader: yaml.SafeLoader, tag: str, node: yaml.Node) -> Tagged:
    value: Any
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)  # type: ignore[arg-type]
    return Tagged(tag, value)


def _represent_tagged(dumper: yaml.SafeDumper, data: Tagged) -> yaml.Node:
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, str(data.value))


_Loader.add_multi_constructor("", _construct_tagged)
_Dumper.add_representer(Tagged, _represent_tagged)


def dump_site_config(config: Mapping[str, Any]) -> str:
    """The configuration as YAML again, tags as they were read."""
    return yaml.dump(dict(config), Dumper=_Dumper, allow_unicode=True, sort_keys=False)


def read_site_config(config_file: Path) -> dict[str, Any]:
    """The site configuration as plain data; a Danish error when it cannot be read."""
    try:
        text = config_file.read_text("utf-8")
        config = yaml.load(text, Loader=_Loader)  # noqa: S506 (a safe loader: tags kept as data)
    except (OSError, UnicodeDecodeError) as error:
        raise PortfolioError(f"Konfigurationen {config_file} kan ikke læses.") from error
    except yaml.YAMLError as error:
        raise PortfolioError(f"Konfigurationen {config_file} er ikke gyldig YAML.") from error
    if not isinstance(config, dict):
        raise PortfolioError(f"Konfigurationen {config_file} skal være en mapping.")
    return config


def safe_url(url: str) -> str | None:
    """The URL when it is an absolute https, http or mailto link, else None."""
    candidate = url.strip()
    scheme, _, rest = candidate.partition(":")
    if scheme.lower() not in ALLOWED_SCHEMES or not rest or any(c.isspace() for c in candidate):
        return None
    if scheme.lower() != "mailto" and not rest.startswith("//"):
        return None
    return candidate


_REPOSITORY = re.compile(r"^https://[A-Za-z0-9.-]+(?::[0-9]+)?(?:/[A-Za-z0-9._-]+){2}$")


def repository_url(repo_url: object) -> str | None:
    """`repo_url` as https://host/owner/name (no slash or .git at the end), else None."""
    if not isinstance(repo_url, str):
        return None
    url = repo_url.strip().rstrip("/").removesuffix(".git")
    return url if _REPOSITORY.match(url) else None


def safe_site_url(url: object) -> str | None:
    """The site's address when it is a plain http(s) address, ending in '/'; else None."""
    if not isinstance(url, str) or not _SITE_URL.match(url):
        return None
    return url if url.endswith("/") else url + "/"


@dataclass(frozen=True)
class DataLicence:
    """The licence of the open data: its name, and the address of its text when set."""

    name: str = DEFAULT_LICENCE_NAME
    url: str | None = None


def licence_from(extra: Mapping[str, Any]) -> DataLicence:
    """The licence set in mkdocs.yml (`extra: data_licence: {name, url}`), or the default.

    The default names the Danish terms and links nowhere: a link is made only to an
    address the configuration gives.
    """
    setting = extra.get("data_licence")
    if setting is None:
        return DataLicence()
    if not isinstance(setting, Mapping) or not isinstance(setting.get("name", ""), str):
        raise PortfolioError("mkdocs.yml: extra.data_licence skal have et navn (name) og evt. url.")
    url = setting.get("url")
    if url is not None and (not isinstance(url, str) or safe_url(url) is None):
        raise PortfolioError(
            "mkdocs.yml: extra.data_licence.url skal være en https- eller http-adresse."
        )
    return DataLicence(setting.get("name") or DEFAULT_LICENCE_NAME, url)


@dataclass(frozen=True)
class Publisher:
    """Who publishes the open data, as the site's configuration says."""

    name: str = "Aarhus Kommune"
    site_url: str | None = None
    contact: str | None = None  # a functional mailbox
    contact_page: str | None = None  # where to ask when no mailbox is set (the repository)
    municipality_code: str | None = None  # DAGI's four digits, e.g. 0751


def publisher_from(config: Mapping[str, Any]) -> Publisher:
    """The publisher a site configuration names: site_author, site_url, extra.contact,
    extra.municipality_code, and the repository's issues for questions."""
    extra = config.get("extra") or {}
    extra = extra if isinstance(extra, Mapping) else {}

    def text(value: object) -> str | None:
        return str(value) if isinstance(value, str | int) and str(value) else None

    repository = repository_url(config.get("repo_url"))
    return Publisher(
        name=text(config.get("site_author")) or Publisher.name,
        site_url=text(config.get("site_url")),
        contact=text(extra.get("contact")),
        contact_page=f"{repository}/issues" if repository else text(config.get("site_url")),
        municipality_code=text(extra.get("municipality_code")),
    )


@dataclass(frozen=True)
class SubmitLinks:
    """Where the site sends someone with an idea: the form on GitHub (MkDocs' own `repo_url`)
    and, for those without a GitHub account, a functional mailbox (`extra.contact`); and
    the unit whose coordinator takes the ideas in and opens periods (`extra.coordinator`)."""

    repo_url: str | None = None
    contact: str | None = None
    coordinator: str | None = None

    @property
    def coordinator_name(self) -> str:
        """'koordinatoren i Borgmesterens Afdeling', or 'koordinatoren' where no unit is set."""
        return f"koordinatoren i {self.coordinator}" if self.coordinator else "koordinatoren"

    @property
    def form_url(self) -> str | None:
        if self.repo_url is None:
            return None
        return f"{self.repo_url.rstrip('/')}/issues/new?template={IDEA_FORM}"

    @property
    def guide_url(self) -> str | None:
        """CONTRIBUTING.md on the repository's default branch."""
        return (
            None
            if self.repo_url is None
            else f"{self.repo_url.rstrip('/')}/blob/HEAD/CONTRIBUTING.md"
        )


def submit_links_from(config: Mapping[str, Any]) -> SubmitLinks:
    """`repo_url` and `extra.contact` of a site configuration, refused when unusable."""
    repo_url = config.get("repo_url")
    extra = config.get("extra") or {}
    contact = extra.get("contact") if isinstance(extra, Mapping) else None
    repository = repository_url(repo_url)
    if repo_url is not None and repository is None:
        raise PortfolioError(
            "mkdocs.yml: repo_url skal være repositoriets https-adresse, fx "
            "https://github.com/organisation/repository."
        )
    if contact is not None and (not isinstance(contact, str) or not _MAILBOX.match(contact)):
        raise PortfolioError(
            "mkdocs.yml: extra.contact skal være én e-mailadresse, en funktionspostkasse."
        )
    coordinator = extra.get("coordinator") if isinstance(extra, Mapping) else None
    if coordinator is not None and (not isinstance(coordinator, str) or not coordinator.strip()):
        raise PortfolioError("mkdocs.yml: extra.coordinator skal være navnet på en enhed.")
    return SubmitLinks(repository, contact, coordinator.strip() if coordinator else None)


@dataclass(frozen=True)
class SiteOptions:
    """What mkdocs.yml says that the rendered pages show: the address, the data licence and
    who publishes the data and where ideas are sent."""

    site_url: str | None = None
    licence: DataLicence = field(default_factory=DataLicence)
    publisher: Publisher = field(default_factory=Publisher)
    repository: str | None = None  # repo_url: whose pull requests approve the decisions
    submit: SubmitLinks = field(default_factory=SubmitLinks)

    @classmethod
    def of(cls, config: Mapping[str, Any]) -> SiteOptions:
        """The options of a site configuration, as plain data or as MkDocs' own."""
        site_url = config.get("site_url")
        extra = config.get("extra") or {}
        return cls(
            site_url if isinstance(site_url, str) else None,
            licence_from(extra if isinstance(extra, Mapping) else {}),
            publisher_from(config),
            repository_url(config.get("repo_url")),
            submit_links_from(config),
        )
