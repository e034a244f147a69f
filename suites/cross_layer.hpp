#pragma once
// The cross-layer oracle (issue #5 item 5; DESIGN.md § Three oracles, "consistency"): where the device has a SCSI
// pass-through, an IOCTL's result is compared with the reply the drive itself gives to the MMC command the contract
// says the class driver sends for it (ioctl-contracts.md §6), in the same drive state. The raw reply is the oracle:
// nothing here expects a value of its own. Where the contract says the driver rewrites a field, the comparison
// applies that rewrite to the drive's bytes (geometry from READ CAPACITY, the volume from page 0Eh); elsewhere the
// driver copies the drive's bytes and they must agree field by field.
//
// The raw commands are reads and queries only, and each is sent after the IOCTL, so a pending unit attention is
// consumed by the driver (as it would be without the check) and not by the pass-through behind its back.
//
// Every check of the family lives in one GoogleTest suite, CrossLayer, with names
// `CrossLayer.<Ioctl>Matches<MmcCommand>/<device>[_<variant>]`. The variants differ per check (a TOC format, a
// TrackMode, a request type), which TEST_P cannot express without running each check over every other check's
// variants, so the tests are registered at run time (fixtures/test_registrars.hpp).
#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "fixtures/device_test.hpp"
#include "harness/ioctl/codes.hpp"
#include "harness/ioctl/nt_status.hpp"
#include "harness/mmc/mmc_target.hpp"

namespace cdcts::suites::crosslayer {

namespace status = ioctl::status;
namespace codes = ioctl::codes;

// One variant of a check: the suffix of its test name ("" for none) and up to three numbers the check reads.
struct Variant {
    std::string name;
    std::int32_t a = 0;
    std::int32_t b = 0;
    std::int32_t c = 0;
};

class CrossLayer : public testing::Test, public fixtures::DeviceTestCore {
public:
    using Body = std::function<void(CrossLayer&, const Variant&)>;
    CrossLayer(std::string deviceId, Variant variant, std::vector<fixtures::Requirement> requirements, Body body);

    void SetUp() override;
    void TearDown() override;
    void TestBody() override;

    // The pass-through; SetUp skips the test where there is none.
    [[nodiscard]] mmc::MmcTarget& target() { return *target_; }
    [[nodiscard]] const std::string& deviceId() const { return deviceId_; }
    // `n` rounded up to the adapter's alignment (8 when unknown, which passes every usual mask).
    [[nodiscard]] std::uint32_t aligned(std::uint32_t n);

private:
    std::string deviceId_;
    Variant variant_;
    std::vector<fixtures::Requirement> requirements_;
    Body body_;
    mmc::MmcTarget* target_ = nullptr;
};

// Registers `CrossLayer.<name>/<device>[_<variant>]` for every device of the run and every variant (one unnamed
// variant when the list is empty). Call it to initialise a namespace-scope constant of the suite file.
bool registerCheck(std::string name, std::vector<fixtures::Requirement> requirements, std::vector<Variant> variants,
                   CrossLayer::Body body, const char* file, int line);

// --- The raw side ------------------------------------------------------------------------------------------------

// A raw command's outcome and the bytes it transferred.
struct RawReply {
    mmc::CommandResult result;
    std::vector<std::uint8_t> data;
    [[nodiscard]] bool good() const { return result.good(); }
    [[nodiscard]] std::span<const std::uint8_t> bytes() const;
    // "GOOD, 20 bytes" or "CHECK CONDITION, NOT READY 3A/00 (medium not present)".
    [[nodiscard]] std::string describe() const;
};

// A data-in command with `allocation` bytes of buffer, or a command without data (allocation 0).
RawReply ask(mmc::MmcTarget& target, std::span<const std::uint8_t> cdb, std::size_t allocation);

// The status the contract's sense tables give a command that ends with this outcome and is not retried into
// something else (§8.1 first, then §8.2): medium not present, invalid field, illegal request, medium error, ...
// nullopt for a good outcome and where the tables retry (not ready becoming ready, unit attention) or the outcome has
// no sense: the final status then depends on what the retries see.
[[nodiscard]] std::optional<ioctl::NtStatus> mappedStatus(const mmc::CommandResult& result);

// The common shape of every comparison where the driver forwards the drive's verdict: when the drive refused the
// command, the IOCTL must fail with the mapped status (and nothing to compare); when the drive answered, the IOCTL
// must succeed. Returns true when both answered and the payloads are to be compared.
bool expectSameOutcome(const char* ioctl, const ControlResult& fromIoctl, const char* command, const RawReply& fromDrive);

// --- Field-by-field comparison -----------------------------------------------------------------------------------

// A field of a reply: `size` bytes at `offset`, big-endian as MMC lays them out (compared as bytes past 8); `mask`
// picks bits of a one-byte field (the value is shifted down to the mask's lowest bit).
struct Field {
    const char* name;
    std::size_t offset;
    std::size_t size = 1;
    std::uint8_t mask = 0xFF;
};

// A reply made of a header and fixed-size records (TOC descriptors, performance descriptors, CD-TEXT packs).
struct Layout {
    std::span<const Field> header;
    std::size_t headerSize;
    const char* record;  // "track descriptor"
    std::size_t recordSize;  // 0: no records, the bytes after the header are compared as a whole
    std::span<const Field> fields;  // of one record
};

// Expects the same value of every field in both replies, the same length and no other byte different (bytes no
// field names are compared as a whole); each message names the field, the record and both values.
void expectSameFields(const Layout& layout, std::span<const std::uint8_t> fromIoctl, std::span<const std::uint8_t> fromDrive,
                      const char* command);

// The fields of one record at `base` in both replies, each message prefixed with `where` ("feature 001Eh: ").
void expectSameRecord(std::span<const Field> fields, std::size_t size, std::span<const std::uint8_t> fromIoctl,
                      std::span<const std::uint8_t> fromDrive, std::size_t base, const std::string& where, const char* command);

// One value, compared with a message naming it and where both values come from.
void expectSameValue(const std::string& field, std::uint64_t fromIoctl, std::uint64_t fromDrive, const char* command);

// Byte spans compared, the first difference named by offset.
void expectSameBytes(const std::string& what, std::span<const std::uint8_t> fromIoctl, std::span<const std::uint8_t> fromDrive,
                     const char* command);

}  // namespace cdcts::suites::crosslayer
