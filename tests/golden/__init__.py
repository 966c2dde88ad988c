"""Golden files of the rendered site: one idea page, one theme page and the data files.

They are made from the fixed sample portfolio of tests/website/sample.py. After an intended
change to the output, regenerate them with `make golden` (python -m tests.golden) and
review the diff.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from generator.pipeline import check_portfolio
from generator.render import read_schema_files, render_site
from generator.settings import Settings
from tests.website.sample import SAMPLE, TODAY, write_records

GOLDEN_DIR = Path(__file__).resolve().parent
# Golden file name → the generated page or file it holds.
GOLDEN = {
    "idea-digital-nabohjaelp.md": "ideer/digital-nabohjaelp.md",
    "theme-klima.md": "temaer/klima.md",
    "portfolio.json": "data/portfolio.json",
    "ideer.csv": "data/ideer.csv",
    "beslutninger.csv": "data/beslutninger.csv",
    "feed.xml": "feed.xml",
}


def golden_outputs() -> dict[str, bytes]:
    """The current output for every golden file, rendered from the sample portfolio."""
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(records_dir=write_records(Path(folder), SAMPLE), today=TODAY)
        checked = check_portfolio(settings)
        assert not checked.failed, [p.as_text() for p in checked.failing]
        content = render_site(checked.portfolio, read_schema_files(settings.schemas_dir))
    outputs = {}
    for name, path in GOLDEN.items():
        generated = content.pages.get(path)
        outputs[name] = generated.encode("utf-8") if generated is not None else content.files[path]
    return outputs
