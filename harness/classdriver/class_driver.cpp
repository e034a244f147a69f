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
    scsi_.setDefects(settings.defects);
    startDevice();
}

void ClassDriver::startDevice()
{
    // TimeOutValue (§0.2): the service's Parameters\TimeOutValue when it is 1 s to 30 min, else 10 s.
    if (settings_.registryTimeOutValue > 0s && settings_.registryTimeOutValue <= 30min) state_.timeOutValue = settings_.registryTimeOutValue;

    // INQUIRY with 36 bytes; unless exactly 36 came and AdditionalLength says 36, again with AdditionalLength + 5
    // (AdditionalLength 0 read as 31, the ATAPI workaround), whose reply is kept at its real length (§3.10, §7.6;
    // DeviceCacheDeviceInquiryData, S/init.c:1866).
    constexpr std::uint32_t kMinimumInquiry = 36;
    std::vector<std::uint8_t> inquiry(kMinimumInquiry);
    auto cdb = mmc::cdb::inquiry(kMinimumInquiry);
    ScsiOutcome got = scsi_.send({cdb, inquiry, mmc::DataDirection::In, kDeviceTimeout});
    if (got.status.isSuccess()) {
        const std::uint32_t additional = inquiry[4] != 0 ? inquiry[4] : kMinimumInquiry - 5;
        const std::uint32_t full = additional + 5;  // at most 260
        if (got.transferred == kMinimumInquiry && inquiry[4] + 5u == kMinimumInquiry) {
            // only 36 bytes: no second command
        } else if (full >= kMinimumInquiry) {
            inquiry.assign(full, 0);
            cdb = mmc::cdb::inquiry(static_cast<std::uint16_t>(full));
            got = scsi_.send({cdb, inquiry, mmc::DataDirection::In, kDeviceTimeout});
            // A drive that claims more than it has: DATA_OVERRUN with at least 36 bytes is asked again for
            // exactly what it moved.
            if (got.status == ioctl::status::DataOverrun && got.transferred >= kMinimumInquiry && got.transferred < full) {
                inquiry.assign(got.transferred, 0);
                cdb = mmc::cdb::inquiry(static_cast<std::uint16_t>(got.transferred));
                got = scsi_.send({cdb, inquiry, mmc::DataDirection::In, kDeviceTimeout});
            }
            if (!got.status.isSuccess()) got.transferred = 0;
        }
        // A reply under 36 bytes fails the device start in the sample; the model carries on with what came.
        inquiry.resize(std::min<std::size_t>(got.transferred, inquiry.size()));
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
        // The transition to "present" counts as a media change (§3.1, DeviceInternalSetMediaChangeState).
        if (state_.mediaState != MediaState::Present) ++state_.mediaChangeCount;
        state_.mediaState = MediaState::Present;
        state_.capacity = interpretReadCapacity(loadBe32(&capacity[0]), loadBe32(&capacity[4]));
    }

    // Last of start-up (S/init.c, "miscellaneous initialization"): OPC on a writer can take this long, so every
    // command with the default timeout gets at least SCSI_CDROM_OPC_TIMEOUT from now on (§0.2).
    if (state_.isWriter) state_.timeOutValue = std::max<Nanoseconds>(state_.timeOutValue, 260s);
}

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
    if (settings_.defects.has(defects::SeededDefect::ExclusiveLockNotEnforced)) return false;  // seeded defect: no gate
    return !exclusiveGateAllows(original, input);
}

void ClassDriver::surpriseRemove()
{
    std::lock_guard lock(serialQueue_);
    state_.surpriseRemoved = true;
    surpriseRemoved_ = true;
}

StateSnapshot ClassDriver::stateSnapshot()
{
    std::lock_guard lock(serialQueue_);
    const auto yesNo = [](bool b) { return std::string(b ? "yes" : "no"); };
    return {
        {"model.lock_count", std::to_string(state_.lockCount)},
        {"model.protected_lock_count", std::to_string(state_.protectedLockCount)},
        {"model.mcn_disable_count", std::to_string(state_.mcnDisableCount)},
        {"model.exclusive_lock", yesNo(state_.exclusiveOwner != nullptr)},
        {"model.verify_volume", yesNo(state_.verifyVolume)},
        {"model.play_active", yesNo(state_.playActive)},
        {"model.restore_default_speed", yesNo(state_.restoreDefaultSpeed)},
        // Latched for the device and never cleared (§7.2, §8.5): a test that sets it changes every later streaming
        // request, so the drive-state check must see it.
        {"model.no_streaming", yesNo(state_.noStreamingHack)},
    };
}

