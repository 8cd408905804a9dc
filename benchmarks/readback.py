"""Time reading a record back: ``Article.from_dict`` now, before, and msgspec.

Usage: python benchmarks/readback.py [--record PATH] [--repeat N]

The default record is the largest page of the bundled enwiki sample dump,
parsed here (wikitext -> Article -> dict).  "before" is the read-back bioparse
shipped until the decoders were compiled: it resolved the type hints with
``typing.get_type_hints`` for every object of every record and checked
nothing; it is reproduced below so the comparison stays runnable.  msgspec
(when installed) converts the same dict with ``msgspec.convert`` into the same
dataclasses, validating too.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
import types
import typing
from pathlib import Path
from typing import Any, Union

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "fixtures" / "dumps" / "enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2"


def _before(cls: Any, data: dict[str, Any]) -> Any:
    """The read-back as it was: uncached type hints, no validation."""
    hints = typing.get_type_hints(cls, vars(sys.modules[cls.__module__]))

    def convert(tp: Any, value: Any) -> Any:
        if value is None:
            return None
        origin = typing.get_origin(tp)
        if origin in (Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            return convert(args[0], value) if len(args) == 1 else value
        if origin is list:
            (item,) = typing.get_args(tp)
            return [convert(item, v) for v in value]
        if origin is dict:
            _, item = typing.get_args(tp)
            return {k: convert(item, v) for k, v in value.items()}
        if isinstance(tp, type) and dataclasses.is_dataclass(tp):
            return _before(tp, value)
        return value

    kwargs = {f.name: convert(hints[f.name], data[f.name]) for f in dataclasses.fields(cls) if f.name in data}
    return cls(**kwargs)


def _largest_record() -> dict[str, Any]:
    from bioparse.dump.process import process_page
    from bioparse.dump.sources import iter_pages

    best: dict[str, Any] = {}
    best_size = -1
    for page in iter_pages(str(SAMPLE)):
        if len(page.text) > best_size:
            record = process_page(page)
            if record is not None:
                best, best_size = record, len(page.text)
    return best


def _time(fn: Any, repeat: int) -> float:
    fn()  # warm: compile/cache once, as a long run would
    began = time.perf_counter()
    for _ in range(repeat):
        fn()
    return (time.perf_counter() - began) / repeat


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--record", type=Path, help="a JSON file holding one record (default: largest sample page)")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    import orjson

    from bioparse.model import Article

    record = orjson.loads(args.record.read_bytes()) if args.record else _largest_record()
    objects = str(record).count("{")
    print(f"record: {record.get('title')!r}, {len(orjson.dumps(record)) // 1024} KiB of JSON, ~{objects} objects")
    before = _time(lambda: _before(Article, record), max(1, args.repeat // 4))
    now = _time(lambda: Article.from_dict(record), args.repeat)
    print(f"before (uncached hints, no checks): {before * 1000:8.1f} ms")
    print(f"Article.from_dict (compiled):       {now * 1000:8.1f} ms  ({before / now:.0f}x)")
    try:
        import msgspec
    except ImportError:
        print("msgspec: not installed")
        return
    spec = _time(lambda: msgspec.convert(record, type=Article), args.repeat)
    print(f"msgspec.convert:                    {spec * 1000:8.1f} ms  ({before / spec:.0f}x)")
    raw = orjson.dumps(record)
    decoder = msgspec.json.Decoder(Article)
    both_ours = _time(lambda: Article.from_dict(orjson.loads(raw)), args.repeat)
    both_spec = _time(lambda: decoder.decode(raw), args.repeat)
    print(f"bytes -> Article, orjson + from_dict: {both_ours * 1000:6.1f} ms")
    print(f"bytes -> Article, msgspec.json:       {both_spec * 1000:6.1f} ms")


if __name__ == "__main__":
    main()
