#include "harness/core/clock.hpp"

#include <thread>

namespace cdcts {

Nanoseconds SteadyClock::now() const
{
    return std::chrono::duration_cast<Nanoseconds>(std::chrono::steady_clock::now().time_since_epoch());
}

void SteadyClock::sleepFor(Nanoseconds duration)
{
    if (duration > Nanoseconds::zero()) std::this_thread::sleep_for(duration);
}

Nanoseconds VirtualClock::now() const
{
    std::lock_guard lock(mutex_);
    return now_;
}

void VirtualClock::sleepFor(Nanoseconds duration)
{
    if (duration <= Nanoseconds::zero()) return;
    std::lock_guard lock(mutex_);
    now_ += duration;
}

}  // namespace cdcts
