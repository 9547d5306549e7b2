"""Bad option values on the command line: each one is a usage error (exit
code 2) naming the option and the value, never a traceback and never
accepted silently; and what the output says when nothing matches or a query
has a dangling operator. A real library in a temporary directory."""
import json

import pytest
from click.testing import CliRunner

from himpun.cli import cli
from himpun.errors import QueryError
from himpun.library import Library, check_date


@pytest.fixture(scope="module")
def lib(tmp_path_factory):
    """A library holding the three sample documents (tests/conftest.py's sample_dir)."""
    from tests.fixtures import CIRCULAR_GOWA, NEWS_BEKASI, NEWS_HTML_PACITAN
    d = tmp_path_factory.mktemp("opts")
    inbox = d / "inbox"
    inbox.mkdir()
    (inbox / "se_gowa.txt").write_text(CIRCULAR_GOWA, encoding="utf-8")
    (inbox / "berita_bekasi.txt").write_text(NEWS_BEKASI, encoding="utf-8")
    (inbox / "berita_pacitan.html").write_text(NEWS_HTML_PACITAN, encoding="utf-8")
    root = d / "lib"
    with Library(root) as library:
        library.ingest([inbox], jobs=1)
    return root


@pytest.fixture
def run(lib):
    def invoke(*args):
        return CliRunner().invoke(cli, ["--library", str(lib), *map(str, args)])
    return invoke


def usage_error(result, *words):
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    for w in words:
        assert w in result.output, (w, result.output)


# -- 1. dates ---------------------------------------------------------------------------------

@pytest.mark.parametrize("since", ["2024-13-45", "2024-02-30", "2023-02-29", "2024-13", "2024-00-10", "01-09-2024",
                                   "kemarin"])
def test_an_impossible_or_malformed_since_date_is_a_usage_error(run, tmp_path, since):
    usage_error(run("rulebook", "--since", since, "-o", tmp_path / "x.md"), "'--since'", repr(since))
    assert not (tmp_path / "x.md").exists()


def test_a_real_since_date_is_taken(run):
    assert run("rulebook", "--since", "2024-02-29").exit_code == 0
    for since in ("2024-02-29", "2024-01", "2024"):  # (a month or a year: how the rulebook words it is its own)
        assert check_date(since) == since


def test_the_api_refuses_an_impossible_date_too(lib):
    with Library(lib) as library, pytest.raises(QueryError, match="2024-13-45"):
        library.rulebook(since="2024-13-45")


# -- 2. years ---------------------------------------------------------------------------------

@pytest.mark.parametrize("command", ["search", "xref"])
@pytest.mark.parametrize("year", ["20x4", "24", "2024.0", "tahun"])
def test_a_year_that_is_not_one_is_a_usage_error(run, command, year):
    usage_error(run(command, "--year", year), "'--year'", repr(year))


@pytest.mark.parametrize("command", [["search", "ASN"], ["xref"], ["xref", "--divergent"], ["xref", "--citations"]])
def test_a_year_is_taken(run, command):
    assert run(*command, "--year", "2024").exit_code == 0


@pytest.mark.parametrize("call", ["matrix", "divergences", "citations", "search"])
def test_the_api_refuses_a_bad_year_too(lib, call):
    with Library(lib) as library, pytest.raises(QueryError, match="20x4"):
        getattr(library, call)(*([""] if call == "search" else []), year="20x4")


# -- 3. output files --------------------------------------------------------------------------

def test_a_rulebook_into_a_missing_directory_is_one_line_and_exit_3(run, tmp_path):
    out = tmp_path / "nonexistent" / "dir" / "x.md"
    result = run("rulebook", "-o", out)
    assert result.exit_code == 3, result.output
    assert result.output.strip() == f"error: cannot write {out}: directory {out.parent} does not exist"
    assert not out.parent.exists()


def test_a_rulebook_under_a_file_is_one_line(run, tmp_path):
    (tmp_path / "a-file").write_text("x")
    out = tmp_path / "a-file" / "x.md"
    result = run("rulebook", "-o", out)
    assert result.exit_code == 2 and result.output.strip() == f"error: cannot write {out}: {out.parent} is not a " \
                                                               "directory"


