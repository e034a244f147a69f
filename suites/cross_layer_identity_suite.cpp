// Cross-layer oracle, identity and configuration: GET_CONFIGURATION (every request type) against GET CONFIGURATION,
// GET_INQUIRY_DATA against INQUIRY, the geometry codes against READ CAPACITY and GET_PERFORMANCE (every request)
// against GET PERFORMANCE (§3.8-§3.10, §3.12). GET_CONFIGURATION, GET_INQUIRY_DATA and GET_PERFORMANCE copy the
// drive's bytes; the geometry is computed from READ CAPACITY by the rules of §3.9, which the check applies to the
// drive's own reply.
#include <gtest/gtest.h>

#include <bit>
#include <cstring>
#include <string>
#include <vector>

#include "harness/core/bytes.hpp"
#include "harness/ioctl/structures/configuration.hpp"
#include "harness/ioctl/structures/geometry.hpp"
#include "harness/ioctl/structures/inquiry.hpp"
#include "harness/ioctl/structures/performance.hpp"
#include "harness/mmc/cdb.hpp"
#include "harness/mmc/replies.hpp"
#include "suites/caller_buffer.hpp"
#include "suites/cross_layer.hpp"
#include "suites/status_matchers.hpp"

namespace cdcts::suites::crosslayer {
namespace {


template <class T>
std::vector<std::uint8_t> bytesOf(const T& value)
{
    std::vector<std::uint8_t> bytes(sizeof value);
    std::memcpy(bytes.data(), &value, sizeof value);
    return bytes;
}

// --- GET_CONFIGURATION vs GET CONFIGURATION (§3.8) ------------------------------------------------------------

constexpr const char* kGetConfiguration = "GET CONFIGURATION";
// The largest output under the 0FFFFh limit that any alignment up to 16 accepts; the CDB asks min(OutLen, 65534).
constexpr std::uint32_t kConfigurationLength = 0xFFF0;

constexpr Field kConfigurationHeader[] = {{"DataLength", 0, 4}, {"Reserved", 4, 2}, {"CurrentProfile", 6, 2}};
constexpr Field kFeatureHeader[] = {{"FeatureCode", 0, 2}, {"Current", 2, 1, 0x01}, {"Persistent", 2, 1, 0x02},
                                    {"Version", 2, 1, 0x3C}, {"Reserved0", 2, 1, 0xC0}, {"AdditionalLength", 3}};

// The header, then each feature descriptor in turn: its header fields and its data bytes.
void expectSameFeatures(std::span<const std::uint8_t> fromIoctl, std::span<const std::uint8_t> fromDrive)
{
    const Layout header{kConfigurationHeader, sizeof(ioctl::GET_CONFIGURATION_HEADER), "", 0, {}};
    expectSameValue("Information (bytes returned) vs bytes the drive transferred", fromIoctl.size(), fromDrive.size(), kGetConfiguration);
    expectSameRecord(header.header, header.headerSize, fromIoctl, fromDrive, 0, "", kGetConfiguration);
    const std::size_t n = std::min(fromIoctl.size(), fromDrive.size());
    std::size_t at = ioctl::GET_CONFIGURATION_HEADER::kDataOffset;
    while (at + sizeof(ioctl::FEATURE_HEADER) <= n) {
        char name[32];
        std::snprintf(name, sizeof name, "feature %04Xh: ", loadBe16(&fromDrive[at]));
        expectSameRecord(kFeatureHeader, sizeof(ioctl::FEATURE_HEADER), fromIoctl, fromDrive, at, name, kGetConfiguration);
        const std::size_t length = std::min<std::size_t>(fromDrive[at + 3], n - at - sizeof(ioctl::FEATURE_HEADER));
        const std::size_t data = at + sizeof(ioctl::FEATURE_HEADER);
        expectSameBytes(std::string(name) + "data", fromIoctl.subspan(data, length), fromDrive.subspan(data, length), kGetConfiguration);
        at = data + fromDrive[at + 3];
    }
}

const bool getConfiguration = registerCheck(
    "GetConfigurationMatchesGetConfiguration", {},
    // a = RequestType, b = starting feature. ONE asks for CD Read (001Eh), a feature the driver itself reads, and
    // for VCPS (0110h), which a CD drive rarely has (then the reply is the header alone); ALL also from 0100h on.
    {{"All", 0, ioctl::FeatureProfileList}, {"All_From0100h", 0, ioctl::FeaturePowerManagement},
     {"Current", 1, ioctl::FeatureProfileList}, {"One", 2, ioctl::FeatureCdRead}, {"One_Vcps", 2, ioctl::FeatureVCPS}},
    [](CrossLayer& t, const Variant& v) {
        ioctl::GET_CONFIGURATION_IOCTL_INPUT in{};
        in.Feature = static_cast<ioctl::FEATURE_NUMBER>(v.b);
        in.RequestType = static_cast<std::uint32_t>(v.a);
        std::vector<std::uint8_t> out(kConfigurationLength, kUntouched);
        const ControlResult r = t.control(codes::CdromGetConfiguration, bytesOf(in), out);
        // Opcode 46h with the 12-byte CDB, allocation min(OutLen, 65534) (§3.8).
        const auto cdb = mmc::cdb::getConfiguration12(static_cast<std::uint8_t>(v.a), static_cast<std::uint16_t>(v.b),
                                                      static_cast<std::uint16_t>(kConfigurationLength));
        const RawReply raw = ask(t.target(), cdb, kConfigurationLength);
        SCOPED_TRACE("IOCTL_CDROM_GET_CONFIGURATION vs GET CONFIGURATION (drive: " + raw.describe() + ")");
        if (v.a == 2 && !raw.good() && r.status.isSuccess())
            GTEST_SKIP() << "NotSupported: the drive refuses GET CONFIGURATION type ONE (" << raw.describe()
                         << "), which the driver emulates with type ALL (§3.8): there is no raw reply to compare with";
        if (!expectSameOutcome("IOCTL_CDROM_GET_CONFIGURATION", r, kGetConfiguration, raw)) return;
        ASSERT_LE(r.information, out.size());
        expectSameFeatures(std::span(out).first(r.information), raw.bytes());
    },
    __FILE__, __LINE__);

// --- GET_INQUIRY_DATA vs INQUIRY (§3.10) -------------------------------------------------------------------------

constexpr const char* kInquiry = "INQUIRY";
constexpr Field kInquiryFields[] = {
    {"PeripheralDeviceType", 0, 1, 0x1F}, {"PeripheralQualifier", 0, 1, 0xE0}, {"RemovableMedia", 1, 1, 0x80},
    {"DeviceTypeModifier", 1, 1, 0x7F},   {"Versions", 2},                      {"ResponseDataFormat", 3, 1, 0x0F},
    {"HiSupport/NormACA", 3, 1, 0xF0},    {"AdditionalLength", 4},              {"Flags5", 5},
    {"Flags6", 6},                        {"Flags7", 7},                        {"VendorId", 8, 8},
    {"ProductId", 16, 16},                {"ProductRevisionLevel", 32, 4}};

// The driver caches the INQUIRY data at start (36 bytes, then AdditionalLength + 5 when that is more; 0 counts as
// 31) and returns it from the cache; the same two-step INQUIRY through the pass-through must give the same bytes.
const bool getInquiryData = registerCheck(
    "GetInquiryDataMatchesInquiry", {}, {},
    [](CrossLayer& t, const Variant&) {
        std::vector<std::uint8_t> out(ioctl::MAXIMUM_CDROM_INQUIRY_SIZE, kUntouched);
        const ControlResult r = t.control(codes::CdromGetInquiryData, {}, out);
        const RawReply first = ask(t.target(), mmc::cdb::inquiry(ioctl::MINIMUM_CDROM_INQUIRY_SIZE), ioctl::MINIMUM_CDROM_INQUIRY_SIZE);
        ASSERT_TRUE(first.good() && first.bytes().size() >= 5) << "INQUIRY through the pass-through: " << first.describe();
        const std::size_t additional = first.bytes()[4] == 0 ? 31 : first.bytes()[4];
        const std::size_t length = additional + 5;
        const RawReply raw = length > ioctl::MINIMUM_CDROM_INQUIRY_SIZE
                                 ? ask(t.target(), mmc::cdb::inquiry(static_cast<std::uint16_t>(length)), length)
                                 : first;
        SCOPED_TRACE("IOCTL_CDROM_GET_INQUIRY_DATA vs INQUIRY (drive: " + raw.describe() + ")");
        if (!expectSameOutcome("IOCTL_CDROM_GET_INQUIRY_DATA", r, kInquiry, raw)) return;
        ASSERT_LE(r.information, out.size());
        const Layout layout{kInquiryFields, ioctl::MINIMUM_CDROM_INQUIRY_SIZE, "", 0, {}};
        expectSameFields(layout, std::span(out).first(r.information), raw.bytes(), kInquiry);
    },
    __FILE__, __LINE__);

// --- Geometry vs READ CAPACITY (§3.9) ----------------------------------------------------------------------------

constexpr const char* kReadCapacity = "READ CAPACITY";

// What §3.9 derives from READ CAPACITY's last LBA L and block length B.
struct Derived {
    std::uint32_t bytesPerSector;
    std::int64_t cylinders;
    std::int64_t diskSize;
};
Derived derive(const mmc::ReadCapacityData& c)
{
    if (c.blockLength == 0) return {2048, static_cast<std::uint32_t>(c.lastLba + 1u) / 2048u, 0x7FFFFFFF};
    const std::uint32_t bytes = std::bit_floor(c.blockLength);
    const auto shift = static_cast<unsigned>(std::countr_zero(bytes));
    const std::uint32_t sectors = c.lastLba + 1u;  // a ULONG in the driver: FFFFFFFFh wraps to 0
    return {bytes, sectors / 2048u, static_cast<std::int64_t>(std::uint64_t{sectors} << shift)};
}

void compareGeometry(CrossLayer& t, const char* ioctlName, ioctl::ControlCode code, bool ex)
{
    const std::uint32_t size = ex ? ioctl::DISK_GEOMETRY_EX::kReturnedSize : sizeof(ioctl::DISK_GEOMETRY);
    std::vector<std::uint8_t> out(t.aligned(size), kUntouched);
    const ControlResult r = t.control(code, {}, out);
    const RawReply raw = ask(t.target(), mmc::cdb::readCapacity(), 8);
    SCOPED_TRACE(std::string(ioctlName) + " vs READ CAPACITY (drive: " + raw.describe() + ")");
    if (!expectSameOutcome(ioctlName, r, kReadCapacity, raw)) return;
    const auto capacity = mmc::parseReadCapacity(raw.bytes());
    ASSERT_TRUE(capacity) << "READ CAPACITY returned " << raw.bytes().size() << " of its 8 bytes";
    ASSERT_EQ(r.information, size) << "the driver returns the whole " << (ex ? "DISK_GEOMETRY_EX header" : "DISK_GEOMETRY");
    ioctl::DISK_GEOMETRY_EX g{};
    std::memcpy(&g, out.data(), size);
    const Derived d = derive(*capacity);
    expectSameValue("BytesPerSector (largest power of two <= block length " + std::to_string(capacity->blockLength) + ")",
                    g.Geometry.BytesPerSector, d.bytesPerSector, kReadCapacity);
    expectSameValue("Cylinders ((last LBA " + std::to_string(capacity->lastLba) + " + 1) / 2048)",
                    static_cast<std::uint64_t>(g.Geometry.Cylinders.QuadPart), static_cast<std::uint64_t>(d.cylinders), kReadCapacity);
    if (ex)
        expectSameValue("DiskSize ((last LBA + 1) << log2(BytesPerSector))", static_cast<std::uint64_t>(g.DiskSize.QuadPart),
                        static_cast<std::uint64_t>(d.diskSize), kReadCapacity);
}

const bool geometry = registerCheck(
    "GetDriveGeometryMatchesReadCapacity", {}, {},
    [](CrossLayer& t, const Variant&) { compareGeometry(t, "IOCTL_CDROM_GET_DRIVE_GEOMETRY", codes::CdromGetDriveGeometry, false); },
    __FILE__, __LINE__);
const bool geometryEx = registerCheck(
    "GetDriveGeometryExMatchesReadCapacity", {}, {},
    [](CrossLayer& t, const Variant&) { compareGeometry(t, "IOCTL_CDROM_GET_DRIVE_GEOMETRY_EX", codes::CdromGetDriveGeometryEx, true); },
    __FILE__, __LINE__);
// The IOCTL_DISK twins share the handler (§3.9).
const bool diskGeometry = registerCheck(
    "DiskGetDriveGeometryMatchesReadCapacity", {}, {},
    [](CrossLayer& t, const Variant&) { compareGeometry(t, "IOCTL_DISK_GET_DRIVE_GEOMETRY", codes::DiskGetDriveGeometry, false); },
    __FILE__, __LINE__);
const bool diskGeometryEx = registerCheck(
    "DiskGetDriveGeometryExMatchesReadCapacity", {}, {},
    [](CrossLayer& t, const Variant&) { compareGeometry(t, "IOCTL_DISK_GET_DRIVE_GEOMETRY_EX", codes::DiskGetDriveGeometryEx, true); },
    __FILE__, __LINE__);

// --- GET_PERFORMANCE vs GET PERFORMANCE (§3.12) ------------------------------------------------------------------

constexpr const char* kGetPerformance = "GET PERFORMANCE";
// Room for 32 nominal descriptors; a multiple of every usual alignment.
constexpr std::uint32_t kPerformanceLength = 8 + 16 * 32;

constexpr Field kPerformanceHeader[] = {{"DataLength", 0, 4}, {"Except", 4, 1, 0x01}, {"Write", 4, 1, 0x02},
                                        {"Reserved1", 4, 1, 0xFC}, {"Reserved2", 5, 3}};
constexpr Field kNominal[] = {{"StartLba", 0, 4}, {"StartPerformance", 4, 4}, {"EndLba", 8, 4}, {"EndPerformance", 12, 4}};
constexpr Field kException[] = {{"Lba", 0, 4}, {"Time", 4, 2}};
constexpr Field kWriteSpeed[] = {{"MixedReadWrite", 0, 1, 0x01}, {"Exact", 0, 1, 0x02}, {"Reserved1", 0, 1, 0x04},
                                 {"WriteRotationControl", 0, 1, 0x18}, {"Reserved2", 0, 1, 0xE0}, {"Reserved3", 1, 3},
                                 {"EndLba", 4, 4}, {"ReadSpeed", 8, 4}, {"WriteSpeed", 12, 4}};

// a = RequestType, b = PerformanceType, c = Exceptions (CDROM_PERFORMANCE_REQUEST, §2.2).
const bool getPerformance = registerCheck(
    "GetPerformanceMatchesGetPerformance", {},
    {{"ReadNominal", 1, 1, 1}, {"WriteNominal", 1, 2, 1}, {"ReadEntireList", 1, 1, 2}, {"ReadExceptionsOnly", 1, 1, 3},
     {"WriteSpeed", 2, 0, 0}},
    [](CrossLayer& t, const Variant& v) {
        std::vector<std::uint8_t> input;
        mmc::cdb::Cdb12 cdb{};
        Layout layout{kPerformanceHeader, ioctl::CDROM_PERFORMANCE_HEADER::kDataOffset, "nominal descriptor",
                      sizeof(ioctl::CDROM_NOMINAL_PERFORMANCE_DESCRIPTOR), kNominal};
        constexpr auto kDescriptors = static_cast<std::uint16_t>((kPerformanceLength - 8) / 16);
        if (v.a == ioctl::CdromPerformanceRequest) {
            ioctl::CDROM_PERFORMANCE_REQUEST in{};
            in.RequestType = ioctl::CdromPerformanceRequest;
            in.PerformanceType = static_cast<ioctl::CDROM_PERFORMANCE_TYPE>(v.b);
            in.Exceptions = static_cast<ioctl::CDROM_PERFORMANCE_EXCEPTION_TYPE>(v.c);
            in.Tolerance = ioctl::Cdrom10Nominal20Exceptions;
            input = bytesOf(in);
            // Except = Exceptions - 1, Write = PerformanceType 2, Tolerance 10b, type 0; exceptions are 6 bytes each.
            const bool exceptions = v.c == ioctl::CdromPerformanceExceptionsOnly;
            if (exceptions) layout = Layout{kPerformanceHeader, 8, "exception descriptor", sizeof(ioctl::CDROM_EXCEPTION_PERFORMANCE_DESCRIPTOR), kException};
            cdb = mmc::cdb::getPerformance(static_cast<std::uint8_t>(v.c - 1), v.b == ioctl::CdromWritePerformance, 2, 0,
                                           exceptions ? static_cast<std::uint16_t>((kPerformanceLength - 8) / 6) : kDescriptors, 0);
        } else {
            input = bytesOf(ioctl::CDROM_WRITE_SPEED_REQUEST{ioctl::CdromWriteSpeedRequest});
            layout = Layout{kPerformanceHeader, 8, "write speed descriptor", sizeof(ioctl::CDROM_WRITE_SPEED_DESCRIPTOR), kWriteSpeed};
            cdb = mmc::cdb::getPerformance(0, false, 0, 0, kDescriptors, 3);
        }
        std::vector<std::uint8_t> out(kPerformanceLength, kUntouched);
        const ControlResult r = t.control(codes::CdromGetPerformance, input, out);
        const RawReply raw = ask(t.target(), cdb, kPerformanceLength);
        SCOPED_TRACE("IOCTL_CDROM_GET_PERFORMANCE vs GET PERFORMANCE (drive: " + raw.describe() + ")");
        if (raw.good() && raw.bytes().size() < sizeof(ioctl::CDROM_PERFORMANCE_HEADER)) {
            EXPECT_THAT_STATUS(r.status, status::InvalidDeviceRequest) << "the drive's reply is shorter than the 8-byte header";
            return;
        }
        if (!expectSameOutcome("IOCTL_CDROM_GET_PERFORMANCE", r, kGetPerformance, raw)) return;
        ASSERT_LE(r.information, out.size());
        expectSameFields(layout, std::span(out).first(r.information), raw.bytes(), kGetPerformance);
    },
    __FILE__, __LINE__);

}  // namespace
}  // namespace cdcts::suites::crosslayer
