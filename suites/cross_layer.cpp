#include "suites/cross_layer.hpp"

#include "suites/caller_buffer.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <chrono>
#include <iomanip>
#include <memory>
#include <sstream>
#include <utility>

#include "fixtures/test_registrars.hpp"
#include "harness/core/bytes.hpp"
#include "harness/mmc/sense.hpp"
#include "suites/status_matchers.hpp"

namespace cdcts::suites::crosslayer {

namespace {

// The timeout the driver gives its longest queries (READ CAPACITY, GET PERFORMANCE: 20 s, §0.2).
constexpr auto kTimeout = std::chrono::seconds(20);

std::string hex(std::uint64_t v)
{
    std::ostringstream os;
    os << "0x" << std::uppercase << std::hex << v;
    return os.str();
}

std::uint64_t valueOf(const Field& f, std::span<const std::uint8_t> bytes, std::size_t base)
{
    if (f.size == 1) {
        const unsigned shift = static_cast<unsigned>(std::countr_zero(static_cast<unsigned>(f.mask)));
        return static_cast<std::uint64_t>((bytes[base + f.offset] & f.mask) >> shift);
    }
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < f.size; ++i) v = (v << 8) | bytes[base + f.offset + i];
    return v;
}

// The bytes of a record that no field names, so a difference there is still reported.
std::vector<bool> covered(std::span<const Field> fields, std::size_t size)
{
    std::vector<bool> c(size, false);
    for (const Field& f : fields)
        for (std::size_t i = f.offset; i < f.offset + f.size && i < size; ++i) c[i] = c[i] || f.mask == 0xFF || f.size > 1;
    // A byte split into masked fields is covered once its masks together span all eight bits.
    for (std::size_t i = 0; i < size; ++i) {
        std::uint8_t bits = 0;
        for (const Field& f : fields)
            if (f.size == 1 && f.offset == i) bits = static_cast<std::uint8_t>(bits | f.mask);
        if (bits == 0xFF) c[i] = true;
    }
    return c;
}

}  // namespace

void expectSameRecord(std::span<const Field> fields, std::size_t size, std::span<const std::uint8_t> a, std::span<const std::uint8_t> b,
                      std::size_t base, const std::string& where, const char* command)
{
    for (const Field& f : fields) {
        if (base + f.offset + f.size > a.size() || base + f.offset + f.size > b.size()) continue;
        if (f.size > sizeof(std::uint64_t))  // text and other long fields: as bytes
            expectSameBytes(where + f.name, a.subspan(base + f.offset, f.size), b.subspan(base + f.offset, f.size), command);
        else
            expectSameValue(where + f.name, valueOf(f, a, base), valueOf(f, b, base), command);
    }
    const std::vector<bool> c = covered(fields, size);
    for (std::size_t i = 0; i < size && base + i < a.size() && base + i < b.size(); ++i)
        if (!c[i]) expectSameValue(where + "byte " + std::to_string(i), a[base + i], b[base + i], command);
}

// --- The fixture and its registration -----------------------------------------------------------------------------

CrossLayer::CrossLayer(std::string deviceId, Variant variant, std::vector<fixtures::Requirement> requirements, Body body)
    : deviceId_(std::move(deviceId)), variant_(std::move(variant)), requirements_(std::move(requirements)), body_(std::move(body))
{
}

void CrossLayer::SetUp()
{
    const Preparation p = prepare(deviceId_, requirements_, HandleAccess::Read);
    if (p.failure) GTEST_FAIL() << *p.failure;
    if (p.notSupported) GTEST_SKIP() << "NotSupported: " << *p.notSupported;
    target_ = device().passThrough();
    if (target_ == nullptr) GTEST_SKIP() << "NotSupported: no SCSI pass-through on this device";
    // With a mounted volume a pending unit attention turns the first IOCTL into STATUS_VERIFY_REQUIRED (§7.3) while
    // the raw command after it sees a quiet drive: let CHECK_VERIFY take it first, as a file system would.
    std::array<std::uint8_t, 4> count{};
    for (int i = 0; i < 3 && control(codes::CdromCheckVerify, {}, count).status == status::VerifyRequired; ++i) {
    }
}

void CrossLayer::TearDown()
{
    for (const std::string& problem : finish()) ADD_FAILURE() << "DriveState: " << problem;
}

void CrossLayer::TestBody() { body_(*this, variant_); }

