# Developer shortcuts. The README's two commands are the supported way in; these wrap them.
.PHONY: test bench bench-quick lint console

test:
	bash scripts/test

lint:
	.venv/bin/ruff check .

# Every benchmark of the product (answers, reminders, modals, HTTP load, plans), one table at the end with the
# Slack latency each row ran at. Set DATABASE_URL=postgresql://... for the PostgreSQL figures.
bench:
	.venv/bin/python benchmarks/run_all.py

bench-quick:
	.venv/bin/python benchmarks/run_all.py --quick

console:
	.venv/bin/safeguarding-bot console
