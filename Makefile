# Developer shortcuts. The README's two commands are the supported way in; these wrap them.
.PHONY: test bench lint console

test:
	bash scripts/test

lint:
	.venv/bin/ruff check .

# Every benchmark of the product (answers, reminders, HTTP load), one table at the end.
bench:
	.venv/bin/python benchmarks/run_all.py

console:
	.venv/bin/safeguarding-bot console