std::uint32_t CrossLayer::aligned(std::uint32_t n) { return static_cast<std::uint32_t>(alignedUp(device(), n)); }

bool registerCheck(std::string name, std::vector<fixtures::Requirement> requirements, std::vector<Variant> variants,
                   CrossLayer::Body body, const char* file, int line)
{
    if (variants.empty()) variants.push_back(Variant{});
    return fixtures::addTestRegistrar([=] {
        for (const fixtures::DeviceParam& device : fixtures::DeviceRegistry::instance().params()) {
            for (const Variant& v : variants) {
                const std::string test = name + "/" + device.id + (v.name.empty() ? "" : "_" + v.name);
                // The value parameter starts with the device id: the JUnit listener files the test under it.
                const std::string param = device.id + (v.name.empty() ? "" : " " + v.name);
                testing::RegisterTest("CrossLayer", test.c_str(), nullptr, param.c_str(), file, line,
                                      [=]() -> CrossLayer* { return new CrossLayer(device.id, v, requirements, body); });
            }
        }
    });
}

// --- The raw side ----------------------------------------------------------------------------------------------

std::span<const std::uint8_t> RawReply::bytes() const
{
    return std::span(data).first(std::min<std::size_t>(result.transferred, data.size()));
}

std::string RawReply::describe() const
{
    std::ostringstream os;
    if (result.transport != mmc::TransportStatus::Ok) {
        os << "transport " << mmc::transportStatusName(result.transport);
    } else if (result.status == mmc::ScsiStatus::CheckCondition && result.sense.valid()) {
        os << "CHECK CONDITION, " << mmc::describe(result.sense.code());
    } else {
        os << mmc::scsiStatusName(result.status);
    }
    os << ", " << result.transferred << " bytes";
    return os.str();
}

RawReply ask(mmc::MmcTarget& target, std::span<const std::uint8_t> cdb, std::size_t allocation)
{
    RawReply r;
    r.data.assign(allocation, 0);
    r.result = target.execute(cdb, r.data, allocation == 0 ? mmc::DataDirection::None : mmc::DataDirection::In, kTimeout);
    return r;
}

std::optional<ioctl::NtStatus> mappedStatus(const mmc::CommandResult& result)
{
    if (result.good() || result.transport != mmc::TransportStatus::Ok) return std::nullopt;
    if (result.status == mmc::ScsiStatus::ReservationConflict) return status::DeviceBusy;  // §8 step 2
    if (result.status != mmc::ScsiStatus::CheckCondition || !result.sense.valid()) return std::nullopt;
    const mmc::SenseCode s = result.sense.code();
    const bool ili = result.sense.ili();
    // §8.1: the ASC decides first, whatever the sense key.
    switch (s.asc) {
    case 0x3A: return status::NoMediaInDevice;
    case 0x04:
        if (s.ascq == 0x03) return status::NoMediaInDevice;
        if (s.ascq == 0x04) return status::DeviceNotReady;  // format in progress: not retried
        return std::nullopt;                                 // the rest is retried until the drive changes its mind
    case 0x30:
        if (s.ascq == 0x01 || s.ascq == 0x02) return status::UnrecognizedMedia;
        if (s.ascq == 0x03) return status::CleanerCartridgeInstalled;
        break;
    case 0x57:
        if (s.ascq == 0x00) return status::UnrecognizedMedia;
        break;
    case 0x21: return status::NonexistentSector;
    case 0x24: return status::InvalidDeviceRequest;
    case 0x25: return status::NoSuchDevice;
    case 0x6F:
        switch (s.ascq) {
        case 0x00: return status::CssAuthenticationFailure;
        case 0x01: return status::CssKeyNotPresent;
        case 0x02: return status::CssKeyNotEstablished;
        case 0x03: return status::CssScrambledSector;
        case 0x04: return status::CssRegionMismatch;
        case 0x05: return status::CssResetsExhausted;
        default: return status::CopyProtectionFailure;
        }
    case 0x17:
    case 0x18:
    case 0x5D: return ili ? status::InvalidBlockLength : status::Success;  // recovered data, failure prediction
    case 0x02:
    case 0x08:
    case 0x28:
    case 0x29:
    case 0x3F:
    case 0x5A: return std::nullopt;  // retried; unit attentions also depend on a mounted volume
    default: break;
    }
    // §8.2, for the keys that are not retried.
    switch (s.key) {
    case mmc::SenseKey::NoSense: return ili ? std::optional(status::InvalidBlockLength) : std::nullopt;
    case mmc::SenseKey::RecoveredError: return ili ? status::InvalidBlockLength : status::Success;
    case mmc::SenseKey::MediumError: return status::DeviceDataError;
    case mmc::SenseKey::IllegalRequest: return status::InvalidDeviceRequest;
    case mmc::SenseKey::DataProtect: return status::MediaWriteProtected;
    case mmc::SenseKey::BlankCheck: return status::NoDataDetected;
    default: return std::nullopt;
    }
}

