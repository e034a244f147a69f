#pragma once
// The time source a device lives by. Emulated drives run on a VirtualClock, so minutes of spin-up and
// retry delays cost no wall time; real drives run on the SteadyClock.
#include <chrono>
#include <cstdint>
#include <mutex>

namespace cdcts {

using Nanoseconds = std::chrono::nanoseconds;

class Clock {
public:
    virtual ~Clock() = default;
    // Time since an arbitrary, fixed epoch of this clock.
    [[nodiscard]] virtual Nanoseconds now() const = 0;
    // Lets `duration` pass on this clock: really sleeps on the steady clock, advances a virtual one.
    virtual void sleepFor(Nanoseconds duration) = 0;
    // True when now() follows the wall clock (benchmarks report it beside the figures).
    [[nodiscard]] virtual bool isReal() const = 0;
};

class SteadyClock final : public Clock {
public:
    [[nodiscard]] Nanoseconds now() const override;
    void sleepFor(Nanoseconds duration) override;
    [[nodiscard]] bool isReal() const override { return true; }
};

// Modeled time: advances only when someone sleeps on it or calls advance().
class VirtualClock final : public Clock {
public:
    [[nodiscard]] Nanoseconds now() const override;
    void sleepFor(Nanoseconds duration) override;
    [[nodiscard]] bool isReal() const override { return false; }
    void advance(Nanoseconds duration) { sleepFor(duration); }

private:
    mutable std::mutex mutex_;
    Nanoseconds now_{0};
};

}  // namespace cdcts
