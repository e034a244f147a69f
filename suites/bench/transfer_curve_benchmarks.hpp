#pragma once
// The transfer-rate curve (issue #6 item 2): read speed at evenly spaced points across the whole disc, one
// benchmark per point, so the JSON and the JUnit hold the curve point by point (curve_points.hpp says where).
#include <cstddef>
#include <cstdint>
#include <string>

#include "harness/device/device.hpp"

namespace cdcts::suites::bench {

// Points on the disc's grid: every 2.5% of the program area, 0% and 100% included (fewer on a short disc).
inline constexpr std::size_t kCurvePoints = 41;
// Timed reads per point after the untimed positioning read, as in read_benchmarks.hpp.
inline constexpr int kCurveReadsPerPoint = 16;
// Sectors per read: 64 KiB of cooked data and the largest CD-DA read under 64 KiB, the sizes common tools use
// (less where the adapter allows less).
inline constexpr std::uint32_t kCurveCookedSectors = 32;
inline constexpr std::uint32_t kCurveCddaSectors = 27;

// Registers TransferCurve/<id>/<CookedRead|CDDA>/<index>; a curve the disc cannot have skips with
// "NotSupported: <why>". `device` must outlive benchmark::RunSpecifiedBenchmarks. Returns how many it registered.
std::size_t registerTransferCurveBenchmarks(Device& device, const std::string& id);

}  // namespace cdcts::suites::bench
