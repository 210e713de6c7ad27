# pulumi-tpops — every entry point a developer or CI needs. Works on a fresh clone with Node 20, npm and Go.
SHELL := /bin/bash
.DEFAULT_GOAL := help
.PHONY: help install build pulumi test test-unit test-integ test-e2e demo bench emulator clean

NPM_STAMP := node_modules/.install-stamp
EMULATOR_ARGS ?= --no-tls --port 18002 --time-scale 0.01

help: ## List the targets
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | column -t -s $$'\t'

install: $(NPM_STAMP) ## npm ci (only when package-lock.json changed)
$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

build: install ## Generate, type-check and bundle (dist/)
	node scripts/build.mjs

pulumi: install ## The Pulumi engine in .tools/bin (built from Go modules unless a compatible one is on PATH)
	bash scripts/pulumi-toolchain.sh

test: install build pulumi ## All test tiers: unit, conformance, integ, e2e (real engine)
	node scripts/run-tests.mjs

test-unit: install ## Unit and conformance tiers only (no build, no engine)
	node scripts/run-tests.mjs test/unit test/conformance

test-integ: install build ## Integration tier (providers against the emulator)
	node scripts/run-tests.mjs test/integ

test-e2e: install build pulumi ## End-to-end tier (real Pulumi engine)
	node scripts/run-tests.mjs test/e2e

demo: install build pulumi ## The demo: emulator + real pulumi up / drift check / destroy
	bash scripts/demo.sh

bench: install build pulumi ## Benchmarks → bench/RESULTS.md
	node scripts/bench.mjs

emulator: build ## Run the TPOPS emulator in the foreground (EMULATOR_ARGS=...)
	node dist/emulator/cli.js $(EMULATOR_ARGS)

clean: ## Remove build output, temp projects and the engine build
	rm -rf dist .tmp .tools node_modules
