#pragma once
// The driver's single serial queue (ioctl-contracts.md §1): requests that touch the device run one at a time
// in arrival order. A plain mutex admits waiters in any order, so this one hands out tickets and serves them
// first come, first served. It is a BasicLockable, for std::lock_guard.
#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace cdcts::classdriver {

class SerialQueue {
public:
    void lock()
    {
        std::unique_lock guard(mutex_);
        const std::uint64_t ticket = nextTicket_++;
        turn_.wait(guard, [&] { return serving_ == ticket; });
    }
    void unlock()
    {
        {
            std::lock_guard guard(mutex_);
            ++serving_;
        }
        turn_.notify_all();
    }
    // Requests that have arrived and not finished: the one running and those waiting behind it.
    [[nodiscard]] std::uint64_t pending() const
    {
        std::lock_guard guard(mutex_);
        return nextTicket_ - serving_;
    }

private:
    mutable std::mutex mutex_;
    std::condition_variable turn_;
    std::uint64_t nextTicket_ = 0;
    std::uint64_t serving_ = 0;
};

}  // namespace cdcts::classdriver
