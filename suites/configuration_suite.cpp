// IOCTL_CDROM_GET_CONFIGURATION (ioctl-contracts.md §3.8) in every request type, the medium in the current profile,
// and the V-stage rules. Replies are checked for what MMC and the contracts promise of any drive (ordering,
// lengths, bits that must agree with each other), never for one drive's feature list.
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
#include "suites/configuration_support.hpp"
#include "suites/status_matchers.hpp"

namespace cdcts::suites {
namespace {

using fixtures::DeviceParam;
using fixtures::Requirement;
namespace status = ioctl::status;
namespace codes = ioctl::codes;

// --- GET_CONFIGURATION helpers ---------------------------------------------------------------------------

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

// --- Instantiation -----------------------------------------------------------------------------------------

using fixtures::devices;

INSTANTIATE_TEST_SUITE_P(, GetConfiguration, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, GetConfigurationWithMedium, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, GetConfigurationNoMedium, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, GetConfigurationAccess, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, GetConfigurationInvalid, testing::ValuesIn(invalidConfigurationCases()), configurationCaseName);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GetConfiguration);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GetConfigurationWithMedium);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GetConfigurationNoMedium);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GetConfigurationAccess);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GetConfigurationInvalid);

}  // namespace
}  // namespace cdcts::suites
