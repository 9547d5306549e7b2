# Shortcuts for the two commands of the README.
.PHONY: demo test bench

demo:
	bash scripts/demo.sh

test:
	bash scripts/test.sh

bench:
	.venv/bin/python bench/extraction.py ../shared/dev/truth.jsonl ../shared/dev/docs