def test_a_failing_write_is_one_line_and_leaves_no_partial_file(run, tmp_path, monkeypatch):
    def full(self, data):
        self.write_text("half")  # what a full disk leaves
        raise OSError(28, "No space left on device")
    monkeypatch.setattr("pathlib.Path.write_bytes", full)
    result = run("rulebook", "-o", tmp_path / "x.md")
    assert result.exit_code == 2 and result.output.strip() == f"error: cannot write {tmp_path / 'x.md'}: " \
                                                               "No space left on device"
    assert list(tmp_path.iterdir()) == []


# -- 4. taxonomy slugs ------------------------------------------------------------------------

@pytest.mark.parametrize("args, option, valid", [
    (["search", "--category", "foo"], "'--category'", "social-media-engagement"),
    (["search", "ASN", "--sanction", "bar"], "'--sanction'", "written-reprimand"),
    (["search", "--severity", "parah"], "'--severity'", "ringan"),
    (["search", "--kind", "letter"], "'--kind'", "circular"),
    (["xref", "--category", "foo"], "'--category'", "photo-with-candidate"),
    (["xref", "--divergent", "--category", "foo"], "'--category'", "photo-with-candidate"),
    (["xref", "--kind", "letter"], "'--kind'", "circular"),
])
def test_an_unknown_slug_is_a_usage_error_listing_the_valid_ones(run, args, option, valid):
    usage_error(run(*args), option, args[-1], valid)


def test_a_misspelt_slug_gets_a_suggestion(run):
    usage_error(run("search", "--category", "social-media-engagment"), "did you mean social-media-engagement?")


@pytest.mark.parametrize("args", [["search", "--category", "campaign-materials"],
                                  ["search", "--sanction", "disciplinary"],
                                  ["search", "--category", "Campaign-Materials"], ["xref", "--category", "gestures"]])
def test_a_known_slug_is_taken(run, args):
    assert run(*args).exit_code == 0


@pytest.mark.parametrize("filters", [{"category": "foo"}, {"sanction": "bar"}, {"severity": "parah"},
                                     {"kind": "letter"}, {"clause_kind": "wish"}])
def test_the_api_refuses_an_unknown_slug_too(lib, filters):
    with Library(lib) as library, pytest.raises(QueryError, match="unknown"):
        library.search("", **filters)


# -- 5. rulebook formats ----------------------------------------------------------------------

def test_an_unknown_rulebook_extension_is_a_usage_error(run, tmp_path):
    usage_error(run("rulebook", "-o", tmp_path / "x.docx"), "'.docx'", "md, html or pdf")
    assert not (tmp_path / "x.docx").exists()


@pytest.mark.parametrize("name, args, start", [("x.docx", ["--format", "md"], "# Buku Aturan"),
                                                ("x.HTM", [], "<!DOCTYPE html>"), ("x.Md", [], "# Buku Aturan"),
                                                ("buku", [], "# Buku Aturan")])
def test_a_rulebook_format_from_the_option_or_a_known_extension(run, tmp_path, name, args, start):
    result = run("rulebook", "-o", tmp_path / name, *args)
    assert result.exit_code == 0, result.output
    assert (tmp_path / name).read_text(encoding="utf-8").startswith(start)


# -- 6. limits and pages ----------------------------------------------------------------------

@pytest.mark.parametrize("args, option", [(["--limit", "0"], "'--limit'"), (["--limit", "-3"], "'--limit'"),
                                          (["-n", "0"], "'--limit'"), (["--page", "0"], "'--page'"),
                                          (["--page", "-1"], "'--page'")])
def test_limit_and_page_below_one_are_usage_errors(run, args, option):
    usage_error(run("search", "ASN", *args), option)


def test_errors_limit_below_one_is_a_usage_error(run):
    usage_error(run("errors", "--limit", "0"), "'--limit'")


@pytest.mark.parametrize("by_document", [False, True])
def test_a_page_beyond_the_last_says_so(run, by_document):
    extra = ["--by-document"] if by_document else []
    data = json.loads(run("search", "ASN", "--limit", "2", "--json", *extra).output)
    assert data["pages"] >= 2
    usage_error(run("search", "ASN", "--limit", "2", "--page", "99", *extra), f"page 99 of {data['pages']}")
    last = run("search", "ASN", "--limit", "2", "--page", data["pages"], *extra)
    assert last.exit_code == 0 and f"page {data['pages']} of {data['pages']}" in last.output


