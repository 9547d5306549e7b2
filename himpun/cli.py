"""The `himpun` command: a thin layer over himpun.library and himpun.ingest."""
from __future__ import annotations

import contextlib
import json
import re
import sys
from pathlib import Path

import click

from himpun import __version__
from himpun.cli_options import DATE, POSITIVE, YEAR, check_writable, rulebook_format, slug, writing, xref_mode
from himpun.errors import ExitCode, FileError, HimpunError, SkippedFile
from himpun.index.search import MARK_CLOSE, MARK_OPEN, SearchResult
from himpun.ingest import extract_path
from himpun.ingest.files import printable, walk
from himpun.ingest.pages import OcrContext, default_jobs
from himpun.library import ClauseView, Library
from himpun.records import Document


_OCR = click.option("--ocr", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
                    help="auto: OCR pages without a usable text layer, and images; always: OCR every page; never.")
_JOBS = click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
                     help="Parallel OCR workers, each single-threaded. Default: all cores.")


class _Group(click.Group):
    """Turns Himpun's errors into one line on stderr and a typed exit code."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except HimpunError as exc:
            click.echo(f"error: {exc}", err=True)
            ctx.exit(int(exc.exit_code))


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="himpun")
@click.option("--library", "library_dir", type=click.Path(file_okay=False, path_type=Path), envvar="HIMPUN_LIBRARY",
              help="Library directory (catalog.db and index/). Default: $HIMPUN_LIBRARY, else the user data dir.")
@click.pass_context
def cli(ctx, library_dir):
    """Himpun gathers Indonesian rules on civil-servant (ASN) neutrality:
    circulars (Surat Edaran), joint decrees (SKB), regulations and news
    reports, parsed into searchable clause records.

    \b
    Examples:
      himpun ingest corpus/
      himpun search "media sosial" --region Tangsel
      himpun show 3f2a9c01b7de-004
    """
    ctx.obj = {"library_dir": library_dir}


def _library(ctx) -> Library:
    lib = Library(ctx.obj["library_dir"])
    ctx.call_on_close(lib.close)
    return lib


# -- ingest -------------------------------------------------------------------


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per file, then a summary object.")
@click.option("--quiet", "-q", is_flag=True, help="Only problems and the summary.")
@_OCR
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes that read, OCR and parse files, each single-threaded. Default: all cores.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=500, show_default=True, metavar="MB",
              help="Refuse files larger than this many megabytes.")
@click.option("--max-pages", type=click.IntRange(min=1), default=2000, show_default=True,
              help="Refuse files with more pages (or image frames) than this.")
@click.option("--max-pixels", type=click.IntRange(min=1), default=120, show_default=True, metavar="MEGAPIXELS",
              help="Refuse page images larger than this (decompression bombs, giant scans).")
@click.option("--ocr-timeout", type=click.FloatRange(min=1), default=120, show_default=True, metavar="SECONDS",
              help="Give up on a page when one Tesseract run takes longer than this.")
@click.option("--wait", default=600.0, show_default=True, metavar="SECONDS",
              help="How long to wait for another process writing to the library before giving up.")
@click.option("--scheduler", metavar="tcp://HOST:PORT",
              help="Send the per-file work to this Dask cluster; records are stored here. The workers need "
                   "Himpun and Tesseract, and the files at the same paths.")
@click.pass_context
def ingest(ctx, paths, as_json, quiet, ocr, jobs, max_bytes, max_pages, max_pixels, ocr_timeout, wait, scheduler):
    """Add files and directories (recursively) to the library.

    Reads .txt, .html and .pdf files; scanned PDF pages and page images (PNG,
    JPEG, TIFF) are read with Tesseract OCR (Indonesian). Files are read and
    parsed in parallel (--jobs, or a Dask cluster with --scheduler) and
    stored one by one. A file is known by the SHA-256 of its bytes:
    ingesting it again changes nothing, so an interrupted batch run again
    finishes the rest; a changed file replaces the records of its old
    version. A file that cannot be read is reported on one line and the
    batch goes on. Exit code 0 when every file went in (or was already in),
    1 when some failed.

    \b
    Examples:
      himpun ingest corpus/
      himpun ingest inbox/*.pdf --json
      himpun ingest scans/ --jobs 2 --ocr always
      himpun ingest /shared/arsip --scheduler tcp://10.0.0.5:8786
    """
    import time

    lib = _library(ctx)
    bar = None
    progress = {"files": 0, "pages": 0, "failed": 0, "total": 0, "t0": time.monotonic(), "last": 0.0}
    plain = not sys.stderr.isatty()

    def on_start(total):
        nonlocal bar
        progress["total"] = total
        if not plain and not as_json and total > 1:
            from tqdm import tqdm

            bar = tqdm(total=total, unit="file", file=sys.stderr, leave=False, dynamic_ncols=True)

    def on_file(o):
        progress["files"] += 1
        progress["pages"] += o.pages
        progress["failed"] += o.status == "failed"
        elapsed = max(1e-6, time.monotonic() - progress["t0"])
        if bar:
            bar.set_postfix_str(f"{progress['pages']} pages, {progress['pages'] / elapsed:.1f} pages/s, "
                                f"{progress['failed']} failed", refresh=False)
            bar.update(1)
        if as_json:
            click.echo(json.dumps(o.__dict__, ensure_ascii=False))
        elif o.status in ("failed", "skipped"):
            _above(bar, f"{o.status}: {o.path}: {o.reason}")
        elif not quiet and not bar:
            click.echo(f"{o.status}: {o.path} ({o.clauses} clauses)" if o.clauses else f"{o.status}: {o.path}")
        if plain and not as_json and progress["total"] > 20 and elapsed - progress["last"] >= 10:
            progress["last"] = elapsed
            left = progress["total"] - progress["files"]
            eta = left * elapsed / progress["files"]
            click.echo(f"progress: {progress['files']}/{progress['total']} files, {progress['pages']} pages, "
                       f"{progress['pages'] / elapsed:.1f} pages/s, {progress['failed']} failed, "
                       f"about {eta:.0f} s left", err=True)

    try:
        with _terminate_as_exit():
            report = lib.ingest(paths, on_file, on_start, ocr=ocr, jobs=jobs, scheduler=scheduler, wait=wait,
                                on_wait=lambda msg: click.echo(msg, err=True),
                                limits=dict(max_bytes=max_bytes * 1_000_000, max_pages=max_pages,
                                            max_pixels=max_pixels * 1_000_000, ocr_timeout=ocr_timeout))
    finally:
        if bar:
            bar.close()
    s = report.summary()
    if as_json:
        click.echo(json.dumps({"summary": s}))
    else:
        click.echo(f"{s['files']} files: {s['ingested']} ingested, {s['unchanged']} unchanged, "
                   f"{s['skipped']} skipped, {s['failed']} failed; {s['clauses']} clauses")
    ctx.exit(ExitCode.OK if report.ok else ExitCode.SOME_FAILED)


@contextlib.contextmanager
def _terminate_as_exit():
    """SIGTERM ends an ingest as Ctrl-C does: by an exception, so that the Tesseract being waited for
    is stopped, temporary files are removed and the worker pool is shut down (Python's default is to
    die on the spot). Stored files stay stored; a re-run finishes the batch."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum, frame):
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@cli.command()
@click.argument("inbox", type=click.Path(file_okay=False, exists=True, path_type=Path))
@click.option("--interval", default=1.0, show_default=True, help="Seconds between looks at the inbox.")
@click.option("--settle", default=2.0, show_default=True,
              help="Seconds a file must keep its size before it is taken (it may still be arriving).")
@click.option("--move-to", type=click.Path(file_okay=False, path_type=Path),
              help="Move each ingested file here (failed ones under failed/). Default: leave files in place.")
@_OCR
@_JOBS
@click.pass_context
def watch(ctx, inbox, interval, settle, move_to, ocr, jobs):
    """Ingest files as they arrive in INBOX, each once it has stopped growing,
    with one log line per file. Stops cleanly on Ctrl-C or SIGTERM, after the
    file in hand.

    \b
    Examples:
      himpun watch /srv/inbox
      himpun watch /srv/inbox --move-to /srv/done --settle 5
    """
    import signal
    import threading

    from himpun.watch import watch as run_watch

    lib = _library(ctx)
    stop = threading.Event()

    def ask_to_stop(signum, frame):
        stop.set()

    previous = {sig: signal.signal(sig, ask_to_stop) for sig in (signal.SIGINT, signal.SIGTERM)}

    def log(o):
        detail = f" ({o.clauses} clauses)" if o.clauses else ""
        click.echo(f"{o.status}: {o.path}{detail}" + (f": {o.reason}" if o.reason else ""),
                   err=o.status in ("failed", "skipped"))

    click.echo(f"watching {inbox} (Ctrl-C to stop)", err=True)
    try:
        taken = run_watch(lib, inbox, interval=interval, settle=settle, move_to=move_to, on_outcome=log, stop=stop,
                          ocr=ocr, jobs=jobs)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    click.echo(f"stopped; {taken} file(s) taken", err=True)


def _above(bar, line: str) -> None:
    if bar:
        bar.write(line, file=sys.stderr)
    else:
        click.echo(line, err=True)


# -- extract ------------------------------------------------------------------


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per file per line (JSON Lines).")
@click.option("--text", "as_text", is_flag=True, help="Print the text as read and cleaned, pages separated by form feeds.")
@_OCR
@_JOBS
@click.pass_context
def extract(ctx, paths, as_json, as_text, ocr, jobs):
    """Parse files without touching the library.

    Clause offsets ("start", "end") are character offsets into the page text
    that --text prints.

    \b
    Examples:
      himpun extract circular.pdf --json
      himpun extract news.html --text
      himpun extract scan.jpg --ocr always --json
    """
    failed = False
    ocr_context = OcrContext(mode=ocr, jobs=jobs or default_jobs())
    ctx.call_on_close(ocr_context.close)
    for found in walk(list(paths)):
        try:
            if found.problem:
                raise FileError(str(found.path), found.problem)
            doc = extract_path(found.path, ocr=ocr_context)
        except FileError as exc:
            status = "skipped" if isinstance(exc, SkippedFile) else "failed"
            click.echo(f"{status}: {printable(exc.path)}: {exc.reason}", err=True)
            failed = True
            continue
        if as_text:
            click.echo("\f".join(p.text for p in doc.pages))
        elif as_json:
            click.echo(json.dumps(doc.to_dict(), ensure_ascii=False))
        else:
            _print_document(doc, clauses=True)
    ctx.exit(ExitCode.SOME_FAILED if failed else ExitCode.OK)


# -- search -------------------------------------------------------------------


@cli.command()
@click.argument("query", nargs=-1)
@click.option("--region", help="Only this region: canonical name or short form (Tangsel, Kab. Tangerang, nasional).")
@click.option("--province", help="Only regions of this province (Banten, Jatim, ...).")
@click.option("--kind", type=click.Choice(["circular", "decree", "regulation", "pact", "news", "other"]))
@click.option("--category", type=slug("category"),
              help="Only clauses of this prohibition category (slug, e.g. social-media-engagement).")
@click.option("--sanction", type=slug("sanction"),
              help="Only clauses with this sanction type (slug, e.g. written-reprimand).")
@click.option("--severity", type=click.Choice(["ringan", "sedang", "berat"]))
@click.option("--year", type=YEAR, help="Only documents dated in this year.")
@click.option("--limit", "-n", type=POSITIVE, default=10, show_default=True, help="Hits per page.")
@click.option("--page", type=POSITIVE, default=1, show_default=True, help="Page of hits.")
@click.option("--by-document", "-d", "by_document", is_flag=True,
              help="Documents, not clauses: a document matches when its clauses hold every word between them; "
                   "--limit documents a page, each with its best clauses.")
@click.option("--json", "as_json", is_flag=True, help="Print hits and facets as one JSON object.")
@click.pass_context
def search(ctx, query, region, province, kind, category, sanction, severity, year, limit, page, by_document, as_json):
    """Search clauses. QUERY uses Whoosh syntax: words (all must match),
    OR, NOT, "phrases", field:value, wildcards (promosi*). A citation or
    number (PP 94/2021, UU 10 2016, 800/1071/BKPSDM) is matched exactly. A
    place among plain words (Sidrap, Kota Serang, NTB) is the region of the
    hits; when nothing of it matches, other regions' hits are shown and the
    output says so. Question words (apa, boleh, bagaimana) and words found
    nearly everywhere (ASN, pilkada, larangan) rank hits without excluding
    any. Facet counts over all matches follow the hits.

    \b
    Examples:
      himpun search "media sosial"
      himpun search baliho --region "Kota Serang" --severity berat
      himpun search "PP 94/2021" --json
      himpun search --category photo-with-candidate
      himpun search "larangan ASN Sidrap"
      himpun search "apa sanksi ASN yang ikut kampanye?" --by-document

    Synonyms widen a query (medsos = media sosial, paslon = pasangan
    calon, PTDH = pemberhentian tidak dengan hormat, ...), and long words
    also find OCR-damaged spellings one letter away, ranked lower.
    """
    lib = _library(ctx)
    result = lib.search(" ".join(query), limit=limit, page=page, region=region, province=province, kind=kind,
                        category=category, sanction=sanction, severity=severity, year=year, by_document=by_document)
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    elif result.total == 0:
        _print_nothing(" ".join(query), dict(region=region, province=province, kind=kind, category=category,
                                             sanction=sanction, severity=severity, year=year), result.notes,
                       "document" if by_document else "clause")
    else:
        _print_notes(result, "document" if by_document else "clause")
        (_print_documents if by_document else _print_result)(result, limit)


def _print_nothing(query: str, filters: dict, notes: list[str], unit: str) -> None:
    """No hit: what was asked, and what to try."""
    active = {k: v for k, v in filters.items() if v}
    typed = (query if '"' in query else f'"{query}"') if query.strip() else ""
    asked = typed + (" with " if typed and active else "") + ", ".join(f"--{k} {v}" for k, v in active.items())
    for note in notes:
        click.echo(click.style(f"Note: {note}.", fg="yellow"))
    if not asked:
        click.echo("The library holds no clauses yet: add files with `himpun ingest PATH`.")
        return
    click.echo(f"No {unit} matches {asked}.")
    tips = (["check the spelling, or try fewer or other words"] if query.strip() else []) \
        + ([f"drop a filter ({', '.join('--' + k for k in active)})"] if active else [])
    if tips:
        click.echo("Try: " + "; ".join(tips) + ".")


def _print_result(result: SearchResult, limit: int) -> None:
    for i, h in enumerate(result.hits, (result.page - 1) * limit + 1):
        where = " · ".join(x for x in (h.region, h.issuer, h.number, h.date) if x)
        click.echo(click.style(f"{i}. [{h.clause_kind}] ", bold=True) + where)
        _print_hit_body(h, "   ")
    shown = f"page {result.page} of {result.pages}" if result.pages > 1 else "all shown"
    click.echo(f"\n{result.total} clause{'s' if result.total != 1 else ''} match ({shown})")
    _print_facets(result)


def _print_notes(result: SearchResult, unit: str) -> None:
    """What the hits are when they are not quite what was asked."""
    if result.elsewhere:
        click.echo(click.style(f"Nothing of {' or '.join(result.elsewhere)} matches; the hits below are of other "
                               "regions.", fg="yellow"))
    if result.relaxed:
        click.echo(click.style(f"No {unit} has all of these words; {unit}s with some of them follow, "
                               "those with more of them first.", fg="yellow"))
    for note in getattr(result, "notes", []):
        click.echo(click.style(f"Note: {note}.", fg="yellow"))
    if result.elsewhere or result.relaxed or getattr(result, "notes", None):
        click.echo()


def _print_documents(result: SearchResult, limit: int) -> None:
    for i, d in enumerate(result.documents or [], (result.page - 1) * limit + 1):
        where = " · ".join(x for x in (d.region, d.issuer, d.number, d.date) if x)
        click.echo(click.style(f"{i}. {d.title or Path(d.path).name}", bold=True) + f"  [{d.kind}] {where}")
        click.echo(click.style(f"   {d.matches} matching clause{'s' if d.matches != 1 else ''} · "
                               f"{Path(d.path).name} · doc {d.doc_id}", dim=True))
        for h in d.hits:
            click.echo(f"   - [{h.clause_kind}]")
            _print_hit_body(h, "     ")
    shown = f"page {result.page} of {result.pages}" if result.pages > 1 else "all shown"
    click.echo(f"\n{result.total} clause{'s' if result.total != 1 else ''} in {result.total_documents} "
               f"document{'s' if result.total_documents != 1 else ''} match ({shown})")
    _print_facets(result)


def _print_hit_body(h, indent: str) -> None:
    click.echo(indent + _bold(h.snippet, sys.stdout.isatty()))
    tags = []
    if h.categories:
        tags.append("category: " + ", ".join(h.categories))
    if h.sanctions:
        tags.append("sanction: " + ", ".join(h.sanctions) + (f" ({', '.join(h.severity)})" if h.severity else ""))
    tags.append(f"{Path(h.path).name} p.{h.page}")
    tags.append(f"id {h.id}")
    click.echo(indent + click.style(" · ".join(tags), dim=True))


def _print_facets(result: SearchResult) -> None:
    for name, values in result.facets.items():
        if values:
            click.echo(f"  {name}: " + ", ".join(f"{v} ({n})" for v, n in values[:8])
                       + (f", … {len(values) - 8} more" if len(values) > 8 else ""))


def _bold(snippet: str, color: bool) -> str:
    pattern = re.escape(MARK_OPEN) + r"(.+?)" + re.escape(MARK_CLOSE)
    if color:
        return re.sub(pattern, lambda m: click.style(m.group(1), bold=True, fg="yellow"), snippet)
    return snippet


# -- show, reindex, stats, errors ---------------------------------------------


@cli.command()
@click.option("--category", type=slug("category"),
              help="Only this prohibition category (slug, e.g. social-media-engagement).")
@click.option("--region", help="Only this region (canonical name or short form; nasional).")
@click.option("--province", help="Only regions of this province.")
@click.option("--kind", type=click.Choice(["circular", "decree", "regulation", "pact", "news", "other"]))
@click.option("--year", type=YEAR, help="Only documents dated in this year.")
@click.option("--divergent", is_flag=True,
              help="Per category, the regions whose sanction differs from the national rule or from each other.")
@click.option("--gaps", "gaps_region", metavar="REGION",
              help="The prohibitions of the national list that REGION's documents do not cover.")
@click.option("--citations", is_flag=True,
              help="Cited regulations: shared legal bases, documents citing replaced regulations.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.pass_context
def xref(ctx, category, region, province, kind, year, divergent, gaps_region, citations, fmt):
    """Cross-reference regions: which region prohibits what, with which
    sanction (the heaviest it states), on which documents. Each cell names
    the clause behind it, which `himpun show` opens.

    \b
    Examples:
      himpun xref                              (region by category matrix)
      himpun xref --category social-media-engagement --format csv
      himpun xref --divergent                  (regions apart from the national rule)
      himpun xref --gaps Sidrap                (national prohibitions Sidrap leaves out)
      himpun xref --citations --format json    (legal bases; replaced regulations)
    """
    from himpun.xref import render
    filters = dict(category=category, region=region, province=province, kind=kind, year=year)
    mode = xref_mode({"divergent": divergent, "gaps": gaps_region, "citations": citations}, filters, fmt)
    lib = _library(ctx)
    name = None
    if mode == "gaps":
        from himpun.library import canonical_region
        name = canonical_region(gaps_region)
        data = lib.gaps(name)
    elif mode == "citations":
        data = lib.citations(region=region, province=province, kind=kind, year=year)
    elif mode == "divergent":
        data = lib.divergences(**filters)
    else:
        data = lib.matrix(**filters)
    click.echo(render.render(mode, data, fmt, region=name), nl=fmt != "csv")


@cli.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file (default: standard output; required for pdf).")
@click.option("--format", "fmt", type=click.Choice(["md", "html", "pdf"]), default=None,
              help="Output format. Default: from the file's extension, else md.")
@click.option("--region", help="Only this region's documents, with the national ones.")
@click.option("--province", help="Only this province's documents (and its regions'), with the national ones.")
@click.option("--since", type=DATE, help="Only documents dated on or after DATE (YYYY-MM-DD).")
@click.pass_context
def rulebook(ctx, output, fmt, region, province, since):
    """Write the consolidated rulebook (Buku Aturan Netralitas ASN), in
    Indonesian: for each prohibition of the national list, the rule, its
    national basis, the sanctions by severity, the regions that adopt it
    with quotes and pages, and where regions diverge; annexes with the
    region-by-prohibition matrix, the source documents and the regulations
    cited. Every statement carries references to the clauses it came from.

    \b
    Examples:
      himpun rulebook -o buku-aturan.md
      himpun rulebook -o buku-aturan.pdf               (A4, page numbers, contents)
      himpun rulebook --region Sidrap --format html -o sidrap.html
      himpun rulebook --province Banten --since 2024-01-01 -o banten-2024.pdf

    The format is --format's, else the extension's (.md, .html, .pdf).
    """
    from himpun.rulebook import write
    fmt = rulebook_format(output, fmt)
    if fmt == "pdf" and output is None:
        raise click.UsageError("PDF output needs a file: -o FILE.pdf")
    if output is not None:
        check_writable(output)
    book = _library(ctx).rulebook(region=region, province=province, since=since)
    book.require_selection()  # nothing selected: an error, not an empty book
    with writing(output) if output is not None else contextlib.nullcontext():
        data = write(book, fmt, output)
    if output is None:
        click.echo(data.decode("utf-8"), nl=False)
    else:
        click.echo(f"wrote {output} ({fmt}, {len(book.sections)} prohibitions, {book.scope['documents']} documents, "
                   f"{len(book.footnotes)} source references)", err=True)


@cli.command()
@click.argument("ident")
@click.option("--json", "as_json", is_flag=True, help="Print the record as JSON.")
@click.pass_context
def show(ctx, ident, as_json):
    """Show a clause in its context, or a whole document.

    \b
    Examples:
      himpun show 3f2a9c01b7de-004     (a clause: its document and neighbours)
      himpun show 3f2a9c01b7de         (a document: metadata and clauses)
    """
    lib = _library(ctx)
    item = lib.show(ident)
    if isinstance(item, ClauseView):
        same = lib.similar(item.clause.id)
        if as_json:
            click.echo(json.dumps({"clause": item.clause.to_dict(), "document": _doc_meta(item.document),
                                   "before": [c.to_dict() for c in item.before],
                                   "after": [c.to_dict() for c in item.after], "same_rule_elsewhere": same},
                                  ensure_ascii=False, indent=2))
            return
        c = item.clause
        _print_document(item.document, clauses=False)
        click.echo("")
        for other in item.before:
            click.echo(click.style(f"  {other.id}  {other.text}", dim=True))
        click.echo(click.style(f"> {c.id}  [{c.kind}] ", bold=True) + _in_context(c))
        if item.document.pages[c.page - 1].low_confidence:
            click.echo(click.style(f"    page {c.page} was read by OCR with low confidence: check the original", fg="red"))
        click.echo(f"    page {c.page}, characters {c.start}-{c.end}"
                   + (f"; category: {', '.join(c.categories)}" if c.categories else "")
                   + (f"; sanction: {_sanctions(c)}" if c.sanctions else ""))
        for other in item.after:
            click.echo(click.style(f"  {other.id}  {other.text}", dim=True))
        if same:
            click.echo("\nThe same rule elsewhere:")
            for o in same:
                click.echo(f"  {o['clause']}  {o['region'] or '-'}, {o['kind']} {o['number'] or ''} "
                           f"(similarity {o['similarity']:.2f}): {o['text'][:120]}")
    elif as_json:
        click.echo(json.dumps(item.to_dict(), ensure_ascii=False, indent=2))
    else:
        _print_document(item, clauses=True)


def _doc_meta(doc: Document) -> dict:
    d = doc.to_dict()
    d.pop("clauses")
    return d


def page_notes(doc: Document) -> list[str]:
    """One line per OCR'd page with its confidence; doubtful pages flagged."""
    notes = []
    for p in doc.pages:
        if p.ocr:
            flag = click.style("  low OCR confidence: check against the original", fg="red") if p.low_confidence else ""
            notes.append(f"page {p.number}: OCR, confidence {p.confidence or 0:.0f}%{flag}")
    return notes


def _sanctions(c) -> str:
    return ", ".join(s.type + (f" ({s.severity})" if s.severity else "") for s in c.sanctions)


def _print_document(doc: Document, clauses: bool) -> None:
    click.echo(click.style(doc.title or Path(doc.source).name, bold=True))
    rows = [("id", doc.doc_id), ("file", doc.source), ("kind", doc.kind), ("issuer", "; ".join(doc.issuers)),
            ("region", doc.region), ("province", doc.province), ("numbers", "; ".join(doc.numbers)),
            ("date", doc.date), ("cites", ", ".join(dict.fromkeys(c.key for c in doc.citations))),
            ("pages", str(len(doc.pages))), ("url", doc.url)]
    for k, v in rows:
        if v:
            click.echo(f"  {k:<9}{v}")
    for line in page_notes(doc):
        click.echo(f"  {line}")
    if clauses:
        for c in doc.clauses:
            tags = ", ".join(c.categories) + ("; " if c.categories and c.sanctions else "") + _sanctions(c)
            click.echo(f"  {c.id} [{c.kind}] {_in_context(c)}" + (click.style(f"  <{tags}>", dim=True) if tags else ""))


def _in_context(c) -> str:
    """A clause's words after the words that govern it ("ASN dilarang: … ")."""
    context = c.context if len(c.context) <= 80 else "… " + c.context[-80:].split(" ", 1)[-1]
    return (click.style(context + " … ", dim=True) if context else "") + c.text


@cli.command()
@click.option("--wait", default=600.0, show_default=True, metavar="SECONDS",
              help="How long to wait for another process writing to the library before giving up.")
@click.pass_context
def reindex(ctx, wait):
    """Rebuild the search index from the catalog.

    \b
    Example:
      himpun reindex
    """
    r = _library(ctx).reindex(wait=wait, on_wait=lambda msg: click.echo(msg, err=True))
    click.echo(f"indexed {r.clauses} clauses of {r.added_documents} documents")


@cli.command()
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def stats(ctx, as_json):
    """Counts of documents, clauses and regions in the library; failed and
    skipped: files whose latest attempt failed or was skipped.

    \b
    Example:
      himpun stats --json
    """
    s = _library(ctx).stats()
    if as_json:
        click.echo(json.dumps(s, ensure_ascii=False, indent=2))
        return
    click.echo(f"library   {s['library']}")
    for k in ("documents", "pages", "clauses", "prohibitions", "sanctions", "obligations", "citations", "regions",
              "failed", "skipped"):
        click.echo(f"{k:<14}{s[k]}")
    for name in ("by_kind", "by_region", "by_year"):
        click.echo(name.replace("_", " ") + ": " + ", ".join(f"{k} ({v})" for k, v in s[name].items()))


@cli.command()
@click.option("--json", "as_json", is_flag=True)
@click.option("--limit", type=POSITIVE, default=100, show_default=True)
@click.option("--all", "every", is_flag=True, help="Every failed or skipped attempt, not each file once.")
@click.pass_context
def errors(ctx, as_json, limit, every):
    """Files whose latest attempt failed or was skipped, newest first, each
    once with the reason (and how many attempts the log holds, when more
    than one). --all: every failed or skipped attempt.

    \b
    Examples:
      himpun errors
      himpun errors --all --json
    """
    rows = _library(ctx).errors(limit, every=every)
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for r in rows:
        tries = f" ({r['attempts']} attempts)" if r.get("attempts", 1) > 1 else ""
        click.echo(f"{r['at']}  {r['status']}: {r['path']}: {r['reason']}{tries}")
    if not rows:
        click.echo("no failed or skipped files")


def main() -> None:
    cli(prog_name="himpun")


if __name__ == "__main__":
    main()
