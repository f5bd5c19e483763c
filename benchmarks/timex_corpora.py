"""The tagger on every development corpus, one row each, scored with the TempEval-3 conventions.

    python benchmarks/timex_corpora.py [--corpus te3-train wikiwars tweets gum]
                                       [--pipeline blank|parser] [--errors FILE]

Corpora (read from ``$CHRONOLINT_DATA`` at run time, see ``benchmarks/corpora.py``):

- ``te3-train``: TempEval-3 train (TimeBank + AQUAINT), news, TIMEX3 gold;
- ``wikiwars``: WikiWars articles 01-11 (``wikiwars-dev``), war narratives, the outermost
  TIMEX2 mapped to TIMEX3 (``corpora.timex2_gold``); TIMEX2 has no type, so type accuracy
  there only checks the type implied by the value;
- ``tweets``: the Tweets training split (``tweets-dev``), TIMEX3 gold with its non-standard
  values normalised (``corpora.tweet_value``);
- ``gum``: GUM news and bios, whose ``<date when=...>`` gold is not exhaustive: recall and
  value accuracy only.

The scorer is ``benchmarks/tempeval3.py``'s: strict and relaxed P/R/F1 over token spans,
type and value accuracy over relaxed-matched gold, value F1 = relaxed F1 x value accuracy.
TempEval-3 platinum is held out and not offered here (``tempeval3.py --set platinum``).
``--errors FILE`` writes every miss, extra and difference, with the words around it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import corpora, tempeval3

CORPORA: dict[str, tuple[str, Callable[[], list]]] = {  # type: ignore[type-arg]
    "te3-train": ("TempEval-3 train", lambda: corpora.tempeval3("train")),
    "wikiwars": ("WikiWars 01-11", corpora.wikiwars_dev),
    "tweets": ("Tweets train", corpora.tweets_dev),
}
COLUMNS = tempeval3.COLUMNS


def row(name: str, n_docs: int, n_gold: int, cells: dict[str, float | None]) -> str:
    figures = " ".join(f"{100 * v:>{len(k)}.2f}" if v is not None else f"{'-':>{len(k)}}" for k, v in cells.items())
    return f"{name:<18} {n_docs:>5} {n_gold:>5}  {figures}"


def main(argv: Iterable[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--corpus",
        nargs="+",
        choices=(*CORPORA, "gum"),
        default=(*CORPORA, "gum"),
        help="corpora to score (default: all)",
    )
    ap.add_argument("--pipeline", choices=("blank", "parser"), default="parser")
    ap.add_argument(
        "--errors",
        type=Path,
        help="write every miss, extra and difference (with context) to this file",
    )
    args = ap.parse_args(list(argv) if argv is not None else None)
    if corpora.data_root() is None:
        print(
            "no shared data (set CHRONOLINT_DATA): nothing to benchmark",
            file=sys.stderr,
        )
        return 2
    errors: list[str] = []
    print(f"{args.pipeline} pipeline")
    print(f"{'corpus':<18} {'docs':>5} {'gold':>5}  " + " ".join(COLUMNS))
    for key in args.corpus:
        if key == "gum":
            continue
        title, load = CORPORA[key]
        docs = load()
        errors.append(f"######## {title}")
        counts = tempeval3.score_corpus(docs, args.pipeline, errors, context=True)
        table = counts.table()
        print(row(title, len(docs), counts.n_gold, {k: table[k] for k in COLUMNS}))
    if "gum" in args.corpus:
        for kind in ("news", "bio"):
            errors.append(f"######## GUM {kind}")
            docs = corpora.gum(kind)
            recall, accuracy, n = tempeval3.run_gum(kind, args.pipeline, errors)
            cells = {k: None for k in COLUMNS} | {
                "relaxed R": recall,
                "value acc": accuracy,
            }
            print(row(f"GUM {kind} (recall)", len(docs), n, cells))
    if args.errors:
        args.errors.write_text("\n".join(errors) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
