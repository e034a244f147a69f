#include "suites/bench/device_benchmarks.hpp"

#include "suites/bench/access_benchmarks.hpp"
#include "suites/bench/accuracy_benchmarks.hpp"
#include "suites/bench/bench_target.hpp"
#include "suites/bench/latency_benchmarks.hpp"
#include "suites/bench/read_benchmarks.hpp"
#include "suites/bench/streaming_benchmarks.hpp"
#include "suites/bench/spin_up_benchmarks.hpp"
#include "suites/bench/transfer_curve_benchmarks.hpp"

namespace cdcts::suites::bench {

BenchTarget benchTargetFor(Device& device, const inventory::DeviceSpec& spec)
{
    BenchTarget target;
    target.device = &device;
    target.id = spec.id;
    target.settings = spec.bench;
    target.marginalSectors = spec.bench.marginalSectors;
    if (spec.backend == inventory::Backend::Emulated) {
        for (const inventory::SectorFaultSpec& fault : spec.emulated.faults.sectors)
            if (fault.kind == inventory::SectorFaultKind::Marginal) target.marginalSectors.push_back({fault.lba, fault.count});
    }
    return target;
}

std::size_t registerDeviceBenchmarks(Device& device, const inventory::DeviceSpec& spec)
{
    const BenchTarget target = benchTargetFor(device, spec);
    std::size_t count = 0;
    // The order here is the order they run in: throughput first, then what changes the drive's state.
    count += registerReadBenchmarks(*target.device, target.id);
    count += registerTransferCurveBenchmarks(*target.device, target.id);
    count += registerAccessBenchmarks(*target.device, target.id);
    count += registerLatencyBenchmarks(target);
    count += registerStreamingBenchmarks(target);
    count += registerSpinUpBenchmarks(*target.device, target.id);
    count += registerAccuracyBenchmarks(target, spec);
    return count;
}

}  // namespace cdcts::suites::bench
