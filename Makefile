# The two commands of the README:
#   make run   install what is missing, build, create the demo plan if the
#              database has none, serve on http://127.0.0.1:8080
#   make test  install, build, and run every test: a release build with
#              Debian's hardening flags, the checks of the tree (layers,
#              format, clang-tidy), unit and integration (ctest, also under
#              AddressSanitizer + UBSan), a short run of every fuzz target,
#              and browser (Playwright)
# `make test` compiles the tree twice, not three times: the hardened release
# build is the one its checks, ctest and the browser tests use (`make run`
# keeps its own RelWithDebInfo build in build/).
BUILD      ?= build
ASAN_BUILD ?= build-asan
RELEASE_BUILD ?= build-release
JOBS       ?= 2
DB         ?= medbcp.db
HOST       ?= 127.0.0.1
PORT       ?= 8080
# Seconds per fuzz target in `make test` (`make fuzz` runs longer).
TEST_FUZZ_SECONDS ?= 10

# ccache (when installed) keys on paths relative to the checkout, so a fresh
# clone elsewhere reuses what an earlier build of the same sources compiled.
export CCACHE_BASEDIR := $(CURDIR)
export CCACHE_NOHASHDIR := 1

.PHONY: all deps build asan release run deb test test-checks test-unit test-asan test-fuzz test-e2e test-package e2e-deps fuzz bench format clean

all: build

deps:
	@scripts/install-deps

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(BUILD) -j$(JOBS)

asan: deps
	@cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DMEDBCP_SANITIZE=ON >/dev/null
	@cmake --build $(ASAN_BUILD) -j$(JOBS)

# Release with dpkg-buildflags' hardening: every target builds with our
# warnings as errors under the flags a Debian package is built with.
release: deps
	@cmake -S . -B $(RELEASE_BUILD) -DCMAKE_BUILD_TYPE=Release -DMEDBCP_HARDENING=ON \
	  -DMEDBCP_DEFAULT_DB=medbcp.db >/dev/null
	@cmake --build $(RELEASE_BUILD) -j$(JOBS)

# The Debian package, build-deb/medbcp_VERSION_amd64.deb (debian/rules): the
# release build's program with the service's default database, its systemd
# units, manual page and configuration; lintian must find no error.
deb: release
	@rm -rf $(RELEASE_BUILD)/deb && mkdir -p $(RELEASE_BUILD)/deb
	@DEB_BUILD_OPTIONS="nocheck noautodbgsym parallel=$(JOBS)" BUILDDIR=$(RELEASE_BUILD) \
	  DEBDIR=$(RELEASE_BUILD)/deb debian/rules binary >$(RELEASE_BUILD)/deb/build.log 2>&1 \
	  || { tail -40 $(RELEASE_BUILD)/deb/build.log; exit 1; }
	@debian/rules clean >/dev/null 2>&1 || true
	@lintian --fail-on error $(RELEASE_BUILD)/deb/*.deb
	@ls $(RELEASE_BUILD)/deb/*.deb

run: build
	@$(BUILD)/medbcp --db $(DB) init --demo
	@echo "medbcp: http://$(HOST):$(PORT)/ を開いてください（Ctrl-C で終了）"
	@$(BUILD)/medbcp --db $(DB) serve --host $(HOST) --port $(PORT)

test: test-checks test-unit test-asan test-fuzz test-e2e test-package

# The tree's own rules: the dependency rule of docs/architecture.md, the
# formatting, and clang-tidy on src/core and the files the last commit changed.
test-checks: release
	@scripts/check-layers
	@scripts/check-layers --self-test
	@scripts/check-format
	@scripts/check-tidy $(RELEASE_BUILD)

test-unit: release
	@cd $(RELEASE_BUILD) && ctest --output-on-failure -j$(JOBS)

# Under the sanitizers every test but the one whose time is LibreOffice's
# own (converting our DOCX and XLSX; our writers run under them in the other
# rendering tests).
test-asan: asan
	@cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --output-on-failure -j$(JOBS) \
	  -E 'ConvertWithLibreOffice'

# Every libFuzzer target for a few seconds from its committed seeds: new
# crashes in CI, not only the replay of known inputs that ctest does.
test-fuzz: deps
	@scripts/fuzz $(TEST_FUZZ_SECONDS)

e2e-deps: deps
	@cd tests/e2e && if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then \
	  npm ci --no-audit --no-fund --loglevel=error; fi

test-e2e: release e2e-deps
	@tests/e2e/run.sh $(abspath $(RELEASE_BUILD))/medbcp

# The package's own checks (tests/package/check-package): lintian, the
# files it installs, systemd-analyze verify and security on its units, the
# manual page; on a throw-away container as root also install, upgrade,
# remove and purge.
test-package: deb
	@tests/package/check-package $(RELEASE_BUILD)/deb/medbcp_*.deb

fuzz:
	@scripts/fuzz $(FUZZ_SECONDS)

bench: build
	@scripts/install-deps --bench
	@bench/run-all.sh $(abspath $(BUILD))/medbcp

format:
	@find src tests bench fuzz -name '*.cc' -o -name '*.h' | xargs clang-format -i

clean:
	@rm -rf $(BUILD) $(ASAN_BUILD) $(RELEASE_BUILD) build-fuzz
