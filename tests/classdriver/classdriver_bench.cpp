// One IOCTL round trip through the class-driver model on the emulated drive (virtual clock), beside what the same
// work costs without it on this machine, measured side by side in one run (issue 4's targets):
//   - CHECK_VERIFY through ClassDriver + VirtualDrive against a real ioctl() system call (FIONREAD on a pipe,
//     a trivial request the kernel answers at once): the ratio should be at most 1.0;
//   - RAW_READ of 27 CD-DA sectors (63 504 bytes) against memcpy of the same bytes: at least 50% of its bandwidth.
// A benchmark, not a test; docs/performance.md records the medians and the command that reproduces them:
//   build/default/tests/classdriver/cdcts_bench_classdriver --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <array>
#include <cstring>
#include <vector>

#include "harness/backends/emulated_device.hpp"
#include "harness/emulator/profile.hpp"
#include "harness/emulator/synthetic_disc.hpp"
#include "harness/ioctl/codes.hpp"
#include "harness/ioctl/structures/raw_read.hpp"
#include "page_buffer.hpp"

namespace {
using namespace cdcts;

constexpr std::uint32_t kSectors = 27;
constexpr std::size_t kRawBytes = kSectors * 2352;

struct Rig {
    std::unique_ptr<backends::EmulatedDevice> device;
    std::unique_ptr<DeviceHandle> handle;
    Rig()
    {
        backends::EmulatedDeviceConfig config;
        config.id = "bench";
        config.profile = emulator::findDriveProfile("dvd_rom");
        config.medium = emulator::makeSyntheticDisc("audio");
        device = std::make_unique<backends::EmulatedDevice>(std::move(config));
        handle = device->open(HandleAccess::Read);
        device->driver().runPendingMmcRefresh();  // a real device has long had its first request
    }
    ~Rig() { handle.reset(); }
};

void CheckVerify(benchmark::State& state)
{
    Rig rig;
    std::vector<std::uint8_t> none;
    for (auto _ : state) {
        const ControlResult r = rig.handle->control(ioctl::codes::CdromCheckVerify, {}, none);
        if (!r.status.isSuccess()) state.SkipWithError("CHECK_VERIFY failed");
        benchmark::DoNotOptimize(r);
    }
}
BENCHMARK(CheckVerify);

void IoctlSystemCall(benchmark::State& state)
{
    std::array<int, 2> fds{};
    if (pipe(fds.data()) != 0) {
        state.SkipWithError("pipe() failed");
        return;
    }
    int available = 0;
    for (auto _ : state) {
        if (::ioctl(fds[0], FIONREAD, &available) != 0) state.SkipWithError("ioctl(FIONREAD) failed");
        benchmark::DoNotOptimize(available);
    }
    close(fds[0]);
    close(fds[1]);
}
BENCHMARK(IoctlSystemCall);

void RawRead27(benchmark::State& state)
{
    Rig rig;
    ioctl::RAW_READ_INFO info{};
    info.DiskOffset.QuadPart = 1000 * 2048;  // LBA 1000, inside audio track 1
    info.SectorCount = kSectors;
    info.TrackMode = ioctl::CDDA;
    std::array<std::uint8_t, sizeof info> in{};
    std::memcpy(in.data(), &info, sizeof info);
    testing_support::PageBuffer out(kRawBytes, 0);
    std::uint64_t bytes = 0;
    for (auto _ : state) {
        const ControlResult r = rig.handle->control(ioctl::codes::CdromRawRead, in, out.span());
        if (!r.status.isSuccess()) state.SkipWithError("RAW_READ failed");
        bytes += r.information;
        benchmark::DoNotOptimize(out.span().data());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}
BENCHMARK(RawRead27);

void Memcpy27(benchmark::State& state)
{
    std::vector<std::uint8_t> from(kRawBytes, 0x5A);
    testing_support::PageBuffer to(kRawBytes, 0);
    for (auto _ : state) {
        std::memcpy(to.span().data(), from.data(), kRawBytes);
        benchmark::DoNotOptimize(to.span().data());
        benchmark::ClobberMemory();
    }
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(kRawBytes));
}
BENCHMARK(Memcpy27);

}  // namespace

BENCHMARK_MAIN();
