// The identity and configuration codes: IOCTL_CDROM_GET_CONFIGURATION (ioctl-contracts.md §3.8),
// IOCTL_CDROM_GET_INQUIRY_DATA (§3.10), IOCTL_CDROM_GET_DRIVE_GEOMETRY and _EX (§3.9) and the forwarded
// IOCTL_CDROM_DISK_TYPE (§3.23). Replies are checked for what MMC, SPC and the contracts promise of any
// drive (ordering, lengths, bits that must agree with each other), never for one drive's feature list.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "fixtures/device_test.hpp"
#include "harness/core/bytes.hpp"
#include "harness/ioctl/codes.hpp"
#include "harness/ioctl/nt_status.hpp"
#include "harness/ioctl/structures/configuration.hpp"
#include "harness/ioctl/structures/exclusive.hpp"
#include "harness/ioctl/structures/geometry.hpp"
#include "harness/ioctl/structures/inquiry.hpp"
#include "harness/ioctl/structures/misc.hpp"
#include "harness/ioctl/structures/toc.hpp"
#include "harness/mmc/msf.hpp"
#include "suites/caller_buffer.hpp"
#include "suites/exclusive_lock_guard.hpp"
#include "suites/status_matchers.hpp"

namespace cdcts::suites {
namespace {

using fixtures::DeviceParam;
using fixtures::Requirement;
namespace status = ioctl::status;
namespace codes = ioctl::codes;

// --- GET_CONFIGURATION helpers ---------------------------------------------------------------------------

std::vector<std::uint8_t> configurationInput(std::uint32_t feature, std::uint32_t requestType)
{
    ioctl::GET_CONFIGURATION_IOCTL_INPUT in{};
    std::memcpy(&in.Feature, &feature, sizeof feature);
    in.RequestType = requestType;
    std::vector<std::uint8_t> bytes(sizeof in);
    std::memcpy(bytes.data(), &in, sizeof in);
    return bytes;
}

struct Feature {
    std::uint16_t code = 0;
    bool current = false;
    std::vector<std::uint8_t> descriptor;  // FEATURE_HEADER and its data
};

struct Configuration {
    std::uint32_t dataLength = 0;  // the header's DataLength
    std::uint16_t currentProfile = 0;
    std::vector<Feature> features;
};

// Parses a complete GET_CONFIGURATION reply; every framing rule is an EXPECT, so callers check HasFailure().
Configuration parseConfiguration(std::span<const std::uint8_t> reply)
{
    Configuration c;
    if (reply.size() < sizeof(ioctl::GET_CONFIGURATION_HEADER)) {
        ADD_FAILURE() << "reply of " << reply.size() << " bytes is shorter than the 8-byte header";
        return c;
    }
    c.dataLength = loadBe32(reply.data());
    c.currentProfile = loadBe16(reply.data() + 6);
    EXPECT_EQ(std::size_t{c.dataLength} + 4, reply.size()) << "DataLength counts the bytes after itself";
    std::size_t at = ioctl::GET_CONFIGURATION_HEADER::kDataOffset;
    while (at < reply.size()) {
        if (reply.size() - at < sizeof(ioctl::FEATURE_HEADER)) {
            ADD_FAILURE() << "a partial feature header at offset " << at;
            break;
        }
        const std::size_t length = 4u + reply[at + 3];
        if (reply.size() - at < length) {
            ADD_FAILURE() << "feature " << loadBe16(reply.data() + at) << " at offset " << at << " runs past the reply";
            break;
        }
        Feature f;
        f.code = loadBe16(reply.data() + at);
        f.current = (reply[at + 2] & 0x01) != 0;
        EXPECT_EQ(reply[at + 3] % 4, 0) << "feature " << f.code << ": AdditionalLength is a multiple of 4 (MMC)";
        f.descriptor.assign(reply.begin() + static_cast<std::ptrdiff_t>(at), reply.begin() + static_cast<std::ptrdiff_t>(at + length));
        c.features.push_back(std::move(f));
        at += length;
    }
    for (std::size_t i = 1; i < c.features.size(); ++i)
        EXPECT_LT(c.features[i - 1].code, c.features[i].code) << "features are listed in ascending order, each once";
    return c;
}

const Feature* findFeature(const Configuration& c, std::uint16_t code)
{
    const auto it = std::find_if(c.features.begin(), c.features.end(), [code](const Feature& f) { return f.code == code; });
    return it == c.features.end() ? nullptr : &*it;
}

class ConfigurationTest : public fixtures::DeviceTest {
protected:
    // A buffer the adapter accepts and every drive's configuration fits in.
    std::uint32_t fullLength() { return alignedDown(device(), 0xFFFF); }

    ControlResult getConfiguration(std::uint32_t feature, std::uint32_t requestType, std::vector<std::uint8_t>& out)
    {
        return control(codes::CdromGetConfiguration, configurationInput(feature, requestType), out);
    }

    // The parsed reply of a request that must succeed; skips NotSupported when the drive is not MMC (§3.8 H1).
    std::optional<Configuration> query(std::uint32_t feature, std::uint32_t requestType)
    {
        std::vector<std::uint8_t> out(fullLength(), kUntouched);
        const ControlResult r = getConfiguration(feature, requestType, out);
        if (r.status == status::InvalidDeviceRequest) {
            notMmc_ = true;
            return std::nullopt;
        }
        EXPECT_THAT_STATUS(r.status, status::Success);
        if (r.status != status::Success) return std::nullopt;
        EXPECT_GE(r.information, 8u);
        EXPECT_LE(r.information, out.size());
        EXPECT_TRUE(allUntouched(pastInformation(out, r.information))) << "METHOD_BUFFERED copies exactly Information bytes";
        return parseConfiguration(std::span(out).first(std::min<std::size_t>(r.information, out.size())));
    }

