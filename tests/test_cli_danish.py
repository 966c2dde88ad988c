"""Everything the command line says is Danish: every command's help, click's own errors,
the version, and the catalogue that gives click its Danish words."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from generator import cli_danish
from generator.cli import main
from generator.cli_danish import summary
from tests.conftest import invoke

# click's English words, as they would appear in help or errors if any were left.
ENGLISH = re.compile(
    r"Usage:|Options:|Commands:|Arguments:|Error:|Aborted!|Show this message|Show the version"
    r"|\[OPTIONS\]|COMMAND \[ARGS\]|Did you mean|is not one of|Invalid value|Missing option"
    r"|No such (?:command|option)|requires an argument|\b(?:TEXT|INTEGER|FLOAT|BOOLEAN"
    r"|DIRECTORY|FILENAME|FILE|PATH|RANGE|default|required|env var)\b|, version "
)


def command_paths() -> list[tuple[str, ...]]:
    """Every command and subcommand, as the words typed after `portfolio`."""
    found: list[tuple[str, ...]] = []

    def walk(group: click.Group, ctx: click.Context, path: tuple[str, ...]) -> None:
        for name in group.list_commands(ctx):
            command = group.get_command(ctx, name)
            assert command is not None, name
            found.append((*path, name))
            if isinstance(command, click.Group):
                walk(command, click.Context(command, parent=ctx, info_name=name), (*path, name))

    walk(main, click.Context(main, info_name="portfolio"), ())
    return found


def test_the_lazy_commands_are_all_listed() -> None:
    paths = command_paths()
    expected = {"validate", "build", "serve", "export", "new", "codeowners", "issueform"}
    assert expected <= {path[0] for path in paths}
    assert {("new", kind) for kind in ("idea", "decision", "testcard", "theme")} <= set(paths)


@pytest.mark.parametrize("path", [(), *command_paths()], ids=lambda p: " ".join(p) or "portfolio")
def test_every_command_has_danish_help(path: tuple[str, ...]) -> None:
    result = invoke(*path, "--help")
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Brug: {' '.join(('portfolio', *path))} [TILVALG]")
    assert "\nTilvalg:\n" in result.output
    assert "-h, --help" in result.output and "Vis denne hjælp og afslut." in result.output
    assert ENGLISH.search(result.output) is None, ENGLISH.search(result.output)
    assert invoke(*path, "-h").output == result.output


@pytest.mark.parametrize("path", [(), ("new",)], ids=["portfolio", "new"])
def test_command_lists_show_whole_first_sentences(path: tuple[str, ...]) -> None:
    output = invoke(*path, "--help").output
    assert "\nKommandoer:\n" in output
    listing = " ".join(output.split("\nKommandoer:\n")[1].split())
    group = main if not path else main.get_command(click.Context(main), path[0])
    assert isinstance(group, click.Group)
    for name in group.list_commands(click.Context(group)):
        command = group.get_command(click.Context(group), name)
        assert command is not None
        line = summary(command)
        assert line.endswith("."), name
        assert f"{name} {line}" in listing, name
    assert "..." not in listing


def test_summary_is_the_first_sentence_or_the_short_help() -> None:
    long_help = click.Command("x", help="Første sætning her. Anden sætning, som er lang.\n\nMere.")
    assert summary(long_help) == "Første sætning her."
    short = click.Command("x", help="Lang hjælp. Mere.", short_help="Kort  hjælp.")
    assert summary(short) == "Kort hjælp."


def test_any_group_lists_whole_summaries() -> None:
    text = "En ny kommando med en lang første sætning, som ikke må skæres af midt i det hele. To."

    @click.group()
    def group() -> None:
        """En gruppe."""

    @group.command()
    def sub() -> None:
        pass

    sub.help = text
    output = CliRunner().invoke(group, ["--help"], terminal_width=60).output
    assert "\nKommandoer:\n" in output
    listing = " ".join(output.split("\nKommandoer:\n")[1].split())
    assert listing == "sub " + text.removesuffix(" To.")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["nw"], "Fejl: Kommandoen 'nw' findes ikke."),
        (["valdate"], "Fejl: Kommandoen 'valdate' findes ikke. Mente du 'validate'?"),
        (
            ["validate", "--format", "xml"],
            "Fejl: Ugyldig værdi for '--format': 'xml' er ikke en af",
        ),
        (["validate", "--nope"], "Fejl: Tilvalget '--nope' findes ikke."),
        (["validate", "--records"], "Fejl: Tilvalget '--records' skal have en værdi."),
        (["validate", "--today", "i morgen"], "'i morgen' er ikke en dato på formen ÅÅÅÅ-MM-DD"),
        (["new", "decision", "--step", "0"], "Ugyldig værdi for '--step': 0 er uden for"),
        (["new", "idea", "x"], "Fejl: Uventet ekstra argument (x)"),
    ],
)
def test_usage_errors_are_danish(args: list[str], expected: str) -> None:
    result = invoke(*args)
    assert result.exit_code == 2
    assert expected in result.output
    assert ENGLISH.search(result.output) is None, ENGLISH.search(result.output)


def test_version_is_danish() -> None:
    result = invoke("--version")
    assert result.exit_code == 0
    assert re.fullmatch(r"portfolio version \d+\.\d+\.\d+\S*\n", result.output)


def test_metavars_are_danish() -> None:
    output = invoke("new", "decision", "--help").output
    for option, metavar in [
        ("--records", "MAPPE"),
        ("--decided-by", "TEKST"),
        ("--date", "DATO"),
        ("--step", "HELTAL I INTERVAL"),
        ("--kind", "[screening|investering|lukning|videreførelse]"),
    ]:
        assert re.search(rf"{re.escape(option)} {re.escape(metavar)}", output), option
    assert "[IDÉ]" in output
    assert "FIL" in invoke("new", "idea", "--help").output


def click_messages() -> set[tuple[str, ...]]:
    """Every message click passes to gettext: the literal arguments of `_` and `ngettext`."""
    messages: set[tuple[str, ...]] = set()
    for source in Path(click.__file__).parent.glob("*.py"):
        if source.name.startswith("_win"):
            continue
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("_", "ngettext")
                and node.args
                and all(isinstance(a, ast.Constant) for a in node.args[:2])
            ):
                texts = [a.value for a in node.args[:2] if isinstance(a, ast.Constant)]
                messages.add(tuple(str(text) for text in texts))
    return messages


def test_the_catalogue_has_every_word_click_prints() -> None:
    messages = click_messages()
    assert len(messages) > 50  # the scan finds click's words at all
    singles = {m[0] for m in messages if len(m) == 1}
    plurals = {(m[0], m[1]) for m in messages if len(m) == 2}
    assert singles - set(cli_danish.MESSAGES) == set()
    assert plurals - set(cli_danish.PLURALS) == set()


def test_the_catalogue_keeps_every_placeholder() -> None:
    placeholder = re.compile(r"\{[^}]*\}|%\([a-z]+\)s")
    for english, danish in cli_danish.MESSAGES.items():
        assert sorted(placeholder.findall(english)) == sorted(placeholder.findall(danish)), english
    for (one, many), (en, flere) in cli_danish.PLURALS.items():
        assert set(placeholder.findall(one)) == set(placeholder.findall(en)), one
        assert set(placeholder.findall(many)) == set(placeholder.findall(flere)), many


def test_click_speaks_danish_once_installed() -> None:
    cli_danish.install()
    assert click.core._("Aborted!") == "Afbrudt!"  # type: ignore[attr-defined]
    assert click.formatting._("Usage:") == "Brug:"  # type: ignore[attr-defined]
    assert click.Path(file_okay=False).name == "mappe"
    assert click.IntRange(0).name == "heltal i interval"

    @click.command()
    @click.option("--x", required=True, type=int, default=3, show_default=True, help="X.")
    @click.option("--y", type=click.IntRange(0, 5), envvar="Y", show_envvar=True, help="Y.")
    def command(x: int, y: int | None) -> None:
        del x, y

    output = CliRunner().invoke(command, ["--help"]).output
    assert "--x HELTAL" in output and "[standard: 3; påkrævet]" in output
    assert "[miljøvariabel: Y; 0<=x<=5]" in output
    assert ENGLISH.search(output) is None, ENGLISH.search(output)
