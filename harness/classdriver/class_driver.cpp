#include "harness/classdriver/class_driver.hpp"

#include <algorithm>
#include <array>
#include <chrono>

#include "harness/classdriver/dispatch_table.hpp"
#include "harness/classdriver/mmc_capabilities.hpp"
#include "harness/classdriver/model_handle.hpp"
#include "harness/core/bytes.hpp"
#include "harness/ioctl/codes.hpp"
#include "harness/mmc/cdb.hpp"

namespace cdcts::classdriver {
namespace {
using namespace std::chrono_literals;

std::string trimmedAscii(std::span<const std::uint8_t> field)
{
    std::string s(field.begin(), field.end());
    for (char& c : s)
        if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7E) c = '?';
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s;
}
}  // namespace

ClassDriver::ClassDriver(mmc::MmcTarget& target, DeviceIdentity identity, ClassDriverSettings settings)
    : target_(target), identity_(std::move(identity)), settings_(settings), scsi_(target, state_, settings.volumeMounted)
{
    startDevice();
}

void ClassDriver::startDevice()
{
    // INQUIRY with 36 bytes, then again with the full length the drive reports (§3.10, §7.6).
    std::vector<std::uint8_t> inquiry(36);
    auto cdb = mmc::cdb::inquiry(36);
    ScsiOutcome got = scsi_.send({cdb, inquiry, mmc::DataDirection::In, 10s});
    if (got.status.isSuccess() && got.transferred >= 5) {
        const std::uint32_t full = std::min<std::uint32_t>(inquiry[4] + 5u, 260);
        if (full > 36) {
            inquiry.assign(full, 0);
            cdb = mmc::cdb::inquiry(static_cast<std::uint16_t>(full));
            got = scsi_.send({cdb, inquiry, mmc::DataDirection::In, 10s});
        }
        inquiry.resize(got.status.isSuccess() ? got.transferred : 0);
    } else {
        inquiry.clear();
    }
    state_.inquiryData = inquiry;
    if (state_.inquiryData.size() >= 36) {
        const std::span<const std::uint8_t> d = state_.inquiryData;
        identity_.vendor = trimmedAscii(d.subspan(8, 8));
        identity_.product = trimmedAscii(d.subspan(16, 16));
        identity_.revision = trimmedAscii(d.subspan(32, 4));
    }

    // Media-change detection set-up (the GESN support probe) comes here in the sample; not modelled yet (§7.3).
    // MMC detection, type-one probe, capability buffer, MODE SENSE page 2Ah (§7.6).
    initMmcContext(scsi_, state_);

    // READ CAPACITY: success marks the medium present and fills the capacity cache (§7.6, §3.9).
    std::array<std::uint8_t, 8> capacity{};
    const auto readCapacity = mmc::cdb::readCapacity();
    ScsiRequest request{readCapacity, capacity, mmc::DataDirection::In, 20s};
    request.maxRetries = 2;
    request.retryVerifyRequired = true;
    if (scsi_.send(request).status.isSuccess()) {
        state_.mediaState = MediaState::Present;
        const std::uint32_t lastLba = loadBe32(&capacity[0]);
        const std::uint32_t blockLength = loadBe32(&capacity[4]);
        state_.capacity = CachedCapacity{lastLba, blockLength, 2048, 11, (std::uint64_t{lastLba} + 1) << 11};
    }
}

// DeviceSetRawReadInfo (§3.18, §7.6): mode page 2Ah tells whether RAW_READ may ask for C2 and R-W. MODE SENSE(10)
// with DBD is tried up to 3 times, then MODE SENSE(6) up to 3 times; each try has MODE SENSE's own retry rules
// (§8.5: at most 2 retries, VERIFY_REQUIRED retried, DATA_OVERRUN a success). Allocations 40 and 36 follow from
// a 24-byte CDVD_CAPABILITIES_PAGE (Q11).
std::unique_ptr<DeviceHandle> ClassDriver::open(HandleAccess access)
{
    std::lock_guard lock(serialQueue_);
    return std::make_unique<ModelHandle>(alive_, access, nextFileId_++);
}

void ClassDriver::close(const FileObject& file)
{
    std::lock_guard lock(serialQueue_);
    DriverContext context{state_, scsi_, settings_};
    releaseFileObject(file, context);
}

void ClassDriver::runPendingMmcRefresh()
{
    std::lock_guard lock(serialQueue_);
    updateMmcCapabilities(scsi_, state_, settings_.adapter);
}

bool ClassDriver::blockedByExclusiveLock(const FileObject& file, ioctl::ControlCode original, std::span<const std::uint8_t> input) const
{
    // §1 step 2: only a lock held by another handle blocks, and only codes outside the allowed list.
    if (state_.exclusiveOwner == nullptr || state_.exclusiveOwner == &file) return false;
    return !exclusiveGateAllows(original, input);
}

Completion ClassDriver::dispatch(const FileObject& file, ioctl::ControlCode code, std::span<const std::uint8_t> input,
                                 std::span<std::uint8_t> output)
{
    std::lock_guard lock(serialQueue_);
    const auto complete = [this](Completion c) {
        // §1 step 7: after a surprise removal every failure reads "device does not exist".
        if (state_.surpriseRemoved && c.status.isError()) c = {ioctl::status::DeviceDoesNotExist, 0};
        return c;
    };
    const ioctl::ControlCode normalized = normalizeIoctl(code);
    // §1 step 4a: GET_INQUIRY_DATA is answered at once from the cache: it is on the lock gate's allow list,
    // is not queued and triggers no MMC refresh.
    const bool immediate = normalized == ioctl::codes::CdromGetInquiryData;
    if (!immediate && blockedByExclusiveLock(file, code, input)) return complete({ioctl::status::AccessDenied, 0});

    const DispatchRow* row = findDispatchRow(normalized);
    if (row == nullptr) return complete({settings_.forwardedCodeStatus, 0});  // forwarded to the port driver
    if (row->handle == nullptr) return complete({ioctl::status::NotImplemented, 0});

    const Request request{file, code, normalized, input, output};
    DriverContext context{state_, scsi_, settings_};
    if (row->validate != nullptr)
        if (auto failed = row->validate(request, context)) return complete(*failed);
    if (!immediate) {
        // Dequeued: the lock gate again, then the MMC capability refresh if flagged (§1 step 5, §7.6);
        // EXCLUSIVE_ACCESS runs in the caller's thread and does not trigger it.
        if (blockedByExclusiveLock(file, code, input)) return complete({ioctl::status::AccessDenied, 0});
        if (normalized != ioctl::codes::CdromExclusiveAccess) updateMmcCapabilities(scsi_, state_, settings_.adapter);
    }
    const Completion done = row->handle(request, context);
    scsi_.runQueuedWork();  // work items the request's sense queued (§3.13 restore default speed)
    return complete(done);
}

Completion ClassDriver::read(const FileObject& file, std::int64_t byteOffset, std::span<std::uint8_t> buffer)
{
    std::lock_guard lock(serialQueue_);
    DriverContext context{state_, scsi_, settings_};
    Completion c;
    if (auto failed = validateCookedRead(file, byteOffset, buffer.size(), context)) {
        c = *failed;
    } else {
        // A read work item runs a pending MMC capability refresh first, as a queued IOCTL does (§7.6).
        updateMmcCapabilities(scsi_, state_, settings_.adapter);
        c = handleCookedRead(file, byteOffset, buffer, context);
    }
    // §1 step 7 applies to reads as well.
    if (state_.surpriseRemoved && c.status.isError()) c = {ioctl::status::DeviceDoesNotExist, 0};
    return c;
}

}  // namespace cdcts::classdriver