    bool notMmc_ = false;
};

#define CDCTS_QUERY_OR_SKIP(var, feature, requestType)                                                                   \
    const std::optional<Configuration> var = query(feature, requestType);                                                 \
    if (notMmc_) GTEST_SKIP() << "NotSupported: the drive is not MMC (GET_CONFIGURATION answers INVALID_DEVICE_REQUEST)"; \
    ASSERT_TRUE(var.has_value());                                                                                        \
    ASSERT_FALSE(HasFailure())

// --- GET_CONFIGURATION: request types ---------------------------------------------------------------------

class GetConfiguration : public ConfigurationTest {};

TEST_P(GetConfiguration, AllListsEveryFeatureInAscendingOrder)
{
    CDCTS_QUERY_OR_SKIP(all, 0, ioctl::SCSI_GET_CONFIGURATION_REQUEST_TYPE_ALL);
    ASSERT_FALSE(all->features.empty());
    EXPECT_EQ(all->features.front().code, ioctl::FeatureProfileList) << "an MMC drive lists the Profile List feature first";
    const Feature* core = findFeature(*all, ioctl::FeatureCore);
    ASSERT_NE(core, nullptr) << "the Core feature is mandatory";
    EXPECT_TRUE(core->current) << "the Core feature is always current";
    EXPECT_TRUE(all->features.front().current) << "the Profile List feature is always current";
}

TEST_P(GetConfiguration, ProfileListAgreesWithTheCurrentProfile)
{
    CDCTS_QUERY_OR_SKIP(all, 0, ioctl::SCSI_GET_CONFIGURATION_REQUEST_TYPE_ALL);
    const Feature* list = findFeature(*all, ioctl::FeatureProfileList);
    ASSERT_NE(list, nullptr);
    ASSERT_EQ((list->descriptor.size() - 4) % sizeof(ioctl::FEATURE_DATA_PROFILE_LIST_EX), 0u);
    std::vector<std::uint16_t> currentProfiles;
    bool listed = false;
    for (std::size_t at = 4; at + 4 <= list->descriptor.size(); at += 4) {
        const std::uint16_t profile = loadBe16(list->descriptor.data() + at);
        if (profile == all->currentProfile) listed = true;
        if (list->descriptor[at + 2] & 0x01) currentProfiles.push_back(profile);
    }
    if (all->currentProfile == 0) {
        EXPECT_TRUE(currentProfiles.empty()) << "CurrentProfile 0 (no medium profile) but a profile is marked current";
    } else {
        EXPECT_TRUE(listed) << "CurrentProfile " << all->currentProfile << " is not in the profile list";
        EXPECT_EQ(currentProfiles, std::vector<std::uint16_t>{all->currentProfile})
            << "exactly the header's CurrentProfile carries the Current bit";
    }
}

TEST_P(GetConfiguration, AllFromAFeatureStartsThere)
{
    CDCTS_QUERY_OR_SKIP(all, 0, ioctl::SCSI_GET_CONFIGURATION_REQUEST_TYPE_ALL);
    ASSERT_GE(all->features.size(), 2u);
    // From the second listed feature, and from one past it: the reply is the tail of the full list.
    for (const std::uint32_t start : {std::uint32_t{all->features[1].code}, std::uint32_t{all->features[1].code} + 1u}) {
        SCOPED_TRACE("starting feature " + std::to_string(start));
        CDCTS_QUERY_OR_SKIP(tail, start, ioctl::SCSI_GET_CONFIGURATION_REQUEST_TYPE_ALL);
        std::vector<std::uint16_t> expected, actual;
        for (const Feature& f : all->features)
            if (f.code >= start) expected.push_back(f.code);
        for (const Feature& f : tail->features) actual.push_back(f.code);
        EXPECT_EQ(actual, expected);
        EXPECT_EQ(tail->currentProfile, all->currentProfile) << "the header's CurrentProfile is always filled";
    }
}

TEST_P(GetConfiguration, CurrentListsExactlyTheCurrentFeatures)
{
    CDCTS_QUERY_OR_SKIP(all, 0, ioctl::SCSI_GET_CONFIGURATION_REQUEST_TYPE_ALL);
    CDCTS_QUERY_OR_SKIP(current, 0, ioctl::SCSI_GET_CONFIGURATION_REQUEST_TYPE_CURRENT);
    std::vector<std::uint16_t> expected, actual;
    for (const Feature& f : all->features)
        if (f.current) expected.push_back(f.code);
    for (const Feature& f : current->features) {
        EXPECT_TRUE(f.current) << "feature " << f.code << " is returned for CURRENT without its Current bit";
        actual.push_back(f.code);
    }
    EXPECT_EQ(actual, expected) << "CURRENT returns the features ALL marks current";
    EXPECT_EQ(current->currentProfile, all->currentProfile);
}

TEST_P(GetConfiguration, OneReturnsOnlyTheFeatureAskedFor)
{
    CDCTS_QUERY_OR_SKIP(all, 0, ioctl::SCSI_GET_CONFIGURATION_REQUEST_TYPE_ALL);
    for (const Feature& f : all->features) {
        SCOPED_TRACE("feature " + std::to_string(f.code));
        CDCTS_QUERY_OR_SKIP(one, f.code, ioctl::SCSI_GET_CONFIGURATION_REQUEST_TYPE_ONE);
        ASSERT_EQ(one->features.size(), 1u) << "ONE returns the one feature asked for";
        EXPECT_EQ(one->features.front().code, f.code);
        EXPECT_EQ(one->features.front().descriptor, f.descriptor) << "the same descriptor as in the ALL list";
        EXPECT_EQ(one->currentProfile, all->currentProfile);
    }
}

TEST_P(GetConfiguration, OneForAnAbsentFeatureReturnsTheHeaderOnly)
{
    CDCTS_QUERY_OR_SKIP(all, 0, ioctl::SCSI_GET_CONFIGURATION_REQUEST_TYPE_ALL);
    // 0xFFFF is the highest feature number the driver accepts; no MMC feature has it.
    if (findFeature(*all, 0xFFFF)) GTEST_SKIP() << "NotSupported: the drive lists a feature FFFFh";
    CDCTS_QUERY_OR_SKIP(one, 0xFFFF, ioctl::SCSI_GET_CONFIGURATION_REQUEST_TYPE_ONE);
    EXPECT_TRUE(one->features.empty());
    EXPECT_EQ(one->dataLength, 4u) << "a header alone: DataLength counts the 4 bytes after itself";
    EXPECT_EQ(one->currentProfile, all->currentProfile);
}

TEST_P(GetConfiguration, TruncatesASmallBufferWithSuccessNotOverflow)
{
    CDCTS_QUERY_OR_SKIP(all, 0, ioctl::SCSI_GET_CONFIGURATION_REQUEST_TYPE_ALL);
    std::vector<std::uint8_t> full(fullLength(), kUntouched);
    ASSERT_THAT_STATUS(getConfiguration(0, ioctl::SCSI_GET_CONFIGURATION_REQUEST_TYPE_ALL, full).status, status::Success);
    for (const std::uint32_t wanted : {8u, 16u}) {
        const std::uint32_t length = alignedDown(device(), wanted);
        if (length < 8 || std::size_t{length} >= all->dataLength + 4u) continue;
        SCOPED_TRACE("output length " + std::to_string(length));
        std::vector<std::uint8_t> small(length, kUntouched);
        const ControlResult s = getConfiguration(0, ioctl::SCSI_GET_CONFIGURATION_REQUEST_TYPE_ALL, small);
        EXPECT_THAT_STATUS(s.status, status::Success) << "there is no BUFFER_OVERFLOW path for GET_CONFIGURATION (§3.8)";
        EXPECT_EQ(s.information, length) << "Information is the bytes the drive transferred";
        EXPECT_TRUE(std::equal(small.begin(), small.begin() + std::min<std::uint32_t>(s.information, length), full.begin()))
            << "a truncated reply is the first bytes of the full one";
        EXPECT_GT(loadBe32(small.data()) + 4u, s.information) << "the caller detects truncation by DataLength + 4 > Information";
    }
}

// --- GET_CONFIGURATION: the medium shows in the current profile ---------------------------------------------

class GetConfigurationWithMedium : public ConfigurationTest {
protected:
    std::vector<Requirement> requirements() const override { return {Requirement::MediumPresent}; }
};

TEST_P(GetConfigurationWithMedium, HasACurrentProfileAndACurrentCdReadFeatureForACd)
{
    CDCTS_QUERY_OR_SKIP(all, 0, ioctl::SCSI_GET_CONFIGURATION_REQUEST_TYPE_ALL);
    EXPECT_NE(all->currentProfile, 0) << "a drive with a disc has a current profile";
    const bool cdProfile = all->currentProfile >= 0x0008 && all->currentProfile <= 0x000A;
    if (!cdProfile) GTEST_SKIP() << "NotSupported: the current profile " << all->currentProfile << " is not a CD profile";
    const Feature* cdRead = findFeature(*all, ioctl::FeatureCdRead);
    ASSERT_NE(cdRead, nullptr) << "a drive that mounts a CD lists the CD Read feature";
    EXPECT_TRUE(cdRead->current) << "CD Read is current while a CD profile is";
}

class GetConfigurationNoMedium : public ConfigurationTest {
protected:
    std::vector<Requirement> requirements() const override { return {Requirement::MediumAbsent}; }
};

TEST_P(GetConfigurationNoMedium, AnswersWithoutADiscAndNoCurrentProfile)
{
    CDCTS_QUERY_OR_SKIP(all, 0, ioctl::SCSI_GET_CONFIGURATION_REQUEST_TYPE_ALL);
    EXPECT_EQ(all->currentProfile, 0) << "with no disc no profile is current";
    CDCTS_QUERY_OR_SKIP(current, 0, ioctl::SCSI_GET_CONFIGURATION_REQUEST_TYPE_CURRENT);
    EXPECT_EQ(current->currentProfile, 0);
}

class GetConfigurationAccess : public ConfigurationTest {
protected:
    HandleAccess handleAccess() const override { return HandleAccess::None; }
};

TEST_P(GetConfigurationAccess, NeedsReadAccess)
{
    std::vector<std::uint8_t> out(fullLength(), kUntouched);
    const ControlResult r = getConfiguration(0, ioctl::SCSI_GET_CONFIGURATION_REQUEST_TYPE_ALL, out);
    EXPECT_THAT_STATUS(r.status, status::AccessDenied) << "the I/O manager checks FILE_READ_DATA first (§1 step 1)";
    EXPECT_TRUE(allUntouched(out));
}

// --- GET_CONFIGURATION: the V-stage rules (§3.8 V1-V7) ----------------------------------------------------

struct ConfigurationCase {
    std::string id;
    std::string name;          // [A-Za-z0-9_]
    std::uint32_t outLength;   // 0xFFFFFFFF: the largest aligned length (set in the test)
    std::uint32_t inLength;    // bytes of the input passed
    std::uint32_t feature;
    std::uint32_t requestType;
    std::uint64_t reserved0;
    std::uint64_t reserved1;
    ioctl::NtStatus expected;
    bool needsAlignment = false;  // rule 3: only on an adapter with a non-zero alignment mask
};
void PrintTo(const ConfigurationCase& p, std::ostream* os) { *os << p.id << " " << p.name; }

constexpr std::uint32_t kFullOut = 0xFFFFFFFF;

class GetConfigurationInvalid : public fixtures::DeviceTestOf<ConfigurationCase> {
protected:
    std::vector<Requirement> requirements() const override
    {
        if (GetParam().needsAlignment) return {Requirement::AdapterKnown};
        return {};
    }
};

TEST_P(GetConfigurationInvalid, FailsWithTheDocumentedStatusAndWritesNothing)
{
    const ConfigurationCase& c = GetParam();
    std::uint32_t outLength = c.outLength == kFullOut ? alignedDown(device(), 0xFFFF) : c.outLength;
    if (c.needsAlignment) {
        const std::uint32_t mask = device().adapter()->alignmentMask;
        if (mask == 0) GTEST_SKIP() << "NotSupported: the adapter of " << c.id << " needs no alignment (mask 0)";
        outLength = alignedDown(device(), 0xFFFF) - 1u;  // ≥ 8, ≤ 0xFFFF, not aligned
        ASSERT_NE(outLength & mask, 0u);
    }
    ioctl::GET_CONFIGURATION_IOCTL_INPUT in{};
    std::memcpy(&in.Feature, &c.feature, sizeof c.feature);
    in.RequestType = c.requestType;
    in.Reserved[0] = static_cast<std::remove_cvref_t<decltype(in.Reserved[0])>>(c.reserved0);
    in.Reserved[1] = static_cast<std::remove_cvref_t<decltype(in.Reserved[1])>>(c.reserved1);
    std::vector<std::uint8_t> input(std::max<std::size_t>(sizeof in, c.inLength), 0);
    std::memcpy(input.data(), &in, sizeof in);
    input.resize(c.inLength);

    std::vector<std::uint8_t> out(outLength, kUntouched);
    const ControlResult r = control(codes::CdromGetConfiguration, input, out);
    EXPECT_THAT_STATUS(r.status, c.expected) << "input " << c.inLength << " bytes, output " << outLength << " bytes";
    EXPECT_TRUE(allUntouched(out)) << "nothing is copied back on an error status (§0.2)";

    // No state change: a valid request still answers.
    std::vector<std::uint8_t> check(alignedDown(device(), 0xFFFF), kUntouched);
    const ControlResult after = control(codes::CdromGetConfiguration, configurationInput(0, 0), check);
    if (after.status != status::InvalidDeviceRequest) {
        EXPECT_THAT_STATUS(after.status, status::Success);
    }
}

std::vector<ConfigurationCase> invalidConfigurationCases()
{
    constexpr auto in = static_cast<std::uint32_t>(sizeof(ioctl::GET_CONFIGURATION_IOCTL_INPUT));
    std::vector<ConfigurationCase> templates = {
        // V1: OutLen < 8 (checked before alignment, so odd lengths below 8 are too small as well).
        {"", "output_0", 0, in, 0, 0, 0, 0, status::BufferTooSmall},
        {"", "output_1", 1, in, 0, 0, 0, 0, status::BufferTooSmall},
        {"", "output_4", 4, in, 0, 0, 0, 0, status::BufferTooSmall},
        {"", "output_7", 7, in, 0, 0, 0, 0, status::BufferTooSmall},
        // V2: OutLen > 0xFFFF.
        {"", "output_65536", 0x10000, in, 0, 0, 0, 0, status::InvalidBufferSize},
        {"", "output_131072", 0x20000, in, 0, 0, 0, 0, status::InvalidBufferSize},
        // V3: OutLen not aligned to the adapter.
        {"", "output_unaligned", 0, in, 0, 0, 0, 0, status::InvalidParameter, true},
        // V4: InLen < sizeof(GET_CONFIGURATION_IOCTL_INPUT) of this caller's bitness.
        {"", "input_0", kFullOut, 0, 0, 0, 0, 0, status::InfoLengthMismatch},
        {"", "input_4", kFullOut, 4, 0, 0, 0, 0, status::InfoLengthMismatch},
        {"", "input_8", kFullOut, 8, 0, 0, 0, 0, status::InfoLengthMismatch},
        {"", "input_" + std::to_string(in - 1), kFullOut, in - 1, 0, 0, 0, 0, status::InfoLengthMismatch},
        // V5: Feature > 0xFFFF.
        {"", "feature_10000h", kFullOut, in, 0x10000, 0, 0, 0, status::InvalidParameter},
        {"", "feature_7FFFFFFFh", kFullOut, in, 0x7FFFFFFF, 0, 0, 0, status::InvalidParameter},
        // V6: RequestType not in {ALL, CURRENT, ONE}.
        {"", "request_type_3", kFullOut, in, 0, 3, 0, 0, status::InvalidParameter},
        {"", "request_type_FFFFFFFFh", kFullOut, in, 0, 0xFFFFFFFF, 0, 0, status::InvalidParameter},
        // V7: Reserved pointers non-NULL.
        {"", "reserved0_set", kFullOut, in, 0, 0, 1, 0, status::InvalidParameter},
        {"", "reserved1_set", kFullOut, in, 0, 0, 0, 1, status::InvalidParameter},
    };
    if (in > 16) templates.push_back({"", "input_16", kFullOut, 16, 0, 0, 0, 0, status::InfoLengthMismatch});
    std::vector<ConfigurationCase> out;
    for (const auto& d : fixtures::DeviceRegistry::instance().params())
        for (ConfigurationCase c : templates) {
            c.id = d.id;
            out.push_back(c);
        }
    return out;
}

std::string configurationCaseName(const testing::TestParamInfo<ConfigurationCase>& info)
{
    return info.param.id + "_" + info.param.name;
}

// --- GET_INQUIRY_DATA (§3.10) -------------------------------------------------------------------------------

std::string trimmed(std::span<const std::uint8_t> ascii)
{
    std::string s(ascii.begin(), ascii.end());
    const auto first = s.find_first_not_of(' ');
    if (first == std::string::npos) return {};
    return s.substr(first, s.find_last_not_of(' ') - first + 1);
}

class GetInquiryData : public fixtures::DeviceTest {
protected:
    // The whole cached INQUIRY data (the driver never holds more than 260 bytes).
    std::vector<std::uint8_t> fullInquiry(ControlResult& r)
    {
        std::vector<std::uint8_t> out(ioctl::MAXIMUM_CDROM_INQUIRY_SIZE + 16, kUntouched);
        r = control(codes::CdromGetInquiryData, {}, out);
        return out;
    }
};

TEST_P(GetInquiryData, ReturnsTheStandardInquiryDataOfACdDevice)
{
    ControlResult r;
    const std::vector<std::uint8_t> out = fullInquiry(r);
    ASSERT_THAT_STATUS(r.status, status::Success);
    EXPECT_GE(r.information, ioctl::MINIMUM_CDROM_INQUIRY_SIZE);
    EXPECT_LE(r.information, ioctl::MAXIMUM_CDROM_INQUIRY_SIZE);
    EXPECT_TRUE(allUntouched(pastInformation(out, r.information))) << "METHOD_BUFFERED copies exactly Information bytes";
    ASSERT_GE(r.information, ioctl::MINIMUM_CDROM_INQUIRY_SIZE);
    EXPECT_EQ(out[0] & 0x1F, ioctl::READ_ONLY_DIRECT_ACCESS_DEVICE) << "peripheral device type 05h (CD/DVD)";
    EXPECT_EQ(out[0] >> 5, 0) << "peripheral qualifier 0: the logical unit is connected";
    EXPECT_NE(out[1] & 0x80, 0) << "RMB: a CD/DVD logical unit has removable media";
    EXPECT_GE(out[4] + 5u, ioctl::MINIMUM_CDROM_INQUIRY_SIZE) << "AdditionalLength covers the standard 36 bytes";
    for (std::size_t i = offsetof(ioctl::INQUIRYDATA, VendorId); i < offsetof(ioctl::INQUIRYDATA, VendorSpecific); ++i)
        EXPECT_TRUE(out[i] >= 0x20 && out[i] <= 0x7E) << "byte " << i << " (" << int{out[i]} << ") of vendor/product/revision is not printable ASCII";
    // SPC lets each field be all spaces, but then reports cannot tell drives or firmware apart, and waivers
    // and baselines keyed by identity cannot either: within the contract, yet poor.
    const auto blank = [&](std::size_t offset, std::size_t length) { return trimmed(std::span(out).subspan(offset, length)).empty(); };
    if (blank(offsetof(ioctl::INQUIRYDATA, VendorId), 8)) qualityWarning("INQUIRY VendorId is blank");
    if (blank(offsetof(ioctl::INQUIRYDATA, ProductId), 16)) qualityWarning("INQUIRY ProductId is blank");
    if (blank(offsetof(ioctl::INQUIRYDATA, ProductRevisionLevel), 4))
        qualityWarning("INQUIRY ProductRevisionLevel is blank: firmware versions cannot be told apart");
}

TEST_P(GetInquiryData, AgreesWithTheDeviceIdentity)
{
    ControlResult r;
    const std::vector<std::uint8_t> out = fullInquiry(r);
    ASSERT_THAT_STATUS(r.status, status::Success);
    ASSERT_GE(r.information, ioctl::MINIMUM_CDROM_INQUIRY_SIZE);
    const DeviceIdentity& id = device().identity();
    if (id.vendor.empty() && id.product.empty()) GTEST_SKIP() << "NotSupported: the backend reports no vendor or product";
    EXPECT_EQ(trimmed(std::span(out).subspan(8, 8)), id.vendor);
    EXPECT_EQ(trimmed(std::span(out).subspan(16, 16)), id.product);
    if (!id.revision.empty()) {
        EXPECT_EQ(trimmed(std::span(out).subspan(32, 4)), id.revision);
    }
}

TEST_P(GetInquiryData, AnswersTheSameTwice)
{
    ControlResult a, b;
    const std::vector<std::uint8_t> first = fullInquiry(a), second = fullInquiry(b);
    ASSERT_THAT_STATUS(a.status, status::Success);
    ASSERT_THAT_STATUS(b.status, status::Success);
    EXPECT_EQ(a.information, b.information);
    EXPECT_EQ(first, second) << "the cached INQUIRY data never changes while the device exists";
}

TEST_P(GetInquiryData, AnExactBufferSucceedsAndOneByteLessOverflows)
{
    ControlResult r;
    const std::vector<std::uint8_t> full = fullInquiry(r);
    ASSERT_THAT_STATUS(r.status, status::Success);
    std::vector<std::uint8_t> exact(r.information, kUntouched);
    const ControlResult e = control(codes::CdromGetInquiryData, {}, exact);
    EXPECT_THAT_STATUS(e.status, status::Success);
    EXPECT_EQ(e.information, r.information);
    EXPECT_TRUE(std::equal(exact.begin(), exact.end(), full.begin()));

    std::vector<std::uint8_t> shorter(r.information - 1, kUntouched);
    const ControlResult s = control(codes::CdromGetInquiryData, {}, shorter);
    EXPECT_THAT_STATUS(s.status, status::BufferOverflow);
    EXPECT_EQ(s.information, shorter.size()) << "a warning returns the bytes that fit";
    EXPECT_TRUE(std::equal(shorter.begin(), shorter.end(), full.begin()));
}

struct LengthParam {
    std::string id;
    std::uint32_t length;
};
void PrintTo(const LengthParam& p, std::ostream* os) { *os << p.id << " length=" << p.length; }
std::string lengthName(const testing::TestParamInfo<LengthParam>& info)
{
    return info.param.id + "_length_" + std::to_string(info.param.length);
}

class GetInquiryDataShortBuffer : public fixtures::DeviceTestOf<LengthParam> {};

TEST_P(GetInquiryDataShortBuffer, OverflowsWithThePartialBytes)
{
    std::vector<std::uint8_t> full(ioctl::MAXIMUM_CDROM_INQUIRY_SIZE, kUntouched);
    ASSERT_THAT_STATUS(control(codes::CdromGetInquiryData, {}, full).status, status::Success);
    const std::uint32_t length = GetParam().length;
    std::vector<std::uint8_t> out(length + 8u, kUntouched);
    const ControlResult r = control(codes::CdromGetInquiryData, {}, std::span(out).first(length));
    if (length == 0) {
        EXPECT_THAT_STATUS(r.status, status::BufferTooSmall);
        EXPECT_TRUE(allUntouched(out));
        return;
    }
    EXPECT_THAT_STATUS(r.status, status::BufferOverflow) << "STATUS_BUFFER_OVERFLOW is a warning: the bytes that fit come back";
    EXPECT_EQ(r.information, length);
    EXPECT_TRUE(std::equal(out.begin(), out.begin() + length, full.begin()));
    EXPECT_TRUE(allUntouched(std::span(out).subspan(length)));
}

class GetInquiryDataAccess : public fixtures::DeviceTest {
protected:
    HandleAccess handleAccess() const override { return HandleAccess::None; }
};

TEST_P(GetInquiryDataAccess, NeedsReadAccess)
{
    std::vector<std::uint8_t> out(ioctl::MAXIMUM_CDROM_INQUIRY_SIZE, kUntouched);
    const ControlResult r = control(codes::CdromGetInquiryData, {}, out);
    EXPECT_THAT_STATUS(r.status, status::AccessDenied) << "the I/O manager checks FILE_READ_DATA first (§1 step 1)";
    EXPECT_TRUE(allUntouched(out));
}

// --- GET_DRIVE_GEOMETRY and _EX (§3.9) ---------------------------------------------------------------------

class GetDriveGeometry : public fixtures::DeviceTest {
protected:
    std::vector<Requirement> requirements() const override { return {Requirement::MediumPresent}; }
};

void expectConsistentGeometry(const ioctl::DISK_GEOMETRY& g)
{
    EXPECT_EQ(g.BytesPerSector, 2048u) << "a CD reports 2048-byte cooked sectors";
    EXPECT_EQ(g.MediaType, ioctl::RemovableMedia);
    EXPECT_EQ(g.TracksPerCylinder, 64u);
    EXPECT_EQ(g.SectorsPerTrack, 32u);
    EXPECT_GE(g.Cylinders.QuadPart, 0);
}

TEST_P(GetDriveGeometry, ReturnsTheGeometryOfACd)
{
    std::vector<std::uint8_t> out(sizeof(ioctl::DISK_GEOMETRY) + 16, kUntouched);
    const ControlResult r = control(codes::CdromGetDriveGeometry, {}, out);
    ASSERT_THAT_STATUS(r.status, status::Success);
    EXPECT_EQ(r.information, sizeof(ioctl::DISK_GEOMETRY));
    EXPECT_TRUE(allUntouched(pastInformation(out, r.information)));
    ioctl::DISK_GEOMETRY g{};
    std::memcpy(&g, out.data(), sizeof g);
    expectConsistentGeometry(g);
}

TEST_P(GetDriveGeometry, ExAgreesWithTheGeometry)
{
    std::vector<std::uint8_t> plain(sizeof(ioctl::DISK_GEOMETRY), kUntouched);
    std::vector<std::uint8_t> ex(sizeof(ioctl::DISK_GEOMETRY_EX) + 16, kUntouched);
    ASSERT_THAT_STATUS(control(codes::CdromGetDriveGeometry, {}, plain).status, status::Success);
    const ControlResult r = control(codes::CdromGetDriveGeometryEx, {}, ex);
    ASSERT_THAT_STATUS(r.status, status::Success);
    EXPECT_EQ(r.information, ioctl::DISK_GEOMETRY_EX::kReturnedSize) << "the CD-ROM driver fills no partition or detection data";
    EXPECT_TRUE(allUntouched(pastInformation(ex, r.information)));
    EXPECT_TRUE(std::equal(plain.begin(), plain.end(), ex.begin())) << "DISK_GEOMETRY_EX.Geometry is the GEOMETRY reply";

    ioctl::DISK_GEOMETRY_EX g{};
    std::memcpy(&g, ex.data(), ioctl::DISK_GEOMETRY_EX::kReturnedSize);
    expectConsistentGeometry(g.Geometry);
    ASSERT_GT(g.DiskSize.QuadPart, 0) << "a disc is present";
    EXPECT_EQ(g.DiskSize.QuadPart % std::max<std::uint32_t>(g.Geometry.BytesPerSector, 1), 0) << "DiskSize is whole sectors";
    // Cylinders = sectors / (TracksPerCylinder * SectorsPerTrack), rounded down.
    const std::int64_t sectors = g.DiskSize.QuadPart / std::max<std::uint32_t>(g.Geometry.BytesPerSector, 1);
    const std::int64_t perCylinder = std::int64_t{g.Geometry.TracksPerCylinder} * g.Geometry.SectorsPerTrack;
    if (perCylinder > 0) {
        EXPECT_EQ(g.Geometry.Cylinders.QuadPart, sectors / perCylinder) << "Cylinders agrees with DiskSize";
    }
}

TEST_P(GetDriveGeometry, DiskCodesGiveTheSameAnswer)
{
    // IOCTL_DISK_GET_DRIVE_GEOMETRY(_EX) share the case labels of the CD-ROM codes (§3.9).
    std::vector<std::uint8_t> cd(sizeof(ioctl::DISK_GEOMETRY_EX), kUntouched), disk(cd);
    const ControlResult a = control(codes::CdromGetDriveGeometryEx, {}, cd);
    const ControlResult b = control(codes::DiskGetDriveGeometryEx, {}, disk);
    ASSERT_THAT_STATUS(a.status, status::Success);
    ASSERT_THAT_STATUS(b.status, status::Success);
    EXPECT_EQ(a.information, b.information);
    EXPECT_EQ(cd, disk);
    std::vector<std::uint8_t> cdPlain(sizeof(ioctl::DISK_GEOMETRY), kUntouched), diskPlain(cdPlain);
    ASSERT_THAT_STATUS(control(codes::CdromGetDriveGeometry, {}, cdPlain).status, status::Success);
    ASSERT_THAT_STATUS(control(codes::DiskGetDriveGeometry, {}, diskPlain).status, status::Success);
    EXPECT_EQ(cdPlain, diskPlain);
}

TEST_P(GetDriveGeometry, CapacityCoversTheLastTrackOfTheToc)
{
    std::vector<std::uint8_t> ex(ioctl::DISK_GEOMETRY_EX::kReturnedSize, kUntouched);
    ASSERT_THAT_STATUS(control(codes::CdromGetDriveGeometryEx, {}, ex).status, status::Success);
    ioctl::DISK_GEOMETRY_EX g{};
    std::memcpy(&g, ex.data(), ioctl::DISK_GEOMETRY_EX::kReturnedSize);
    const std::int64_t sectors = g.DiskSize.QuadPart / 2048;

    std::vector<std::uint8_t> tocBytes(alignedDown(device(), 4096), kUntouched);
    const ControlResult t = control(codes::CdromReadToc, {}, tocBytes);
    ASSERT_THAT_STATUS(t.status, status::Success);
    ioctl::CDROM_TOC toc{};
    std::memcpy(&toc, tocBytes.data(), std::min<std::size_t>(t.information, sizeof toc));
    ASSERT_LE(toc.FirstTrack, toc.LastTrack);
    const std::size_t tracks = std::size_t(toc.LastTrack - toc.FirstTrack + 1);
    ASSERT_GE(t.information, 4 + 8 * (tracks + 1));
    const auto lba = [](const ioctl::TRACK_DATA& d) { return mmc::msfToLba(mmc::Msf{d.Address[1], d.Address[2], d.Address[3]}); };
    const std::int64_t lastTrackStart = lba(toc.TrackData[tracks - 1]);
    const std::int64_t leadOut = lba(toc.TrackData[tracks]);
    // READ CAPACITY reports the end of the program area: past the last track's start, never past the lead-out.
    EXPECT_GT(sectors, lastTrackStart) << "the capacity reaches into the last track";
    EXPECT_LE(sectors, leadOut) << "the capacity ends at or before the lead-out";
}

struct GeometryShortParam {
    std::string id;
    bool ex;
    std::uint32_t length;
};
void PrintTo(const GeometryShortParam& p, std::ostream* os) { *os << p.id << (p.ex ? " EX" : "") << " length=" << p.length; }

class GetDriveGeometryShortBuffer : public fixtures::DeviceTestOf<GeometryShortParam> {};

TEST_P(GetDriveGeometryShortBuffer, FailsWithBufferTooSmallAndWritesNothing)
{
    // Checked before the request is queued (V-stage), so the answer is the same with or without a disc.
    std::vector<std::uint8_t> out(GetParam().length, kUntouched);
    const ControlResult r = control(GetParam().ex ? codes::CdromGetDriveGeometryEx : codes::CdromGetDriveGeometry, {}, out);
    EXPECT_THAT_STATUS(r.status, status::BufferTooSmall);
    EXPECT_TRUE(allUntouched(out));
}

class GetDriveGeometryNoMedium : public fixtures::DeviceTest {
protected:
    std::vector<Requirement> requirements() const override { return {Requirement::MediumAbsent}; }
};

TEST_P(GetDriveGeometryNoMedium, FailsWithNoMediaInDevice)
{
    for (const bool ex : {false, true}) {
        SCOPED_TRACE(ex ? "GET_DRIVE_GEOMETRY_EX" : "GET_DRIVE_GEOMETRY");
        std::vector<std::uint8_t> out(sizeof(ioctl::DISK_GEOMETRY_EX), kUntouched);
        const ControlResult r = control(ex ? codes::CdromGetDriveGeometryEx : codes::CdromGetDriveGeometry, {}, out);
        EXPECT_THAT_STATUS(r.status, status::NoMediaInDevice);
        EXPECT_TRUE(allUntouched(out));
    }
}

class GetDriveGeometryAccess : public fixtures::DeviceTest {
protected:
    HandleAccess handleAccess() const override { return HandleAccess::None; }
};

TEST_P(GetDriveGeometryAccess, NeedsReadAccess)
{
    for (const bool ex : {false, true}) {
        SCOPED_TRACE(ex ? "GET_DRIVE_GEOMETRY_EX" : "GET_DRIVE_GEOMETRY");
        std::vector<std::uint8_t> out(sizeof(ioctl::DISK_GEOMETRY_EX), kUntouched);
        const ControlResult r = control(ex ? codes::CdromGetDriveGeometryEx : codes::CdromGetDriveGeometry, {}, out);
        EXPECT_THAT_STATUS(r.status, status::AccessDenied);
        EXPECT_TRUE(allUntouched(out));
    }
}

// DISK_TYPE (§3.23) has no case in the driver: obsolete_codes_suite.cpp checks it against each device's declaration.

// --- State: another handle holds the exclusive lock (§1 step 2, §3.5) -------------------------------------

class IdentityWhileLocked : public fixtures::DeviceTest {};

TEST_P(IdentityWhileLocked, GetInquiryDataStillAnswersANonOwner)
{
    std::vector<std::uint8_t> before(ioctl::MAXIMUM_CDROM_INQUIRY_SIZE, kUntouched);
    const ControlResult b = control(codes::CdromGetInquiryData, {}, before);
    ASSERT_THAT_STATUS(b.status, status::Success);
    ExclusiveLockGuard lock(device());
    if (const ControlResult r = lock.lock(); !r.status.isSuccess())
        GTEST_SKIP() << "NotSupported: " << ExclusiveLockGuard::refusalReason(r.status);
    std::vector<std::uint8_t> during(ioctl::MAXIMUM_CDROM_INQUIRY_SIZE, kUntouched);
    const ControlResult d = control(codes::CdromGetInquiryData, {}, during);
    EXPECT_THAT_STATUS(d.status, status::Success) << "GET_INQUIRY_DATA passes the exclusive-lock gate";
    EXPECT_EQ(d.information, b.information);
    EXPECT_EQ(during, before);
}

TEST_P(IdentityWhileLocked, GetConfigurationGeometryAndDiskTypeAreDeniedToANonOwner)
{
    ExclusiveLockGuard lock(device());
    if (const ControlResult r = lock.lock(); !r.status.isSuccess())
        GTEST_SKIP() << "NotSupported: " << ExclusiveLockGuard::refusalReason(r.status);
    const std::vector<std::uint8_t> config = configurationInput(0, ioctl::SCSI_GET_CONFIGURATION_REQUEST_TYPE_ALL);
    const struct {
        const char* name;
        ioctl::ControlCode code;
        std::span<const std::uint8_t> input;
        std::size_t outLength;
    } cases[] = {
        {"GET_CONFIGURATION", codes::CdromGetConfiguration, config, alignedDown(device(), 0xFFFF)},
        {"GET_DRIVE_GEOMETRY", codes::CdromGetDriveGeometry, {}, sizeof(ioctl::DISK_GEOMETRY)},
        {"GET_DRIVE_GEOMETRY_EX", codes::CdromGetDriveGeometryEx, {}, sizeof(ioctl::DISK_GEOMETRY_EX)},
        {"DISK_TYPE", codes::CdromDiskType, {}, sizeof(ioctl::CDROM_DISK_DATA)},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        std::vector<std::uint8_t> out(c.outLength, kUntouched);
        const ControlResult r = control(c.code, c.input, out);
        EXPECT_THAT_STATUS(r.status, status::AccessDenied) << "a CD-ROM code from a non-owner is refused at the gate";
        EXPECT_TRUE(allUntouched(out));
    }
    // The owner itself is still answered.
    std::vector<std::uint8_t> out(alignedDown(device(), 0xFFFF), kUntouched);
    const ControlResult owner = lock.owner().control(codes::CdromGetConfiguration, config, out);
    if (owner.status != status::InvalidDeviceRequest) {
        EXPECT_THAT_STATUS(owner.status, status::Success) << "the lock owner passes the gate";
    }
}

// --- Instantiation -----------------------------------------------------------------------------------------

std::vector<LengthParam> inquiryShortLengths()
{
    std::vector<LengthParam> out;
    for (const auto& d : fixtures::DeviceRegistry::instance().params())
        for (std::uint32_t length : {0u, 1u, 8u, 35u}) out.push_back({d.id, length});
    return out;
}

std::vector<GeometryShortParam> geometryShortLengths()
{
    std::vector<GeometryShortParam> out;
    for (const auto& d : fixtures::DeviceRegistry::instance().params()) {
        for (std::uint32_t length : {0u, 1u, 8u, 23u}) out.push_back({d.id, false, length});
        for (std::uint32_t length : {0u, 8u, 24u, 31u}) out.push_back({d.id, true, length});
    }
    return out;
}

std::string geometryShortName(const testing::TestParamInfo<GeometryShortParam>& info)
{
    return info.param.id + (info.param.ex ? "_GetDriveGeometryEx" : "") + "_length_" + std::to_string(info.param.length);
}

const auto devices = [] { return testing::ValuesIn(fixtures::DeviceRegistry::instance().params()); };

INSTANTIATE_TEST_SUITE_P(, GetConfiguration, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, GetConfigurationWithMedium, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, GetConfigurationNoMedium, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, GetConfigurationAccess, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, GetConfigurationInvalid, testing::ValuesIn(invalidConfigurationCases()), configurationCaseName);
INSTANTIATE_TEST_SUITE_P(, GetInquiryData, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, GetInquiryDataShortBuffer, testing::ValuesIn(inquiryShortLengths()), lengthName);
INSTANTIATE_TEST_SUITE_P(, GetInquiryDataAccess, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, GetDriveGeometry, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, GetDriveGeometryShortBuffer, testing::ValuesIn(geometryShortLengths()), geometryShortName);
INSTANTIATE_TEST_SUITE_P(, GetDriveGeometryNoMedium, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, GetDriveGeometryAccess, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, IdentityWhileLocked, devices(), fixtures::DeviceParamName{});
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GetConfiguration);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GetConfigurationWithMedium);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GetConfigurationNoMedium);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GetConfigurationAccess);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GetConfigurationInvalid);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GetInquiryData);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GetInquiryDataShortBuffer);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GetInquiryDataAccess);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GetDriveGeometry);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GetDriveGeometryShortBuffer);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GetDriveGeometryNoMedium);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GetDriveGeometryAccess);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(IdentityWhileLocked);

}  // namespace
}  // namespace cdcts::suites
