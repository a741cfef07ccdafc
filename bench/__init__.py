"""Benchmarks and fitting scripts: each is run as a script (``.venv/bin/python bench/quality.py``) or a module
(``.venv/bin/python -m bench.quality``); results and the commands that made them are in BENCHMARKS.md. The
test suite does not import this package: what tests and benches share lives in briefer (``briefer.evaluate``)."""
