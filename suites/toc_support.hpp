#pragma once
// What the table-of-contents suites share (toc_suite.cpp, toc_validation_suite.cpp, last_session_suite.cpp):
// the READ_TOC_EX input, the caller-buffer bookkeeping, the invariants of a TOC and a session-data reply
// (contracts §2.3, §3.16, §3.17), and a fixture that issues the three codes.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <iomanip>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "fixtures/device_test.hpp"
#include "harness/core/bytes.hpp"
#include "harness/ioctl/codes.hpp"
#include "harness/ioctl/nt_status.hpp"
#include "harness/ioctl/structures/audio.hpp"
#include "harness/ioctl/structures/configuration.hpp"
#include "harness/ioctl/structures/toc.hpp"
#include "harness/ioctl/structures/toc_ex.hpp"
#include "harness/mmc/msf.hpp"
#include "suites/caller_buffer.hpp"
#include "suites/status_matchers.hpp"

namespace cdcts::suites::toc {

using fixtures::Requirement;
namespace status = ioctl::status;
namespace codes = ioctl::codes;

inline constexpr std::uint8_t kLeadOut = 0xAA;
inline constexpr std::uint8_t kFormatToc = ioctl::CDROM_READ_TOC_EX_FORMAT_TOC;
inline constexpr std::uint8_t kFormatSession = ioctl::CDROM_READ_TOC_EX_FORMAT_SESSION;
inline constexpr std::uint8_t kFormatFullToc = ioctl::CDROM_READ_TOC_EX_FORMAT_FULL_TOC;
inline constexpr std::uint8_t kFormatPma = ioctl::CDROM_READ_TOC_EX_FORMAT_PMA;
inline constexpr std::uint8_t kFormatAtip = ioctl::CDROM_READ_TOC_EX_FORMAT_ATIP;
inline constexpr std::uint8_t kFormatCdText = ioctl::CDROM_READ_TOC_EX_FORMAT_CDTEXT;
inline constexpr std::size_t kSessionDataSize = sizeof(ioctl::CDROM_TOC_SESSION_DATA);
inline constexpr std::size_t kFullTocBlock = sizeof(ioctl::CDROM_TOC_FULL_TOC_DATA_BLOCK);
inline constexpr std::size_t kAtipBlock = sizeof(ioctl::CDROM_TOC_ATIP_DATA_BLOCK);
inline constexpr std::size_t kCdTextBlock = sizeof(ioctl::CDROM_TOC_CD_TEXT_DATA_BLOCK);
inline constexpr std::uint16_t kProfileCdR = 0x0009;
inline constexpr std::uint16_t kProfileCdRw = 0x000A;

// `n` rounded up to the adapter's alignment; 8 when the adapter is unknown, which passes every usual mask (0-7).

inline std::array<std::uint8_t, 4> tocExInput(std::uint8_t format, bool msf, std::uint8_t sessionTrack)
{
    return {static_cast<std::uint8_t>((format & 0x0F) | (msf ? 0x80 : 0x00)), sessionTrack, 0, 0};
}

struct Reply {
    ControlResult result;
    std::vector<std::uint8_t> buffer;  // the whole caller buffer, untouched bytes included
    [[nodiscard]] std::span<const std::uint8_t> bytes() const { return std::span(buffer).first(std::min<std::size_t>(result.information, buffer.size())); }
};

// A TOC descriptor's address as an LBA, from either form.
inline std::int32_t lbaOf(const ioctl::TRACK_DATA& t, bool msf)
{
    if (msf) return mmc::msfToLba(mmc::Msf{t.Address[1], t.Address[2], t.Address[3]});
    return static_cast<std::int32_t>(loadBe32(t.Address));
}

// The MSF form's address counted in frames from 00:00:00, which is the LBA + 150.
inline std::int32_t msfFrames(const ioctl::TRACK_DATA& t)
{
    return (t.Address[1] * mmc::kSecondsPerMinute + t.Address[2]) * mmc::kFramesPerSecond + t.Address[3];
}

// The Length field at the head of every TOC reply.
inline std::size_t lengthField(std::span<const std::uint8_t> reply) { return loadBe16(reply.data()); }

inline ioctl::TRACK_DATA descriptorAt(std::span<const std::uint8_t> reply, std::size_t i)
{
    ioctl::TRACK_DATA t{};
    std::memcpy(&t, reply.data() + 4 + i * sizeof t, sizeof t);
    return t;
}

inline std::size_t tocDescriptors(std::span<const std::uint8_t> reply) { return reply.size() < 4 ? 0 : (reply.size() - 4) / sizeof(ioctl::TRACK_DATA); }

// Every invariant of a FORMAT_TOC reply; `firstReported` is the first track the reply lists (0 = only the lead-out).
inline void expectWellFormedToc(std::span<const std::uint8_t> reply, bool msf)
{
    ASSERT_GE(reply.size(), 4u + sizeof(ioctl::TRACK_DATA)) << "a TOC holds a header and at least the lead-out";
    ASSERT_EQ((reply.size() - 4) % sizeof(ioctl::TRACK_DATA), 0u) << "Information " << reply.size() << " is not 4 + 8n";
    EXPECT_EQ(lengthField(reply) + 2u, reply.size()) << "Length must count the bytes after itself";
    const std::uint8_t first = reply[2], last = reply[3];
    ASSERT_GE(first, 1);
    ASSERT_LE(last, 99);
    ASSERT_LE(first, last);
    const std::size_t n = tocDescriptors(reply);
    std::int32_t previous = -151;
    for (std::size_t i = 0; i < n; ++i) {
        const ioctl::TRACK_DATA t = descriptorAt(reply, i);
        const bool leadOut = i + 1 == n;
        SCOPED_TRACE("descriptor " + std::to_string(i) + " (track " + std::to_string(t.TrackNumber) + ")");
        if (leadOut) {
            EXPECT_EQ(t.TrackNumber, kLeadOut) << "the lead-out comes last";
        } else {
            EXPECT_GE(t.TrackNumber, first);
            EXPECT_LE(t.TrackNumber, last);
            if (i > 0) {
                EXPECT_EQ(t.TrackNumber, descriptorAt(reply, i - 1).TrackNumber + 1) << "tracks ascend one by one";
            }
        }
        if (msf) {
            EXPECT_EQ(t.Address[0], 0) << "MSF addresses are 00 MM SS FF";
            const mmc::Msf m{t.Address[1], t.Address[2], t.Address[3]};
            EXPECT_TRUE(mmc::isValidMsf(m)) << mmc::formatMsf(m) << " is not a valid MSF";
        }
        const std::int32_t lba = lbaOf(t, msf);
        EXPECT_GE(lba, leadOut ? 1 : -150) << "an address before the program area";
        EXPECT_GT(lba, previous) << "addresses must ascend";
        previous = lba;
    }
}

// Every invariant of a CDROM_TOC_SESSION_DATA reply.
inline void expectWellFormedSessionData(std::span<const std::uint8_t> reply, bool msf)
{
    ASSERT_EQ(reply.size(), kSessionDataSize) << "the session data is one header and one descriptor";
    EXPECT_EQ(lengthField(reply), kSessionDataSize - 2) << "Length must count the bytes after itself";
    EXPECT_GE(reply[2], 1) << "FirstCompleteSession";
    EXPECT_LE(reply[2], reply[3]) << "FirstCompleteSession <= LastCompleteSession";
    EXPECT_LE(reply[3], 99) << "LastCompleteSession";
    const ioctl::TRACK_DATA t = descriptorAt(reply, 0);
    EXPECT_GE(t.TrackNumber, 1);
    EXPECT_LE(t.TrackNumber, 99);
    if (msf) {
        EXPECT_EQ(t.Address[0], 0);
        EXPECT_TRUE(mmc::isValidMsf(mmc::Msf{t.Address[1], t.Address[2], t.Address[3]}));
    }
    EXPECT_GE(lbaOf(t, msf), 0) << "the last session starts in the program area";
}

template <class Param>
class TocTestOf : public fixtures::DeviceTestOf<Param> {
protected:
    Reply readTocEx(std::uint8_t format, bool msf, std::uint8_t sessionTrack, std::size_t outLen)
    {
        const auto in = tocExInput(format, msf, sessionTrack);
        return call(codes::CdromReadTocEx, in, outLen);
    }
    // The whole reply of a format: a 64 KiB - alignment buffer holds any TOC reply.
    Reply readTocExAll(std::uint8_t format, bool msf, std::uint8_t sessionTrack = 0)
    {
        return readTocEx(format, msf, sessionTrack, alignedUp(this->device(), 0xF000));
    }
    Reply getLastSession(std::size_t outLen) { return call(codes::CdromGetLastSession, {}, outLen); }
    Reply call(ioctl::ControlCode code, std::span<const std::uint8_t> in, std::size_t outLen)
    {
        Reply r{{}, std::vector<std::uint8_t>(outLen, kUntouched)};
        r.result = this->control(code, in, r.buffer);
        return r;
    }
    // The current MMC profile from GET_CONFIGURATION's header, nullopt when the drive does not say.
    std::optional<std::uint16_t> currentProfile()
    {
        ioctl::GET_CONFIGURATION_IOCTL_INPUT in{};
        in.Feature = ioctl::FEATURE_NUMBER{};  // the profile list; only the header matters
        in.RequestType = 2;                    // SCSI_GET_CONFIGURATION_REQUEST_TYPE_ONE
        std::vector<std::uint8_t> bytes(sizeof in);
        std::memcpy(bytes.data(), &in, sizeof in);
        const Reply r = call(codes::CdromGetConfiguration, bytes, alignedUp(this->device(), sizeof(ioctl::GET_CONFIGURATION_HEADER)));
        if (!r.result.status.isSuccess() || r.result.information < sizeof(ioctl::GET_CONFIGURATION_HEADER)) return std::nullopt;
        return loadBe16(r.buffer.data() + offsetof(ioctl::GET_CONFIGURATION_HEADER, CurrentProfile));
    }
    // Why the medium has no PMA or ATIP, or nullopt for CD-R and CD-RW: only a recordable disc has them (MMC-6 §6.26.3).
    std::optional<std::string> notRecordable(const char* what)
    {
        const auto profile = currentProfile();
        if (profile == kProfileCdR || profile == kProfileCdRw) return std::nullopt;
        std::ostringstream reason;
        reason << what << " exists only on CD-R/CD-RW; the current profile is ";
        if (profile) reason << std::hex << std::setw(4) << std::setfill('0') << *profile << "h"; else reason << "unknown (GET_CONFIGURATION failed)";
        return reason.str();
    }
};

}  // namespace cdcts::suites::toc
