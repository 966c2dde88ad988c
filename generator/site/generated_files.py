"""Site stage: the generated pages and files handed to MkDocs from memory, not from disk."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from generator.errors import PortfolioError
from generator.render import SiteContent


def add_generated(files: Files, config: MkDocsConfig, content: SiteContent) -> Files:
    """MkDocs' files with the generated pages and files added; a page of docs/ at the path of
    a generated one is refused in Danish, as `portfolio render` refuses it."""
    generated: dict[str, str | bytes] = {**content.pages, **content.files}
    clashes = sorted(path for path in generated if files.get_file_from_path(path))
    if clashes:
        raise PortfolioError(f"Sider, som genereres, findes også i docs/: {', '.join(clashes)}")
    for path, data in generated.items():
        files.append(File.generated(config, path, content=data))
    return files
