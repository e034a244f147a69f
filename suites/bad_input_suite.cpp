// The bad-input sweep (issue #5 item 4): every malformed request of bad_input_cases.hpp, on every device. Each one
// must be answered with its documented status (or one of its allowed statuses), copy nothing back on an error and
// nothing past Information on success, and leave the drive responsive and unchanged: the fixtures' drive-state guard
// compares the emulated drive's whole state around every test, and the test itself compares what the IOCTLs show
// on any drive (media-change count, TOC, audio status, exclusive-lock state).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "fixtures/device_test.hpp"
#include "harness/core/bytes.hpp"
#include "harness/ioctl/codes.hpp"
#include "harness/ioctl/nt_status.hpp"
#include "harness/ioctl/structures/exclusive.hpp"
#include "harness/ioctl/structures/subchannel.hpp"
#include "suites/bad_input_cases.hpp"
#include "suites/media_support.hpp"
#include "suites/status_matchers.hpp"

namespace cdcts::suites {
namespace {

using bad_input::BadInputCase;
using bad_input::Precondition;
using bad_input::Undo;
using fixtures::Requirement;
namespace codes = ioctl::codes;
namespace status = ioctl::status;

constexpr std::uint8_t kPattern = kUntouched;  // what the caller's buffer holds before the call

struct BadInputParam {
    std::string id;
    const BadInputCase* input = nullptr;
};
void PrintTo(const BadInputParam& p, std::ostream* os) { *os << p.id << " " << p.input->name; }

std::vector<BadInputParam> badInputParams()
{
    std::vector<BadInputParam> out;
    for (const auto& d : fixtures::DeviceRegistry::instance().params())
        for (const BadInputCase& c : bad_input::badInputCases()) out.push_back({d.id, &c});
    return out;
}

std::string badInputName(const testing::TestParamInfo<BadInputParam>& info) { return info.param.id + "_" + info.param.input->name; }

// Compared a page at a time: the huge cases check 16 MiB each, and the sweep must stay fast.
bool untouched(std::span<const std::uint8_t> bytes)
{
    static const std::vector<std::uint8_t> page(4096, kPattern);
    for (std::size_t at = 0; at < bytes.size(); at += page.size()) {
        const std::size_t n = std::min(page.size(), bytes.size() - at);
        if (std::memcmp(bytes.data() + at, page.data(), n) != 0) return false;
    }
    return true;
}

// The caller's buffer, kept between tests so a 16 MiB case does not page in fresh memory each time.
std::vector<std::uint8_t>& callerBuffer(std::size_t size)
{
    static std::vector<std::uint8_t> buffer;
    buffer.assign(size, kPattern);
    return buffer;
}

std::string describe(const std::vector<ioctl::NtStatus>& statuses)
{
    std::ostringstream os;
    for (std::size_t i = 0; i < statuses.size(); ++i) os << (i ? " or " : "") << ioctl::ntStatusName(statuses[i]);
    return os.str();
}

// What any drive shows through the IOCTLs that a malformed request must not change.
struct VisibleState {
    std::optional<std::uint32_t> mediaChangeCount;
    ioctl::NtStatus tocStatus;
    std::vector<std::uint8_t> toc;
    std::optional<std::uint8_t> audioStatus;  // 11h playing, 12h paused, 0 otherwise
    std::optional<std::vector<std::uint8_t>> exclusiveLock;  // CDROM_EXCLUSIVE_LOCK_STATE, where a query can be made
};

// The exclusive-lock state through a query on a read-write handle of its own (§3.5: any handle may query); nullopt
// where such a handle cannot be opened (e.g. a Windows user without the rights).
std::optional<std::vector<std::uint8_t>> exclusiveLockState(Device& device)
{
    std::unique_ptr<DeviceHandle> rw;
    try {
        rw = device.open(HandleAccess::ReadWrite);
    } catch (const std::exception&) {
        return std::nullopt;
    }
    std::vector<std::uint8_t> in(sizeof(ioctl::CDROM_EXCLUSIVE_ACCESS), 0);
    storeLe32(in.data(), ioctl::ExclusiveAccessQueryState);
    std::vector<std::uint8_t> state(sizeof(ioctl::CDROM_EXCLUSIVE_LOCK_STATE), kPattern);
    if (!rw->control(codes::CdromExclusiveAccess, in, state).status.isSuccess()) return std::nullopt;
    return state;
}

VisibleState visibleState(Device& device, DeviceHandle& handle)
{
    VisibleState s;
    s.exclusiveLock = exclusiveLockState(device);
    s.mediaChangeCount = media::checkVerify(handle).count;
    std::vector<std::uint8_t> toc(1024, kPattern);
    const ControlResult t = handle.control(codes::CdromReadToc, {}, toc);
    s.tocStatus = t.status;
    if (t.status.isSuccess()) s.toc.assign(toc.begin(), toc.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(t.information, toc.size())));
    std::vector<std::uint8_t> q(sizeof(ioctl::SUB_Q_CURRENT_POSITION), kPattern);
    const std::vector<std::uint8_t> format{ioctl::IOCTL_CDROM_CURRENT_POSITION, 0};
    if (handle.control(codes::CdromReadQChannel, format, q).status.isSuccess()) {
        // PLAY_COMPLETE, PLAY_ERROR and NO_STATUS all mean "nothing plays" and the first two are reported once.
        const std::uint8_t a = q[1];
        s.audioStatus = (a == ioctl::AUDIO_STATUS_IN_PROGRESS || a == ioctl::AUDIO_STATUS_PAUSED) ? a : 0;
    }
    return s;
}

class BadInput : public fixtures::DeviceTestOf<BadInputParam> {
protected:
    HandleAccess handleAccess() const override { return GetParam().input->access; }

