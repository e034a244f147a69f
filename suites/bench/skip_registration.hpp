#pragma once
// A benchmark that cannot run is still registered, under the name it would have had (or its family's prefix), and
// skips with the reason, "NotSupported: <what is missing>", so the console, the JSON and the JUnit list it.
#include <benchmark/benchmark.h>

#include <string>

namespace cdcts::suites::bench {

inline void registerSkip(const std::string& name, std::string reason)
{
    benchmark::RegisterBenchmark(name.c_str(), [reason = std::move(reason)](benchmark::State& state) { state.SkipWithError(reason.c_str()); })
        ->UseManualTime()
        ->Iterations(1);
}

}  // namespace cdcts::suites::bench
