// IOCTL_CDROM_CHECK_VERIFY ≡ IOCTL_STORAGE_CHECK_VERIFY, and CHECK_VERIFY2 (ioctl-contracts.md §3.1).
#include <chrono>

#include "harness/classdriver/dispatch_table.hpp"
#include "harness/core/bytes.hpp"
#include "harness/ioctl/codes.hpp"
#include "harness/mmc/cdb.hpp"

namespace cdcts::classdriver {

std::optional<Completion> validateCheckVerify(const Request& request, const DriverContext&)
{
    // Zero is accepted ("legacy classpnp behaviour"); 1-3 bytes cannot hold the counter.
    if (!request.output.empty() && request.output.size() < sizeof(std::uint32_t))
        return Completion{ioctl::status::BufferTooSmall, sizeof(std::uint32_t)};
    return std::nullopt;
}

Completion handleCheckVerify(const Request& request, DriverContext& context)
{
    // Seeded defect: the STORAGE form trusts the cached media state and asks the drive nothing.
    if (context.settings.defects.has(defects::SeededDefect::StorageCheckVerifyFromCache) &&
        request.original == ioctl::codes::StorageCheckVerify && context.state.mediaState == MediaState::Present) {
        if (request.output.size() < sizeof(std::uint32_t)) return {ioctl::status::Success, 0};
        storeLe32(request.output.data(), context.state.mediaChangeCount);
        return {ioctl::status::Success, sizeof(std::uint32_t)};
    }
    const auto cdb = mmc::cdb::testUnitReady();
    const ScsiOutcome outcome = context.scsi.send({cdb, {}, mmc::DataDirection::None, std::chrono::seconds(20)});
    if (!outcome.status.isSuccess()) return {outcome.status, 0};
    // Only the 0x…4800 codes return the counter; CHECK_VERIFY2 never does.
    // Seeded defect: CHECK_VERIFY2 answered like CHECK_VERIFY, with the count.
    const bool returnsCount = request.code == ioctl::codes::StorageCheckVerify ||
                              context.settings.defects.has(defects::SeededDefect::CheckVerify2ReturnsCount);
    if (returnsCount && request.output.size() >= sizeof(std::uint32_t)) {
        storeLe32(request.output.data(), context.state.mediaChangeCount);
        return {ioctl::status::Success, sizeof(std::uint32_t)};
    }
    return {ioctl::status::Success, 0};
}

}  // namespace cdcts::classdriver