void ClassDriver::noticeRemoval()
{
    if (!state_.surpriseRemoved && removalWatch_ && removalWatch_()) {
        state_.surpriseRemoved = true;
        surpriseRemoved_ = true;
    }
}

Completion ClassDriver::complete(Completion c) const
{
    // §1 step 7: after a surprise removal every failure reads "device does not exist". Called with the queue held,
    // so the state's flag (which tests may seed through stateForTesting()) is read as well.
    if ((surpriseRemoved_ || state_.surpriseRemoved) && c.status.isError()) c = {ioctl::status::DeviceDoesNotExist, 0};
    return c;
}

// §1 step 4a: GET_INQUIRY_DATA is answered at once in the caller's thread from the start-up cache, which nothing
// changes afterwards (§7.5): it does not wait behind queued requests, is on the lock gate's allow list and
// triggers no MMC refresh.
Completion ClassDriver::answerImmediately(const FileObject& file, ioctl::ControlCode code, std::span<std::uint8_t> output)
{
    const Request request{file, code, ioctl::codes::CdromGetInquiryData, {}, output};
    DriverContext context{state_, scsi_, settings_};
    Completion c = handleGetInquiryData(request, context);
    // §1 step 7 without the queue: only the atomic copy of the flag may be read here.
    if (surpriseRemoved_ && c.status.isError()) c = {ioctl::status::DeviceDoesNotExist, 0};
    return c;
}

Completion ClassDriver::dispatch(const FileObject& file, ioctl::ControlCode code, std::span<const std::uint8_t> input,
                                 std::span<std::uint8_t> output)
{
    const ioctl::ControlCode normalized = normalizeIoctl(code);
    if (normalized == ioctl::codes::CdromGetInquiryData) return answerImmediately(file, code, output);

    std::lock_guard lock(serialQueue_);
    noticeRemoval();
    if (blockedByExclusiveLock(file, code, input)) return complete({ioctl::status::AccessDenied, 0});

    const DispatchRow* row = findDispatchRow(normalized);
    if (row == nullptr) return complete({settings_.forwardedCodeStatus, 0});  // forwarded to the port driver
    if (row->handle == nullptr) return complete({ioctl::status::NotImplemented, 0});

    const Request request{file, code, normalized, input, output};
    DriverContext context{state_, scsi_, settings_};
    if (row->validate != nullptr)
        if (auto failed = row->validate(request, context)) return complete(*failed);
    // Dequeued: the lock gate again, then the MMC capability refresh if flagged (§1 step 5, §7.6);
    // EXCLUSIVE_ACCESS runs in the caller's thread and does not trigger it.
    if (blockedByExclusiveLock(file, code, input)) return complete({ioctl::status::AccessDenied, 0});
    if (normalized != ioctl::codes::CdromExclusiveAccess) updateMmcCapabilities(scsi_, state_, settings_.adapter);
    const Completion done = row->handle(request, context);
    scsi_.runQueuedWork();  // work items the request's sense queued (§3.13 restore default speed)
    return complete(done);
}

Completion ClassDriver::read(const FileObject& file, std::int64_t byteOffset, std::span<std::uint8_t> buffer)
{
    std::lock_guard lock(serialQueue_);
    noticeRemoval();
    DriverContext context{state_, scsi_, settings_};
    Completion c;
    if (auto failed = validateCookedRead(file, byteOffset, buffer.size(), context)) {
        c = *failed;
    } else {
        // A read work item runs a pending MMC capability refresh first, as a queued IOCTL does (§7.6).
        updateMmcCapabilities(scsi_, state_, settings_.adapter);
        c = handleCookedRead(file, byteOffset, buffer, context);
    }
    return complete(c);  // §1 step 7 applies to reads as well
}

}  // namespace cdcts::classdriver