# -- 7. xref modes ----------------------------------------------------------------------------

@pytest.mark.parametrize("args, names", [
    (["--divergent", "--gaps", "Kabupaten Gowa"], ["--divergent", "--gaps"]),
    (["--divergent", "--citations"], ["--divergent", "--citations"]),
    (["--gaps", "Kabupaten Gowa", "--citations"], ["--gaps", "--citations"]),
    (["--citations", "--divergent", "--gaps", "Kabupaten Gowa"], ["--divergent", "--gaps", "--citations"]),
])
def test_xref_modes_exclude_each_other(run, args, names):
    usage_error(run("xref", *args), "cannot be used together", *names)


@pytest.mark.parametrize("args, words", [
    (["--gaps", "Kabupaten Gowa", "--region", "Kota Bekasi"], ["--region", "--gaps"]),
    (["--gaps", "Kabupaten Gowa", "--category", "gestures"], ["--category", "--gaps"]),
    (["--citations", "--category", "gestures"], ["--category", "--citations"]),
])
def test_xref_options_a_mode_does_not_apply_are_usage_errors(run, args, words):
    usage_error(run("xref", *args), *words)


# -- 8. dangling operators --------------------------------------------------------------------

@pytest.mark.parametrize("query, words", [("baliho AND", ["AND", "end"]), ("baliho OR", ["OR", "end"]),
                                          ("baliho NOT", ["NOT", "end"]), ("AND baliho", ["AND", "start"]),
                                          ("baliho AND NOT", ["NOT", "AND"])])
def test_a_dangling_operator_is_ignored_with_a_note(run, query, words):
    plain = json.loads(run("search", "baliho", "--json").output)
    data = json.loads(run("search", query, "--json").output)
    assert plain["total"] >= 1 and data["total"] == plain["total"]
    assert data["notes"] and all(any(w in n for n in data["notes"]) for w in words)
    out = run("search", query).output
    assert out.startswith("Note: ignored") and "clause" in out and "match" in out


def test_operators_that_join_words_and_quoted_ones_are_left_alone(run):
    assert json.loads(run("search", "baliho OR spanduk", "--json").output)["notes"] == []
    assert json.loads(run("search", '"baliho AND"', "--json").output)["notes"] == []
    assert json.loads(run("search", "AND", "--json").output)["notes"] == []


# -- 11. nothing found ------------------------------------------------------------------------

def test_no_hit_gives_a_hint_naming_the_filters(run):
    out = run("search", "zzqqxx", "--region", "Gowa", "--severity", "berat").output
    assert "0 clauses match" not in out and not out.startswith("\n")
    assert 'No clause matches "zzqqxx" with --region Gowa, --severity berat.' in out
    assert "spelling" in out and "drop a filter (--region, --severity)" in out
    out = run("search", "zzqqxx").output
    assert "No clause matches \"zzqqxx\"." in out and "spelling" in out and "filter" not in out
    out = run("search", "zzqqxx", "--by-document").output
    assert "No document matches" in out
    assert json.loads(run("search", "zzqqxx", "--json").output)["total"] == 0


def test_no_hit_in_an_empty_library(tmp_path):
    out = CliRunner().invoke(cli, ["--library", str(tmp_path / "empty"), "search"]).output
    assert "holds no clauses yet" in out and "himpun ingest" in out


@pytest.mark.parametrize("args, first_line", [
    (["--gaps", "Kabupaten Gowa", "--format", "csv"], "region,category"),
    (["--citations", "--format", "csv"], None),
    (["--divergent", "--format", "csv"], None),
])
def test_every_xref_view_writes_csv(run, args, first_line):
    import csv
    import io
    result = run("xref", *args)
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.output)))
    assert rows and len(rows[0]) >= 2
    if first_line:
        assert result.output.startswith(first_line)


def test_a_rulebook_that_selects_nothing_is_refused(run, tmp_path):
    result = run("rulebook", "--since", "2099-01-01", "-o", tmp_path / "x.md")
    assert result.exit_code == 2 and "Traceback" not in result.output, result.output
    assert not (tmp_path / "x.md").exists()