    // The case's documented answers for what devices.yaml says the drive holds; both sets when it does not say.
    std::vector<ioctl::NtStatus> allowedStatuses() const
    {
        const BadInputCase& c = *GetParam().input;
        const auto& declared = spec().expect.mediumPresent;
        if (declared) return *declared ? c.withMedium : c.withoutMedium;
        std::vector<ioctl::NtStatus> both = c.withMedium;
        for (const auto s : c.withoutMedium)
            if (std::find(both.begin(), both.end(), s) == both.end()) both.push_back(s);
        return both;
    }

    std::optional<std::string> unmetPrecondition()
    {
        const BadInputCase& c = *GetParam().input;
        switch (c.precondition) {
        case Precondition::None: return std::nullopt;
        case Precondition::AlignmentMask: {
            const auto adapter = device().adapter();
            if (!adapter) return "the adapter's alignment mask of " + GetParam().id + " is unknown";
            if (adapter->alignmentMask == 0) return "the adapter of " + GetParam().id + " needs no alignment (mask 0)";
            return std::nullopt;
        }
        case Precondition::NoAlignmentMask: {
            const auto adapter = device().adapter();
            if (!adapter) return "the adapter's alignment mask of " + GetParam().id + " is unknown";
            if (adapter->alignmentMask != 0) return "the adapter of " + GetParam().id + " needs alignment, so the length is refused";
            return std::nullopt;
        }
        case Precondition::AllowDestructive:
            if (!spec().expect.allowDestructive)
                return "ejects the tray; devices.yaml does not declare expect.allow_destructive: true for " + GetParam().id;
            return media::cannotEjectAndReload(handle());
        }
        return std::nullopt;
    }
};

TEST_P(BadInput, Rejected)
{
    const BadInputCase& c = *GetParam().input;
    if (const auto reason = unmetPrecondition()) GTEST_SKIP() << "NotSupported: " << *reason;
    const std::vector<ioctl::NtStatus> allowed = allowedStatuses();
    if (allowed.empty()) GTEST_SKIP() << "NotSupported: the documented answer of " << c.name << " needs a disc in the drive";
    SCOPED_TRACE(std::string(c.code) + ", " + std::string(c.rule));

    const VisibleState before = visibleState(device(), handle());

    std::vector<std::uint8_t>& buffer = callerBuffer(c.outputOffset + c.outputLength);
    const std::span<std::uint8_t> output = std::span(buffer).subspan(c.outputOffset);
    ControlResult r;
    {
        // Cases whose documented answer is to act are put back, even when an assertion below fails.
        media::TrayGuard tray(handle());
        media::ReservationGuard reservation(handle());
        if (c.undo == Undo::LoadMedia) tray.expectOut();
        if (c.undo == Undo::Release) reservation.held();
        device().clearCommandTrace();
        r = control(c.value, c.input, output);
        // §1 step 4: a V-stage refusal happens before the request is queued, so before any command (and the MMC
        // refresh); some codes send none at all (§6). Checked where the device keeps a trace (the emulated drives).
        if (c.sendsNoCommand) {
            if (const auto trace = device().commandTrace()) {
                EXPECT_TRUE(trace->empty()) << trace->size() << " command(s) reached the drive, the first opcode "
                                            << (trace->empty() || trace->front().cdb.empty() ? 0 : int(trace->front().cdb[0]));
            }
        }
    }
    if (c.undo == Undo::LoadMedia) (void)media::checkVerifyAfterChange(handle());

    EXPECT_TRUE(std::find(allowed.begin(), allowed.end(), r.status) != allowed.end())
        << "status " << ioctl::ntStatusName(r.status) << "; documented: " << describe(allowed);
    EXPECT_TRUE(untouched(std::span(buffer).first(c.outputOffset))) << "bytes before the caller's buffer changed";
    if (r.status.isError()) {
        // §0.2: on an error status nothing is copied back (user mode sees Information 0; the driver's own value is
        // not asserted, contracts Q8).
        EXPECT_TRUE(untouched(output)) << "an error status copied bytes back";
    } else {
        EXPECT_LE(r.information, c.outputLength) << "Information past the caller's buffer";
        const std::size_t copied = std::min<std::size_t>(r.information, output.size());
        EXPECT_TRUE(untouched(output.subspan(copied))) << "bytes past Information " << r.information << " changed";
        if (c.minInformation) {
            EXPECT_GE(r.information, *c.minInformation) << "Information below the documented reply";
        }
        if (c.maxInformation) {
            EXPECT_LE(r.information, *c.maxInformation) << "Information above the documented reply";
        }
    }

    // Responsive: a cheap request still gets a normal answer.
    const ControlResult alive = control(codes::StorageCheckVerify2, {}, {});
    EXPECT_TRUE(alive.status == status::Success || alive.status == status::NoMediaInDevice)
        << "CHECK_VERIFY2 after the case: " << ioctl::ntStatusName(alive.status);

    // Unchanged, as far as the IOCTLs show it. An eject-and-load counts as media changes by design.
    const VisibleState after = visibleState(device(), handle());
    if (c.undo != Undo::LoadMedia) {
        EXPECT_EQ(after.mediaChangeCount, before.mediaChangeCount) << "media-change count moved";
    }
    EXPECT_THAT_STATUS(after.tocStatus, before.tocStatus);
    EXPECT_EQ(after.toc, before.toc) << "the TOC changed";
    EXPECT_EQ(after.audioStatus, before.audioStatus) << "the audio status changed";
    EXPECT_EQ(after.exclusiveLock, before.exclusiveLock) << "the exclusive-lock state changed";
}

INSTANTIATE_TEST_SUITE_P(, BadInput, testing::ValuesIn(badInputParams()), badInputName);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(BadInput);

}  // namespace
}  // namespace cdcts::suites
