#pragma once
// A caller's buffer at a chosen distance from a page boundary: VirtualAlloc gives page-aligned buffers, and the
// class driver's transfer limits (alignment mask, physical pages) depend on where a buffer starts (§3.18).
#include <cstdint>
#include <span>
#include <vector>

namespace cdcts::testing_support {

class PageBuffer {
public:
    PageBuffer(std::size_t size, std::size_t offsetFromPage) : storage_(size + offsetFromPage + 8192, 0xCD)
    {
        const auto base = reinterpret_cast<std::uintptr_t>(storage_.data());
        const std::size_t toPage = (4096 - base % 4096) % 4096;
        span_ = std::span(storage_).subspan(toPage + offsetFromPage, size);
    }
    std::span<std::uint8_t> span() { return span_; }

private:
    std::vector<std::uint8_t> storage_;
    std::span<std::uint8_t> span_;
};

}  // namespace cdcts::testing_support
