// IOCTL_CDROM_EXCLUSIVE_ACCESS (ioctl-contracts.md §3.5): query, lock and unlock, and the exclusive-lock gate's
// allowed list (§1 steps 2 and 5).
#include <algorithm>
#include <cstring>

#include "harness/classdriver/dispatch_table.hpp"
#include "harness/core/bytes.hpp"
#include "harness/ioctl/codes.hpp"
#include "harness/ioctl/structures/exclusive.hpp"

namespace cdcts::classdriver {
namespace {
namespace st = ioctl::status;
namespace c = ioctl::codes;

constexpr std::size_t kAccessSize = sizeof(ioctl::CDROM_EXCLUSIVE_ACCESS);   // 8
constexpr std::size_t kLockSize = sizeof(ioctl::CDROM_EXCLUSIVE_LOCK);       // 72
constexpr std::uint32_t kStateSize = sizeof(ioctl::CDROM_EXCLUSIVE_LOCK_STATE);  // 65
constexpr std::size_t kNameLength = ioctl::CDROM_EXCLUSIVE_CALLER_LENGTH;     // 64

// STORAGE_PROPERTY_QUERY (ntddstor.h): PropertyId, QueryType, AdditionalParameters[1], padded to 12 bytes.
constexpr std::size_t kPropertyQuerySize = 12;
constexpr std::uint32_t kStorageDeviceProperty = 0;
constexpr std::uint32_t kStorageAdapterProperty = 1;
constexpr std::uint32_t kPropertyStandardQuery = 0;
constexpr std::uint32_t kPropertyExistsQuery = 1;

std::int32_t requestType(std::span<const std::uint8_t> input) { return static_cast<std::int32_t>(loadLe32(input.data())); }
std::uint32_t flags(std::span<const std::uint8_t> input) { return loadLe32(input.data() + 4); }

// ValidChar (S/ioctl.c): letters, digits, space and . , : ; _ -
bool validNameChar(std::uint8_t ch)
{
    if ((ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z')) return true;
    switch (ch) {
    case ' ':
    case '.':
    case ',':
    case ':':
    case ';':
    case '_':
    case '-': return true;
    default: return false;
    }
}

Completion queryLockState(const Request& request, const DriverContext& context)
{
    // All 65 bytes are written: zeros, then LockState and the stored name when locked. Flags are ignored.
    std::fill_n(request.output.begin(), kStateSize, std::uint8_t{0});
    if (context.state.exclusiveOwner != nullptr) {
        request.output[0] = ioctl::CDROM_IN_EXCLUSIVE_MODE;
        std::copy(context.state.exclusiveCallerName.begin(), context.state.exclusiveCallerName.end(), request.output.begin() + 1);
    }
    return {st::Success, kStateSize};
}

Completion lockDevice(const Request& request, DriverContext& context)
{
    // Rows 2 and 3: the name runs to the first NUL; every byte before it must be a valid character, and there
    // must be 1 to 63 of them (a NUL must come within the 64 bytes).
    const std::span<const std::uint8_t> name = request.input.subspan(kAccessSize, kNameLength);
    std::size_t length = 0;
    for (; length < kNameLength && name[length] != 0; ++length)
        if (!validNameChar(name[length])) return {st::InvalidParameter, 0};
    if (length == 0 || length >= kNameLength) return {st::InvalidParameter, 0};
    // Row 4 (Q2): a mounted file system volume refuses the lock unless the caller says to ignore it.
    if ((flags(request.input) & ioctl::CDROM_LOCK_IGNORE_VOLUME) == 0 && context.settings.volumeMounted)
        return {st::InvalidDeviceState, 0};
    // Row 5: one owner at a time, and a second lock by the owner itself is refused too.
    if (context.state.exclusiveOwner != nullptr) return {st::AccessDenied, 0};
    context.state.exclusiveOwner = &request.file;
    context.state.exclusiveCallerName.fill(0);
    std::copy_n(name.begin(), length + 1, context.state.exclusiveCallerName.begin());
    // The PnP notification GUID_IO_CDROM_EXCLUSIVE_LOCK and the event-log entry are not modelled.
    return {st::Success, 0};
}

Completion unlockDevice(const Request& request, DriverContext& context)
{
    if (context.state.exclusiveOwner == nullptr) return {st::InvalidDeviceRequest, 0};
    if (context.state.exclusiveOwner != &request.file) return {st::InvalidHandle, 0};
    unlockExclusive(context, (flags(request.input) & ioctl::CDROM_NO_MEDIA_NOTIFICATIONS) != 0);
    return {st::Success, 0};
}

}  // namespace

// V-stage (RequestValidateExclusiveAccess, S/ioctl.c:2240). Row 1 (IRQL) concerns kernel callers only.
std::optional<Completion> validateExclusiveAccess(const Request& request, const DriverContext&)
{
    if (request.input.size() < kAccessSize) return Completion{st::InfoLengthMismatch, 0};
    switch (requestType(request.input)) {
    case ioctl::ExclusiveAccessQueryState:
        if (request.output.size() < kStateSize) return Completion{st::BufferTooSmall, kStateSize};
        return std::nullopt;
    case ioctl::ExclusiveAccessLockDevice:
        if (request.input.size() < kLockSize) return Completion{st::InfoLengthMismatch, 0};
        return std::nullopt;
    case ioctl::ExclusiveAccessUnlockDevice: return std::nullopt;
    default: return Completion{st::InvalidParameter, 0};
    }
}

// Runs serialized with the queue but in the caller's thread, so no MMC refresh precedes it (§1 step 4c, §7.6).
Completion handleExclusiveAccess(const Request& request, DriverContext& context)
{
    switch (requestType(request.input)) {
    case ioctl::ExclusiveAccessQueryState: return queryLockState(request, context);
    case ioctl::ExclusiveAccessLockDevice: return lockDevice(request, context);
    default: return unlockDevice(request, context);  // the validator let only type 2 through otherwise
    }
}

// DeviceUnlockExclusive (S/common.c:3322), for an unlock request and for the owner's handle closing.
void unlockExclusive(DriverContext& context, bool ignorePreviousMediaChanges)
{
    DriverState& s = context.state;
    // Unless Flags bit 1 says otherwise, the media state goes to "unavailable" and back, as a volume lock/unlock
    // would (removal then arrival notifications, not modelled); the return to "present" counts as a media change
    // (§7.3). It ends where it started.
    if (!ignorePreviousMediaChanges && s.mediaState == MediaState::Present) ++s.mediaChangeCount;
    if (context.settings.volumeMounted) s.verifyVolume = true;  // the file system remounts
    // Write permission is cleared (not modelled) and the capabilities are refreshed before the next queued request.
    s.mmcUpdateRequired = true;
    s.exclusiveOwner = nullptr;
    // The stored name stays until the next lock overwrites it; query reports it only while locked.
}

// §1 step 2 (RequestIsIoctlBlockedByExclusiveAccess, S/cdrom.c:4042): what a non-owner may still send while the
// device is locked. The codes are compared as the caller sent them, before normalisation.
bool exclusiveGateAllows(ioctl::ControlCode original, std::span<const std::uint8_t> input)
{
    if (original == c::ScsiGetAddress || original == c::StorageGetHotplugInfo || original == c::StorageGetDeviceNumber ||
        original == c::StorageGetMediaTypesEx || original == c::CdromExclusiveAccess || original == c::CdromGetInquiryData)
        return true;
    if (original == c::StorageQueryProperty) {
        // In the sample the gate passes every QUERY_PROPERTY and its own dispatch (S/cdrom.c:2944) refuses a
        // short query first (INFO_LENGTH_MISMATCH) and then, for non-owners, every query but "exists" and the
        // standard device/adapter ones. QUERY_PROPERTY is not modelled, so the gate applies that rule here and
        // lets short queries through to be answered as they would be unlocked.
        if (input.size() < kPropertyQuerySize) return true;
        const std::uint32_t propertyId = loadLe32(input.data());
        const std::uint32_t queryType = loadLe32(input.data() + 4);
        if (queryType == kPropertyExistsQuery) return true;
        return queryType == kPropertyStandardQuery && (propertyId == kStorageDeviceProperty || propertyId == kStorageAdapterProperty);
    }
    switch (static_cast<ioctl::DeviceType>(original.deviceType())) {
    case ioctl::DeviceType::Controller:
    case ioctl::DeviceType::Disk:
    case ioctl::DeviceType::CdRom:
    case ioctl::DeviceType::MassStorage:
    case ioctl::DeviceType::Dvd: return false;
    default: return true;
    }
}

}  // namespace cdcts::classdriver
