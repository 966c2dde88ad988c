"""Golden files of the rendered site: every page kind, every data file and the
rendered mkdocs.yml.

They are rendered from the fixed sample portfolio with an idea in every status
(tests/website/sample.py, EVERY_STATUS) and kept under tests/golden/pages/ at the path they
have in the site. After an intended change to the output, regenerate them with
`make golden` (python -m tests.golden) and review the diff.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import tempfile
from pathlib import Path

from openpyxl import load_workbook

from generator.pipeline import check_portfolio
from generator.render import read_schema_files, render_site
from generator.render.approvals import Approvals
from generator.settings import Settings
from generator.site.source import source_config
from generator.site_config import CONFIG_NAME, dump_site_config, read_site_config
from tests.conftest import REPO
from tests.sample_records import write_records
from tests.website.sample import EVERY_STATUS, REPOSITORY, TODAY

GOLDEN_DIR = Path(__file__).resolve().parent / "pages"
XLSX_CELLS = "data/portefoelje.xlsx.json"
# The generated pages and files with a golden copy, by their path in the site: one a line.
GOLDEN = (
    "index.md",  # the front page
    "temaer/index.md",  # the theme overview
    "temaer/klima.md",  # a theme
    "ideer/solceller-paa-taget.md",  # an idea, submitted
    "ideer/groenne-tage.md",  # an idea invited to pitch
    "ideer/robotstoevsuger.md",  # an idea without strategic fit
    "ideer/digital-nabohjaelp.md",  # an idea at step 2, with test cards
    "ideer/renere-luft.md",  # a closed idea
    "ideer/cykeltaxa.md",  # a graduated idea
    "investeringstrin.md",
    "organisering-2015-2019.md",  # the history page
    "tal/index.md",  # the portfolio in figures
    "tal/klima.md",  # one theme in figures
    "laering.md",  # what the ideas have learned
    "emner/index.md",  # every tag
    "emner/nabohjaelp.md",  # one tag
    "data/noegletal.json",
    "data/index.md",
    "data/portfolio.json",
    "data/ideer.csv",
    "data/beslutninger.csv",
    "data/portefoelje.xlsx.json",  # the spreadsheet's sheets as cell values (xlsx_cells)
    "data/dcat.jsonld",  # the catalogue description (DCAT-AP-DK)
    "data/datapackage.json",
    "mkdocs.yml",  # the rendered site source's configuration, with its explicit nav
    "feed.xml",
    "ideer/digital-nabohjaelp/feed.xml",  # one idea's feed
    "temaer/klima/feed.xml",  # one theme's feed
)


def golden_outputs() -> dict[str, bytes]:
    """The current output for every golden path, rendered from the sample portfolio."""
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(records_dir=write_records(Path(folder), EVERY_STATUS), today=TODAY)
        checked = check_portfolio(settings)
        assert not checked.failed, [p.as_text() for p in checked.failing]
        content = render_site(
            checked.portfolio,
            read_schema_files(settings.schemas_dir),
            today=settings.today,
            approvals=Approvals(REPOSITORY),
        )
        config = source_config(read_site_config(REPO / CONFIG_NAME), checked.portfolio)
    files = {**content.files, XLSX_CELLS: xlsx_cells(content.files["data/portefoelje.xlsx"])}
    outputs = {CONFIG_NAME: dump_site_config(config).encode("utf-8")}
    for path in (p for p in GOLDEN if p != CONFIG_NAME):
        page = content.pages.get(path)
        outputs[path] = page.encode("utf-8") if page is not None else files[path]
    return outputs


def xlsx_cells(document: bytes) -> bytes:
    """Every sheet of a workbook as its rows of cell values (dates ISO), a row a line of JSON."""
    book = load_workbook(io.BytesIO(document))
    sheets = {
        sheet.title: [
            [value.date().isoformat() if isinstance(value, dt.datetime) else value for value in row]
            for row in sheet.iter_rows(values_only=True)
        ]
        for sheet in book.worksheets
    }
    blocks = [
        f"{json.dumps(name, ensure_ascii=False)}: [\n"
        + ",\n".join(f"  {json.dumps(row, ensure_ascii=False)}" for row in rows)
        + "\n]"
        for name, rows in sheets.items()
    ]
    return ("{\n" + ",\n".join(blocks) + "\n}\n").encode("utf-8")


def stored_golden_files() -> set[str]:
    """The paths of the golden files kept in the repository."""
    return {p.relative_to(GOLDEN_DIR).as_posix() for p in GOLDEN_DIR.rglob("*") if p.is_file()}
