// What a fuzz target does when a property it checks does not hold: print
// what was expected and abort, which libFuzzer (and the corpus replay in
// ctest) reports as a crash with the input that caused it. Used instead of
// assert() so the checks stay on in release builds.
#pragma once

#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(condition)                                                            \
  do {                                                                                   \
    if (!(condition)) {                                                                  \
      std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #condition); \
      std::abort();                                                                      \
    }                                                                                    \
  } while (0)