bool expectSameOutcome(const char* ioctl, const ControlResult& fromIoctl, const char* command, const RawReply& fromDrive)
{
    if (fromDrive.good()) {
        EXPECT_THAT_STATUS(fromIoctl.status, status::Success)
            << ioctl << " failed although the drive answered " << command << " with " << fromDrive.describe()
            << (fromIoctl.status == status::VerifyRequired
                    ? " (§7.3: with DO_VERIFY_VOLUME set, reads answer this without asking the drive until a file system "
                      "verifies the volume)"
                    : "");
        return fromIoctl.status.isSuccess();
    }
    const std::optional<ioctl::NtStatus> expected = mappedStatus(fromDrive.result);
    if (expected) {
        EXPECT_THAT_STATUS(fromIoctl.status, *expected)
            << "the drive answered " << command << " with " << fromDrive.describe() << ", which §8 maps to " << *expected;
    } else {
        EXPECT_FALSE(fromIoctl.status.isSuccess())
            << ioctl << " succeeded although the drive answered " << command << " with " << fromDrive.describe();
    }
    return false;  // Information is not asserted: on an error status user mode cannot see it (Q8)
}

// --- Comparisons ---------------------------------------------------------------------------------------------------

void expectSameValue(const std::string& field, std::uint64_t fromIoctl, std::uint64_t fromDrive, const char* command)
{
    EXPECT_EQ(fromIoctl, fromDrive) << field << ": the IOCTL returned " << fromIoctl << " (" << hex(fromIoctl) << "), the drive's "
                                    << command << " reply holds " << fromDrive << " (" << hex(fromDrive) << ")";
}

void expectSameBytes(const std::string& what, std::span<const std::uint8_t> fromIoctl, std::span<const std::uint8_t> fromDrive,
                     const char* command)
{
    expectSameValue(what + " length", fromIoctl.size(), fromDrive.size(), command);
    const std::size_t n = std::min(fromIoctl.size(), fromDrive.size());
    std::size_t first = n, count = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (fromIoctl[i] == fromDrive[i]) continue;
        if (count++ == 0) first = i;
    }
    if (count > 0)
        ADD_FAILURE() << what << ": " << count << " byte(s) differ, the first at offset " << first << ": the IOCTL returned "
                      << hex(fromIoctl[first]) << ", the drive's " << command << " reply holds " << hex(fromDrive[first]);
}

void expectSameFields(const Layout& layout, std::span<const std::uint8_t> fromIoctl, std::span<const std::uint8_t> fromDrive,
                      const char* command)
{
    expectSameValue("Information (bytes returned) vs bytes the drive transferred", fromIoctl.size(), fromDrive.size(), command);
    expectSameRecord(layout.header, layout.headerSize, fromIoctl, fromDrive, 0, "", command);
    const std::size_t n = std::min(fromIoctl.size(), fromDrive.size());
    if (layout.recordSize == 0) {  // no records: whatever follows the header is compared as bytes
        if (n > layout.headerSize)
            expectSameBytes("the bytes after the header", fromIoctl.subspan(layout.headerSize, n - layout.headerSize),
                            fromDrive.subspan(layout.headerSize, n - layout.headerSize), command);
        return;
    }
    for (std::size_t base = layout.headerSize, i = 0; base + layout.recordSize <= n; base += layout.recordSize, ++i)
        expectSameRecord(layout.fields, layout.recordSize, fromIoctl, fromDrive, base,
                      std::string(layout.record) + " " + std::to_string(i) + ": ", command);
    // A partial record at the end (a truncated reply) is compared as bytes.
    const std::size_t whole = n < layout.headerSize ? 0 : (n - layout.headerSize) / layout.recordSize * layout.recordSize + layout.headerSize;
    if (whole < n) expectSameBytes("the partial last " + std::string(layout.record), fromIoctl.subspan(whole, n - whole),
                                   fromDrive.subspan(whole, n - whole), command);
}

}  // namespace cdcts::suites::crosslayer
