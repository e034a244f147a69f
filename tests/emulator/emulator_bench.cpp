// Throughput of the emulated drive itself (issue 3's targets: READ CD of raw 2352-byte sectors at 1 GB/s or
// more on one core, TEST UNIT READY under 1 us), on the virtual clock so no modeled time is slept. A
// benchmark, not a test: run it by hand, side by side, and read the medians.
//   build/default/tests/emulator/cdcts_bench_emulator --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include <array>
#include <vector>

#include "harness/emulator/profile.hpp"
#include "harness/emulator/synthetic_disc.hpp"
#include "harness/emulator/virtual_drive.hpp"

namespace {
using namespace cdcts;

struct Rig {
    VirtualClock clock;
    emulator::VirtualDrive drive{*emulator::findDriveProfile("dvd_rom"), clock};
    Rig()
    {
        drive.loadMedium(emulator::makeSyntheticDisc("mixed"));
        clock.advance(drive.profile().timings.spinUp);  // at speed before the first command
        const std::array<std::uint8_t, 6> tur{0x00, 0, 0, 0, 0, 0};
        for (int i = 0; i < 4; ++i) (void)drive.execute(tur, {}, mmc::DataDirection::None, std::chrono::seconds(1));
    }
};

void TestUnitReady(benchmark::State& state)
{
    Rig rig;
    const std::array<std::uint8_t, 6> tur{0x00, 0, 0, 0, 0, 0};
    for (auto _ : state) benchmark::DoNotOptimize(rig.drive.execute(tur, {}, mmc::DataDirection::None, std::chrono::seconds(1)));
}
BENCHMARK(TestUnitReady);

// READ CD, 27 sectors (a typical RAW_READ), user data only (0x10) or every field (0xF8), in a data or audio track.
void ReadCd(benchmark::State& state)
{
    Rig rig;
    const auto lba = static_cast<std::uint32_t>(state.range(0));
    const auto fields = static_cast<std::uint8_t>(state.range(1));
    constexpr std::uint8_t kSectors = 27;
    const std::array<std::uint8_t, 12> cdb{0xBE, 0, static_cast<std::uint8_t>(lba >> 24), static_cast<std::uint8_t>(lba >> 16),
                                           static_cast<std::uint8_t>(lba >> 8), static_cast<std::uint8_t>(lba), 0, 0, kSectors, fields, 0, 0};
    std::vector<std::uint8_t> data(kSectors * 2352);
    std::uint64_t bytes = 0;
    for (auto _ : state) {
        const auto r = rig.drive.execute(cdb, data, mmc::DataDirection::In, std::chrono::seconds(1));
        if (!r.good()) state.SkipWithError("READ CD failed");
        bytes += r.transferred;
        benchmark::DoNotOptimize(data.data());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}
BENCHMARK(ReadCd)->ArgNames({"lba", "fields"})->Args({1000, 0xF8})->Args({1000, 0x10})->Args({12000, 0x10});

// READ CD of every field, 27 sectors at a time, walking the whole data track (11 250 sectors) the way a disc
// copy does: every sector is built afresh, so nothing a repeated LBA could keep warm helps.
void ReadCdSequential(benchmark::State& state)
{
    Rig rig;
    constexpr std::uint8_t kSectors = 27;
    constexpr std::uint32_t kTrackEnd = 11250;  // the mixed disc's data track
    std::vector<std::uint8_t> data(kSectors * 2352);
    std::uint32_t lba = 0;
    std::uint64_t bytes = 0;
    for (auto _ : state) {
        const std::array<std::uint8_t, 12> cdb{0xBE, 0, static_cast<std::uint8_t>(lba >> 24), static_cast<std::uint8_t>(lba >> 16),
                                               static_cast<std::uint8_t>(lba >> 8), static_cast<std::uint8_t>(lba), 0, 0, kSectors, 0xF8, 0, 0};
        const auto r = rig.drive.execute(cdb, data, mmc::DataDirection::In, std::chrono::seconds(1));
        if (!r.good()) state.SkipWithError("READ CD failed");
        bytes += r.transferred;
        benchmark::DoNotOptimize(data.data());
        lba += kSectors;
        if (lba + kSectors > kTrackEnd) lba = 0;
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}
BENCHMARK(ReadCdSequential);

}  // namespace

BENCHMARK_MAIN();
