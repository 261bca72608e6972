"""The `dua` command.

```
dua show FILE...            a readable summary of agreement files (.toml or .json)
dua show --example NAME     a summary of a bundled example
dua show --all-examples     summaries of all bundled examples
dua validate FILE...        check agreement files; list every problem with its path
dua --version
```

Exit status: 0 on success (and valid files), 1 when a file is invalid or cannot be read,
2 for usage errors. User errors print one clear message on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from dua import __version__, examples
from dua.errors import DuaError
from dua.io.files import load_agreement
from dua.model import Agreement
from dua.summary import summarise

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dua",
        description="Local agreements on youth and newcomer employment (DUA): "
        "models, rules and follow-up.",
    )
    parser.add_argument("--version", action="version", version=f"dua {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    show = commands.add_parser("show", help="print a readable summary of agreements")
    show.add_argument("files", nargs="*", metavar="FILE", help="agreement files (.toml/.json)")
    show.add_argument(
        "--example",
        action="append",
        default=[],
        metavar="NAME",
        help=f"a bundled example: {', '.join(examples.names())}",
    )
    show.add_argument("--all-examples", action="store_true", help="all bundled examples")
    show.add_argument("--lang", choices=("sv", "en"), default="sv", help="language (default sv)")

    validate = commands.add_parser("validate", help="check agreement files")
    validate.add_argument("files", nargs="+", metavar="FILE", help="agreement files (.toml/.json)")
    return parser


def _show(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    agreements: list[Agreement] = []
    names = list(examples.names()) if args.all_examples else list(args.example)
    if not names and not args.files:
        parser.error("show needs FILE, --example NAME or --all-examples")
    for name in names:
        agreements.append(examples.load(name))
    for path in args.files:
        agreements.append(load_agreement(path))
    print("\n\n".join(summarise(a, args.lang) for a in agreements))
    return 0


def _validate(args: argparse.Namespace) -> int:
    status = 0
    for path in args.files:
        try:
            load_agreement(path)
        except DuaError as error:
            print(error, file=sys.stderr)
            status = 1
        else:
            print(f"{path}: ok")
    return status


def main(argv: Sequence[str] | None = None) -> int:
    """Run the `dua` command with `argv` (default: `sys.argv[1:]`); return the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "show":
            return _show(args, parser)
        return _validate(args)
    except DuaError as error:
        print(f"dua: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
